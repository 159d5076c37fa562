"""The permission matrix of the web pages: persona × page → allowed (200) or not (404).

Hidden and missing objects answer alike (404). Every URL pattern of the web app must appear here
or in PUBLIC_ROUTES, so a new page cannot ship without its row.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, reverse

from sikerja.organization.models import Agency, Employee, ImportJob, Placement
from sikerja.web import urls as web_urls
from tests.assignments.web import test_world as penugasan_world
from tests.conftest import NOW
from tests.performance import objection_world
from tests.performance import world as performance_world
from tests.teams import test_web_pages as team_pages
from tests.teams.world import decide

PERSONAS = (
    "bkpsdm",
    "sekda",
    "kepala_dinas",
    "kabid",
    "subkoordinator",
    "jf_ahli_muda",
    "pelaksana",
    "outsider",
    "kepala_daerah",
    "other_tenant",
)
Y, N = 200, 404

# (url name, target) -> expected status per persona, in the order of PERSONAS.
# Targets: the persona Dinas ("dinas"), the outsider's agency, employees by persona,
# the other government's objects, and ids that do not exist.
MATRIX: dict[tuple[str, str], tuple[int, ...]] = {
    ("web:home", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:agency_list", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:employee_list", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:agency_detail", "dinas"): (Y, Y, Y, Y, Y, N, N, N, N, N),
    ("web:agency_detail", "outsider_agency"): (Y, Y, N, N, N, N, N, N, N, N),
    ("web:agency_detail", "other_government_agency"): (N, N, N, N, N, N, N, N, N, Y),
    ("web:agency_detail", "missing"): (N, N, N, N, N, N, N, N, N, N),
    ("web:employee_detail", "sekda"): (Y, Y, Y, N, N, N, N, N, N, N),
    ("web:employee_detail", "kepala_dinas"): (Y, Y, Y, Y, Y, Y, Y, N, N, N),
    ("web:employee_detail", "kabid"): (Y, Y, Y, Y, Y, Y, Y, N, N, N),
    ("web:employee_detail", "subkoordinator"): (Y, Y, Y, Y, Y, N, Y, N, N, N),
    ("web:employee_detail", "jf_ahli_muda"): (Y, Y, Y, Y, N, Y, N, N, N, N),
    ("web:employee_detail", "pelaksana"): (Y, Y, Y, Y, Y, N, Y, N, N, N),
    ("web:employee_detail", "outsider"): (Y, Y, N, N, N, N, N, Y, N, N),
    ("web:employee_detail", "other_government_employee"): (N, N, N, N, N, N, N, N, N, Y),
    ("web:employee_detail", "missing"): (N, N, N, N, N, N, N, N, N, N),
    # Penugasan: the Kepala Dinas asks for the outsider (tests/assignments/web/test_world.py).
    ("web:assignment-list", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:assignment-create", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:assignment-inbox-count", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:assignment-detail", "cross_unit_request"): (Y, N, Y, N, N, N, N, Y, N, N),
    ("web:assignment-detail", "missing"): (N, N, N, N, N, N, N, N, N, N),
    # Tim kerja: the Kepala Dinas proposes a team (JF lead candidate, Pelaksana member).
    ("web:team-list", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:team-create", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    # The Subkoordinator appraises the proposed Pelaksana (`teams.rules.teams_visible_to`).
    ("web:team-detail", "team"): (Y, Y, Y, N, Y, Y, Y, N, N, N),
    # Set up, it is seen by the same people as its work (one rule).
    ("web:team-detail", "active_team"): (Y, Y, Y, Y, Y, Y, Y, N, N, N),
    ("web:team-detail", "missing"): (N, N, N, N, N, N, N, N, N, N),
    # A team's work: the same team, set up (lead JF Ahli Muda, member Pelaksana); the
    # Kepala Bidang and the Subkoordinator appraise its people.
    ("web:team-work", "active_team"): (Y, Y, Y, Y, Y, Y, Y, N, N, N),
    ("web:team-work", "missing"): (N, N, N, N, N, N, N, N, N, N),
    ("web:my-work", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:team-reports", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:individual-reports", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    # A unit's workload (V-61, V-62): whoever may see the unit; the landing page sends a unit
    # head to their unit (302) and lets an operator pick one (tests/teams/test_workload.py).
    ("web:team-workload", "dinas_unit"): (Y, Y, Y, N, N, N, N, N, N, N),
    ("web:team-workload", "bidang_unit"): (Y, Y, Y, Y, N, N, N, N, N, N),
    ("web:team-workload", "missing"): (N, N, N, N, N, N, N, N, N, N),
    ("web:team-workload-home", ""): (Y, 302, 302, 302, 302, N, N, N, N, 302),
    # Training-need proposals (V-62): every viewer opens the list of those that concern them
    # (none for most; BKPSDM all of them: tests/teams/test_training_pages.py).
    ("web:training-proposals", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:skp-mine", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:skp-approvals", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:skp-detail", "skp"): (Y, Y, Y, Y, N, Y, N, N, N, N),
    ("web:skp-detail", "missing"): (N, N, N, N, N, N, N, N, N, N),
    ("web:rating-form", "skp"): (Y, Y, Y, Y, N, Y, N, N, N, N),
    # The objection to a signed rating: filed by its own employee only; seen by whoever sees
    # the SKP (its decider, the Kepala Dinas, heads the Dinas). The printed SKP and evaluation
    # document: whoever sees the SKP (tests/performance/test_print.py reads the PDFs).
    ("web:objection-file", "signed_rating"): (N, N, N, N, N, Y, N, N, N, N),
    ("web:objection-detail", "objection"): (Y, Y, Y, Y, N, Y, N, N, N, N),
    ("web:objection-detail", "missing"): (N, N, N, N, N, N, N, N, N, N),
    ("web:skp-pdf", "skp"): (Y, Y, Y, Y, N, Y, N, N, N, N),
    ("web:evaluation-pdf", "signed_rating"): (Y, Y, Y, Y, N, Y, N, N, N, N),
    # A unit's ratings board (the curve simulator: tests/performance/test_board.py) and the
    # agency's performance dashboard (tests/performance/test_dashboard.py).
    ("web:unit-board", "bidang"): (Y, Y, Y, Y, N, N, N, N, N, N),
    ("web:unit-board", "missing"): (N, N, N, N, N, N, N, N, N, N),
    ("web:agency-performance", "dinas"): (Y, Y, Y, N, N, N, N, N, N, N),
    ("web:agency-performance", "outsider_agency"): (Y, Y, N, N, N, N, N, N, N, N),
    # XLSX: everyone exports what they may see; the import is the operators' (V-39).
    ("web:performance-export", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    # The lead's feedback page lists only the RHK their own teams fed (empty for others).
    ("web:feedback-led", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:performance-import", ""): (Y, N, N, N, N, N, N, N, N, N),
    ("web:notifications", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:process-maps", ""): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:process-map", "WF-PEN-UO"): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:process-map", "missing"): (N, N, N, N, N, N, N, N, N, N),
    ("web:process-map-svg", "WF-PEN-UO"): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    ("web:process-map-bpmn", "WF-PEN-UO"): (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    # Import/export: BKPSDM operators only (V-39); for everyone else the page does not exist.
    ("web:transfer", ""): (Y, N, N, N, N, N, N, N, N, N),
    ("web:transfer-job", "import_job"): (Y, N, N, N, N, N, N, N, N, N),
    # Single placement edits: the operator's (POSTs: tests/organization/web/test_placement_edits.py).
    ("web:employee-placements", "pelaksana"): (Y, N, N, N, N, N, N, N, N, N),
    ("web:employee-placements", "other_government_employee"): (N, N, N, N, N, N, N, N, N, N),
    ("web:position-search", ""): (Y, N, N, N, N, N, N, N, N, N),
    ("web:transfer-job", "missing"): (N, N, N, N, N, N, N, N, N, N),
    ("web:transfer-template-xlsx", ""): (Y, N, N, N, N, N, N, N, N, N),
    ("web:transfer-template-csv", "employee"): (Y, N, N, N, N, N, N, N, N, N),
    ("web:transfer-export-xlsx", ""): (Y, N, N, N, N, N, N, N, N, N),
    # Locked logins: BKPSDM operators only (tests/web/test_lockouts.py unlocks).
    ("web:locked-accounts", ""): (Y, N, N, N, N, N, N, N, N, N),
    # Logins: BKPSDM operators (the auditor reads: tests/accounts/test_login_pages.py).
    ("web:logins", ""): (Y, N, N, N, N, N, N, N, N, N),
}
# Routes without the matrix: the login page (public) and logout (POST only), tested below.
# The password pages: the reset by email is public, the change is the viewer's own
# (tests/accounts/test_login_pages.py). Single sign-on's start and return are public (the
# provider says who the person is; tests/web/test_sso.py).
PUBLIC_ROUTES = {
    "web:login",
    "web:logout",
    "web:sso-login",
    "web:sso-callback",
    "web:password-change",
    "web:password-reset",
    "web:password-reset-done",
    "web:password-reset-confirm",
    "web:password-reset-complete",
    "web:healthz",
    "web:readyz",
}
# POST-only penugasan routes: their persona matrix is in tests/assignments/web/test_decide.py
# (the reminder of the recommender: tests/assignments/web/test_refusal_help.py); a team's
# decision: tests/teams/test_web_decide.py; a team's change pages: tests/teams/test_web_changes.py;
# an SKP's creation and decision and a rating's sign-off: tests/performance/test_web_pages.py.
POST_ROUTES = {
    "web:assignment-decide",
    "web:assignment-recommend",
    "web:assignment-remind",
    "web:assignment-withdraw",
    "web:team-decide",
    # A team's work: its writes and its evidence downloads have their persona matrices in
    # tests/teams/work/test_web.py and tests/teams/work/test_evidence.py.
    "web:team-work-action",
    "web:team-evidence",
    "web:team-change",
    # A team's reports and evaluation: every "may" against its "which" for each persona in
    # tests/teams/work/test_report_rules_matrix.py, the pages in test_report_pages.py.
    "web:team-report-detail",
    "web:team-report-submit",
    "web:team-report-decide",
    "web:team-evaluation-detail",
    "web:team-evaluation-decide",
    "web:team-results-submit",
    # Reports on individual work: who may see, submit, decide and re-route, per persona, in
    # tests/teams/work/test_individual_pages.py.
    "web:individual-report-create",
    "web:individual-report-detail",
    "web:individual-report-submit",
    "web:individual-report-decide",
    "web:individual-report-reroute",
    "web:individual-evidence",
    "web:skp-create",
    "web:skp-decide",
    "web:skp-rhk-add",
    "web:skp-expectation",
    "web:skp-submit",
    "web:unit-level-set",
    "web:rating-sign",
    # The objection's decision: tests/performance/test_objection_pages.py.
    "web:objection-decide",
    # The feed and the appraisal inputs: who decides a proposed RHK, records a consideration,
    # sets an activity item's target or a role's PK, in tests/performance/test_feed_pages.py,
    # test_v46_v60.py and test_v27a_role_agreement.py.
    "web:rhk-proposal-decide",
    "web:rating-consideration",
    "web:skp-activity-item",
    "web:role-agreement-set",
    "web:unit-board-simulate",
    # Feedback and evidence on an RHK: who gives, answers, uploads and downloads, per persona,
    # in tests/performance/test_rhk_notes_pages.py and api/test_rhk_notes_api.py.
    "web:rhk-feedback-give",
    "web:rhk-feedback-acknowledge",
    "web:rhk-evidence-upload",
    "web:rhk-evidence-download",
    # A training-need proposal and its decision (V-62): tests/teams/test_training_pages.py.
    "web:training-propose",
    "web:training-decide",
    "web:account-unlock",
    "web:login-create",
    "web:login-action",
    "web:employee-placement-action",
    # The counts below a unit's children, loaded after the agency page (a GET that needs
    # ?unit=): who sees which unit's counts in tests/organization/web/test_agency_page.py.
    "web:agency_counts",
    # A position's field unit (V-46): BKPSDM only, in tests/organization/test_position_field_unit.py.
    "web:position-field-unit",
}
URL_KWARGS = {
    "web:agency_detail": "agency_id",
    "web:employee_detail": "employee_id",
    "web:assignment-detail": "pk",
    "web:team-detail": "pk",
    "web:team-work": "pk",
    "web:skp-detail": "pk",
    "web:rating-form": "pk",
    "web:objection-file": "rating_id",
    "web:objection-detail": "pk",
    "web:skp-pdf": "pk",
    "web:evaluation-pdf": "rating_id",
    "web:unit-board": "unit_id",
    "web:agency-performance": "agency_id",
    "web:process-map": "key",
    "web:process-map-svg": "key",
    "web:process-map-bpmn": "key",
    "web:transfer-template-csv": "sheet",
    "web:transfer-job": "job_id",
    "web:employee-placements": "employee_id",
    "web:team-workload": "unit_id",
}
MISSING_ID = 987_654_321


def _agency_of(employee_id: int, today) -> int:
    placement = Placement.objects.effective_on(today).select_related("position__unit")
    return placement.get(employee_id=employee_id, kind="DEFINITIVE").position.unit.agency_id


def persona_of(name: str) -> Employee:
    return Employee.objects.get(user__username=name)


def _target_id(target: str, world, today) -> int | str:
    if target == "dinas":
        return _agency_of(world.personas["kepala_dinas"], today)
    if target == "outsider_agency":
        return _agency_of(world.personas["outsider"], today)
    if target == "other_government_agency":
        return Agency.objects.filter(government_id=world.other_government_id).order_by("pk")[0].pk
    if target == "other_government_employee":
        return Employee.objects.filter(government_id=world.other_government_id).order_by("pk")[0].pk
    if target == "missing":
        return MISSING_ID
    if target in {"dinas_unit", "bidang_unit"}:
        head = "kepala_dinas" if target == "dinas_unit" else "kabid"
        placement = Placement.objects.effective_on(today).select_related("position")
        return placement.get(employee_id=world.personas[head]).position.unit_id
    built = _built(target, world, today)
    if built is not None:
        return built
    if target.startswith("WF-") or target in {"unit", "position", "employee"}:
        return target
    return world.personas[target]


def _team(*, active: bool) -> int:
    """The Kepala Dinas's proposed team; set up (the Sekda determines the JF Ahli Muda as
    lead, the Kepala Dinas sets it) when `active`."""
    team = team_pages.propose(persona_of)
    if active:
        decide(team, "approve", lead_id=persona_of("jf_ahli_muda").pk)
        team = decide(team, "approve")
    return team.pk


def _built(target: str, world, today) -> int | None:
    """The id of an object a target names, built for the test (None: not such a target)."""
    builders = {
        "import_job": lambda: _import_job(world, today),
        "cross_unit_request": lambda: penugasan_world.cross_unit_request(persona_of, NOW, today),
        "skp": lambda: performance_world.jf_skp(persona_of),
        "signed_rating": lambda: objection_world.jf_signed_rating(persona_of),
        "objection": lambda: objection_world.jf_objection(persona_of),
        "bidang": lambda: (
            Placement.objects.effective_on(today)
            .get(employee=persona_of("kabid"), kind="DEFINITIVE")
            .position.unit
        ),
    }
    if target in {"team", "active_team"}:
        return _team(active=target == "active_team")
    return builders[target]().pk if target in builders else None


def _import_job(world, today) -> ImportJob:
    """An upload of the main government's operator, waiting."""
    return ImportJob.objects.create(
        government_id=world.government_id,
        requested_by=get_user_model().objects.get(username="bkpsdm"),
        requested_label="bkpsdm",
        filename="pegawai.csv",
        sha256="0" * 64,
        on=today,
        queued_at=NOW,
    )


def _url(name: str, target: str, world, today) -> str:
    if not target:
        return reverse(name)
    return reverse(name, kwargs={URL_KWARGS[name]: _target_id(target, world, today)})


CASES = [
    pytest.param(name, target, persona, expected[index], id=f"{persona}-{name}-{target or 'all'}")
    for (name, target), expected in MATRIX.items()
    for index, persona in enumerate(PERSONAS)
]


@pytest.mark.parametrize(("name", "target", "persona", "expected"), CASES)
def test_persona_gets_the_expected_answer_for_the_page(
    name, target, persona, expected, client_of, world, today
):
    url = _url(name, target, world, today)

    response = client_of(persona).get(url)

    assert response.status_code == expected


@pytest.mark.parametrize(("name", "target"), list(MATRIX))
def test_anonymous_visitors_are_sent_to_the_login_page(name, target, world, today):
    url = _url(name, target, world, today)

    response = Client().get(url)

    assert (response.status_code, response["Location"]) == (302, f"/masuk/?next={url}")


@pytest.mark.parametrize(("name", "target"), list(MATRIX))
def test_a_login_without_an_account_gets_the_not_linked_page_everywhere(name, target, world, today):
    user = get_user_model().objects.create_user("belum-terhubung", password="x-unused-x")
    client = Client()
    client.force_login(user)

    response = client.get(_url(name, target, world, today))

    assert response.status_code == 403
    assert "Akun belum terhubung" in response.content.decode()


def test_every_url_pattern_of_the_pages_is_in_the_matrix():
    names = {f"web:{p.name}" for p in web_urls.urlpatterns if isinstance(p, URLPattern)}

    covered = {name for name, _ in MATRIX} | PUBLIC_ROUTES | POST_ROUTES

    assert names == covered


def test_the_matrix_names_every_persona_of_the_demo(world):
    assert set(PERSONAS) == {*world.personas, "other_tenant"}
