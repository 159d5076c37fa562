"""Every page route and every API route is listed here with the permission that guards it.

A new route without a row fails `test_every_*_route_is_listed`; a row must name a rule of an
app's `rules.py` (the one answer to "may this person see / act on this"), or say that the route
is public or open to every viewer about their own government or themself. The persona matrices
(tests/web/test_permissions.py, tests/organization/api/test_matrix.py,
tests/assignments/api/test_matrix.py) check the answers each route gives.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from sikerja.accounts import rules as accounts
from sikerja.api.v1 import api
from sikerja.assignments import rules as assignments
from sikerja.documents import rules as documents
from sikerja.organization import rules as organization
from sikerja.performance import rules as performance
from sikerja.teams import rules as teams
from sikerja.teams.individual import rules as individual

PUBLIC = "public: no login"
ANY_VIEWER = "any viewer with an account: only about themself or their own government's pack"

PAGES: dict[str, object] = {
    "set_language": PUBLIC,
    "web:login": PUBLIC,
    "web:sso-login": PUBLIC,
    "web:sso-callback": PUBLIC,
    "web:healthz": PUBLIC,
    "web:readyz": PUBLIC,
    "web:logout": ANY_VIEWER,
    "web:password-change": ANY_VIEWER,
    "web:password-reset": PUBLIC,
    "web:password-reset-done": PUBLIC,
    "web:password-reset-confirm": PUBLIC,
    "web:password-reset-complete": PUBLIC,
    "web:logins": accounts.may_see_logins,
    "web:login-create": accounts.may_manage_logins,
    "web:login-action": accounts.may_manage_logins,
    "web:locked-accounts": accounts.may_manage_logins,
    "web:account-unlock": accounts.may_manage_logins,
    "web:home": organization.employees_visible_to,
    "web:agency_list": organization.agencies_visible_to,
    "web:agency_detail": organization.agencies_visible_to,
    "web:agency_counts": organization.agencies_visible_to,
    "web:employee_list": organization.employees_visible_to,
    "web:employee_detail": organization.employees_visible_to,
    "web:transfer": organization.may_transfer,
    "web:transfer-job": organization.may_transfer,
    "web:employee-placements": organization.may_transfer,
    "web:employee-placement-action": organization.may_transfer,
    "web:position-search": organization.may_transfer,
    "web:position-field-unit": organization.may_change_organization,
    "web:transfer-template-xlsx": organization.may_transfer,
    "web:transfer-template-csv": organization.may_transfer,
    "web:transfer-export-xlsx": organization.may_transfer,
    "web:assignment-list": assignments.assignments_visible_to,
    "web:assignment-create": assignments.may_request,
    "web:assignment-inbox-count": assignments.steps_decidable_by,
    "web:assignment-detail": assignments.assignments_visible_to,
    "web:assignment-decide": assignments.may_decide_step,
    "web:assignment-recommend": assignments.may_recommend_on_step,
    "web:assignment-remind": assignments.may_decide_step,
    "web:assignment-withdraw": assignments.assignments_requested_by,
    "web:process-maps": ANY_VIEWER,
    "web:process-map": ANY_VIEWER,
    "web:process-map-svg": ANY_VIEWER,
    "web:process-map-bpmn": ANY_VIEWER,
    "web:notifications": ANY_VIEWER,
    "web:team-list": teams.teams_visible_to,
    "web:team-create": teams.may_form_team,
    "web:team-detail": teams.teams_visible_to,
    "web:team-decide": teams.may_decide_step,
    # Each change page asks its own rule: may_manage_team, may_fill_lead (isi-ketua) or the
    # lead's step, may_decide_step (masukan-anggota): tests/teams/test_web_changes.py.
    "web:team-change": teams.may_manage_team,
    "web:team-evidence": teams.may_see_evidence,
    "web:team-reports": teams.work_steps_for,
    "web:team-report-detail": teams.reports_visible_to,
    "web:team-report-submit": teams.may_submit_report,
    "web:team-report-decide": teams.may_decide_step,
    "web:team-evaluation-detail": teams.teams_visible_to,
    "web:team-evaluation-decide": teams.may_decide_step,
    # Reports on individual work (tests/teams/work/test_individual_pages.py).
    "web:individual-reports": individual.individual_reports_visible_to,
    "web:individual-report-create": individual.may_report_individual_work,
    "web:individual-report-detail": individual.individual_reports_visible_to,
    "web:individual-report-submit": individual.may_submit_individual_report,
    "web:individual-report-decide": teams.may_decide_step,
    "web:individual-report-reroute": individual.may_reroute_individual_report,
    "web:individual-evidence": individual.individual_reports_visible_to,
    "web:team-results-submit": teams.may_submit_team_results,
    "web:team-work": teams.may_see_team_work,
    "web:team-work-action": teams.may_see_team_work,
    "web:my-work": ANY_VIEWER,
    # The workload of a unit is seen by whoever may see the unit (tests/teams/test_workload.py).
    "web:team-workload-home": organization.units_visible_to,
    "web:team-workload": organization.may_see_unit,
    # Training-need proposals (V-62): proposed by the unit head or their delegate from the
    # workload page, seen as `training_proposals_visible_to` says, decided by BKPSDM
    # (tests/teams/test_training.py, tests/teams/test_training_pages.py).
    "web:training-propose": teams.may_propose_for_unit,
    "web:training-proposals": teams.training_proposals_visible_to,
    "web:training-decide": teams.may_decide_training,
    "web:skp-mine": performance.skps_visible_to,
    "web:skp-create": performance.may_edit_skp,
    "web:skp-approvals": performance.skps_waiting_on,
    "web:skp-detail": performance.skps_visible_to,
    "web:skp-decide": performance.may_decide_skp,
    "web:skp-rhk-add": performance.may_edit_skp,
    "web:skp-expectation": performance.may_edit_skp,
    "web:skp-submit": performance.may_edit_skp,
    "web:unit-board": performance.unit_ratings_visible_to,
    "web:unit-board-simulate": performance.unit_ratings_visible_to,
    "web:agency-performance": performance.performance_agencies_visible_to,
    "web:performance-export": performance.skps_visible_to,
    "web:performance-import": organization.may_transfer,
    "web:rating-form": performance.may_rate,
    "web:rating-sign": performance.may_rate,
    "web:unit-level-set": performance.may_set_level,
    "web:objection-file": performance.may_object,
    "web:objection-detail": performance.objections_visible_to,
    "web:objection-decide": performance.may_decide_objection,
    "web:skp-pdf": performance.skps_visible_to,
    "web:evaluation-pdf": performance.skps_visible_to,
    "web:rhk-proposal-decide": performance.may_rate,
    "web:role-agreement-set": performance.appraiser_of_record,
    "web:rating-consideration": performance.may_rate,
    "web:skp-activity-item": performance.may_record_dialogue,
    "web:rhk-feedback-give": performance.feedback_giver,
    "web:rhk-feedback-acknowledge": performance.may_acknowledge_feedback,
    "web:rhk-evidence-upload": performance.may_add_evidence,
    "web:rhk-evidence-download": performance.skps_visible_to,
    "web:feedback-led": performance.rhks_led_by,
    "documents:verify": PUBLIC,
    "documents:letter-pdf": documents.may_read_letter,
    "documents:letterhead": documents.may_manage_letterhead,
}

API: dict[tuple[str, str], object] = {
    ("GET", "/agencies"): organization.agencies_visible_to,
    ("GET", "/agencies/{agency_id}"): organization.agencies_visible_to,
    ("GET", "/agencies/{agency_id}/tree"): organization.agencies_visible_to,
    ("GET", "/agencies/{agency_id}/kedudukan"): organization.agencies_visible_to,
    ("GET", "/units/{unit_id}"): organization.units_visible_to,
    ("GET", "/employees"): organization.employees_visible_to,
    ("GET", "/employees/{nip}"): organization.employees_visible_to,
    ("GET", "/employees/{nip}/placements"): organization.employees_visible_to,
    ("GET", "/employees/{nip}/roles"): organization.employees_visible_to,
    ("GET", "/delegations"): organization.delegations_visible_to,
    ("POST", "/delegations"): organization.may_change_organization,
    ("POST", "/placements"): organization.may_change_organization,
    ("POST", "/placements/{placement_id}/end"): organization.may_change_organization,
    ("POST", "/positions/{position_id}/field-unit"): organization.may_change_organization,
    ("GET", "/assignments"): assignments.assignments_visible_to,
    ("POST", "/assignments"): assignments.may_request,
    ("GET", "/assignments/{assignment_id}"): assignments.assignments_visible_to,
    ("POST", "/assignments/{assignment_id}/steps/{step_id}/decide"): assignments.may_decide_step,
    (
        "POST",
        "/assignments/{assignment_id}/steps/{step_id}/recommend",
    ): assignments.may_recommend_on_step,
    ("POST", "/assignments/{assignment_id}/withdraw"): assignments.assignments_requested_by,
    ("GET", "/teams"): teams.teams_visible_to,
    ("POST", "/teams"): teams.may_form_team,
    ("GET", "/teams/{team_id}"): teams.teams_visible_to,
    ("POST", "/teams/{team_id}/steps/{step_id}/decide"): teams.may_decide_step,
    ("POST", "/teams/{team_id}/members/replace"): teams.may_manage_team,
    ("POST", "/teams/{team_id}/lead/vacate"): teams.may_manage_team,
    ("POST", "/teams/{team_id}/lead/fill"): teams.may_fill_lead,
    ("POST", "/teams/{team_id}/dissolve"): teams.may_manage_team,
    ("POST", "/teams/{team_id}/evidence"): teams.may_add_evidence,
    ("GET", "/teams/{team_id}/evidence/{evidence_id}"): teams.may_see_evidence,
    ("GET", "/teams/reports/due"): teams.may_submit_report,
    ("GET", "/teams/reports/inbox"): teams.work_steps_for,
    ("GET", "/teams/reports/{report_id}"): teams.reports_visible_to,
    ("POST", "/teams/reports/{report_id}/submit"): teams.may_submit_report,
    ("POST", "/teams/reports/{report_id}/steps/{step_id}/decide"): teams.may_decide_step,
    ("GET", "/individual-reports"): individual.individual_reports_visible_to,
    ("POST", "/individual-reports"): individual.may_report_individual_work,
    ("GET", "/individual-reports/{individual_report_id}"): individual.individual_reports_visible_to,
    (
        "POST",
        "/individual-reports/{individual_report_id}/evidence",
    ): individual.may_submit_individual_report,
    (
        "GET",
        "/individual-reports/{individual_report_id}/evidence/{individual_evidence_id}",
    ): individual.individual_reports_visible_to,
    (
        "POST",
        "/individual-reports/{individual_report_id}/submit",
    ): individual.may_submit_individual_report,
    (
        "POST",
        "/individual-reports/{individual_report_id}/steps/{step_id}/decide",
    ): teams.may_decide_step,
    (
        "POST",
        "/individual-reports/{individual_report_id}/reroute",
    ): individual.may_reroute_individual_report,
    ("POST", "/teams/{team_id}/evaluations"): teams.may_submit_team_results,
    ("POST", "/teams/{team_id}/reports/demand"): teams.may_demand_report,
    ("GET", "/teams/evaluations/{evaluation_id}"): teams.teams_visible_to,
    ("POST", "/teams/evaluations/{evaluation_id}/steps/{step_id}/decide"): teams.may_decide_step,
    ("GET", "/teams/{team_id}/work"): teams.may_see_team_work,
    ("GET", "/my-work"): ANY_VIEWER,
    ("GET", "/teams/workload/{unit_id}"): organization.may_see_unit,
    ("GET", "/training-proposals"): teams.training_proposals_visible_to,
    ("POST", "/training-proposals"): teams.may_propose_for_unit,
    ("POST", "/training-proposals/{proposal_id}/decide"): teams.may_decide_training,
    ("POST", "/teams/{team_id}/plan"): teams.may_plan,
    ("POST", "/teams/{team_id}/plan/submit"): teams.may_plan,
    ("POST", "/teams/{team_id}/plan/decide"): teams.may_decide_plan,
    ("POST", "/teams/{team_id}/roles"): teams.may_plan,
    ("POST", "/teams/{team_id}/dialogues"): teams.may_record_dialogue,
    ("POST", "/teams/{team_id}/work-plans"): teams.may_report_progress,
    ("POST", "/teams/{team_id}/work-plans/acknowledge"): teams.may_plan,
    ("POST", "/teams/{team_id}/progress"): teams.may_report_progress,
    ("POST", "/teams/{team_id}/feedback"): teams.may_give_feedback,
    ("POST", "/teams/{team_id}/monitoring"): teams.may_monitor,
    ("POST", "/teams/{team_id}/obstacles"): teams.may_raise_obstacle,
    ("POST", "/teams/{team_id}/obstacles/{obstacle_id}/decide"): teams.may_decide_obstacle,
    ("POST", "/teams/{team_id}/obstacles/{obstacle_id}/follow-ups"): teams.may_follow_up_obstacle,
    ("POST", "/teams/{team_id}/rework"): teams.may_open_rework,
    ("POST", "/teams/{team_id}/rework/{rework_id}/close"): teams.may_close_rework,
    ("POST", "/teams/{team_id}/work/reroute"): teams.may_manage_team,
    ("POST", "/performance/agreements"): performance.may_set_pk,
    ("GET", "/performance/skps"): performance.skps_visible_to,
    ("POST", "/performance/skps"): performance.may_edit_skp,
    ("GET", "/performance/skps/{skp_id}"): performance.skps_visible_to,
    ("POST", "/performance/skps/{skp_id}/rhks"): performance.may_edit_skp,
    ("POST", "/performance/skps/{skp_id}/expectations"): performance.may_edit_skp,
    ("POST", "/performance/skps/{skp_id}/dialogues"): performance.may_record_dialogue,
    ("POST", "/performance/skps/{skp_id}/submit"): performance.may_edit_skp,
    ("POST", "/performance/skps/{skp_id}/decide"): performance.may_decide_skp,
    ("POST", "/performance/skps/{skp_id}/ratings"): performance.may_rate,
    ("GET", "/performance/agencies/{agency_id}/dashboard"): (
        performance.performance_agencies_visible_to
    ),
    ("GET", "/performance/exports/kinerja.xlsx"): performance.skps_visible_to,
    ("POST", "/performance/imports"): organization.may_transfer,
    ("POST", "/performance/ratings/{rating_id}/sign"): performance.may_rate,
    ("POST", "/performance/unit-levels"): performance.level_setter,
    ("POST", "/performance/ratings/{rating_id}/objections"): performance.may_object,
    ("GET", "/performance/objections/{objection_id}"): performance.objections_visible_to,
    ("POST", "/performance/objections/{objection_id}/decide"): performance.may_decide_objection,
    ("GET", "/performance/skps/{skp_id}/pdf"): performance.skps_visible_to,
    ("GET", "/performance/ratings/{rating_id}/evaluation-pdf"): performance.skps_visible_to,
    ("GET", "/performance/skps/{skp_id}/proposals"): performance.skps_visible_to,
    ("GET", "/performance/my-feed"): ANY_VIEWER,
    ("POST", "/performance/proposals/{proposal_id}/decide"): performance.may_rate,
    ("GET", "/performance/skps/{skp_id}/angka-kredit"): performance.skps_visible_to,
    ("POST", "/performance/ratings/{rating_id}/considerations"): performance.may_rate,
    ("POST", "/performance/skps/{skp_id}/activity-items"): performance.may_record_dialogue,
    ("POST", "/performance/teams/{team_id}/role-agreements"): performance.appraiser_of_record,
    ("GET", "/performance/units/{unit_id}/declared-results"): performance.may_set_level,
    ("GET", "/performance/skps/{skp_id}/feedback"): performance.skps_visible_to,
    ("POST", "/performance/skps/{skp_id}/rhks/{rhk_id}/feedback"): performance.feedback_giver,
    ("POST", "/performance/feedback/{feedback_id}/acknowledge"): (
        performance.may_acknowledge_feedback
    ),
    ("GET", "/performance/skps/{skp_id}/evidence"): performance.skps_visible_to,
    ("POST", "/performance/skps/{skp_id}/rhks/{rhk_id}/evidence"): performance.may_add_evidence,
    ("GET", "/performance/skps/{skp_id}/evidence/{file_id}"): performance.skps_visible_to,
    ("GET", "/flows"): ANY_VIEWER,
    ("GET", "/flows/{key}/map.svg"): ANY_VIEWER,
    ("GET", "/flows/{key}/map.bpmn"): ANY_VIEWER,
    ("GET", "/letters/{letter_id}/pdf"): documents.may_read_letter,
}


def _named(patterns: list[Any], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if inner != "api-v1":
                yield from _named(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def _is_rule(permission: object) -> bool:
    """A function of an app's rules module (not re-exported from elsewhere)."""
    if permission in {PUBLIC, ANY_VIEWER}:
        return True
    module = inspect.getmodule(permission)
    return (
        callable(permission)
        and module is not None
        and module.__name__.startswith("sikerja.")
        and module.__name__.endswith(".rules")
    )


def test_every_page_route_is_listed_with_its_permission():
    assert set(_named(get_resolver().url_patterns)) == set(PAGES)


def test_every_api_route_is_listed_with_its_permission():
    schema = api.get_openapi_schema(path_prefix="")
    routes = {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
    }

    assert routes == set(API)


def test_every_listed_permission_is_a_rule_of_an_app():
    listed: list[Callable[..., Any] | object] = [*PAGES.values(), *API.values()]

    assert [p for p in listed if not _is_rule(p)] == []
