"""The teams app's part in the engine for a team's plan approval, reports and evaluation: their
role map, V-57 at every review node (only on-target results go up), and inbox titles and
pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation
from sikerja.organization.models import Placement, Position
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.appraisal import SetdaMadyaConsideration
from sikerja.regulations.schema.workflows import Decision, StepSpec
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.individual.rules import INDIVIDUAL_SUBJECT
from sikerja.teams.models import (
    IndividualReport,
    MemberResult,
    TeamEvaluation,
    TeamPlan,
    TeamReport,
)
from sikerja.teams.work_parties import EVALUATION, PLAN, REPORT, WorkParties
from sikerja.workflows.actors import Parties
from sikerja.workflows.hooks import RuleWarning, SubjectHooks, SubjectRef
from sikerja.workflows.models import WorkflowInstance

REPORT_SUBJECT = "teams.report"
RESULT_SUBJECT = "teams.memberresult"
EVALUATION_SUBJECT = "teams.evaluation"
PLAN_SUBJECT = "teams.plan"
SETDA_JF_MADYA = "setda_jf_madya"


class PlanHooks(SubjectHooks):
    """The lead's plan set by the official the pack names (K1, O1)."""

    kind = PLAN
    subject_type = PLAN_SUBJECT

    def parties_from_json(self, data: dict[str, Any]) -> Parties:
        return WorkParties.from_json(data)

    def describe(self, instances: list[WorkflowInstance]) -> dict[int, SubjectRef]:
        """Title and page of each plan (one query)."""
        teams = {
            pk: (team_id, name)
            for pk, team_id, name in TeamPlan.objects.filter(
                pk__in={i.subject_id for i in instances}
            ).values_list("pk", "team_id", "team__name")
        }
        return {
            instance.pk: SubjectRef(
                title=_("%(team)s, rencana kegiatan tim") % {"team": teams[instance.subject_id][1]},
                url=reverse("web:team-work", args=[teams[instance.subject_id][0]]),
            )
            for instance in instances
            if instance.subject_id in teams
        }


class ReportHooks(SubjectHooks):
    """A report's part in the engine (a member's, the lead's, the lead's on one member, an
    employee's report on individual work)."""

    kind = REPORT
    subject_type = REPORT_SUBJECT
    conditions = frozenset({SETDA_JF_MADYA})
    condition_labels = {
        SETDA_JF_MADYA: ("JF Ahli Madya Sekretariat Daerah", "a Setda JF Ahli Madya"),
        f"!{SETDA_JF_MADYA}": ("pegawai lain", "any other employee"),
    }

    def evaluate(
        self, condition: str, *, instance: WorkflowInstance, data: dict[str, Any], on: dt.date
    ) -> bool:
        """V-46: the author holds, on the day, a JF position of the rule's grade in an agency
        of the rule's type (Surakarta: a JF Ahli Madya of the Sekretariat Daerah)."""
        if condition != SETDA_JF_MADYA:
            raise KeyError(condition)
        pack = load_pack(instance.pack_id)
        if not pack.binds("V-46"):
            return False
        params = pack.rule_params("V-46", SetdaMadyaConsideration)
        return (
            Placement.objects.effective_on(on)
            .filter(
                employee_id=instance.parties["author"],
                position__kind=Position.Kind.FUNGSIONAL,
                position__grade=params.grade,
                position__unit__agency__agency_type=params.agency_type,
            )
            .exists()
        )

    def parties_from_json(self, data: dict[str, Any]) -> Parties:
        return WorkParties.from_json(data)

    def describe(self, instances: list[WorkflowInstance]) -> dict[int, SubjectRef]:
        """Title and page of each report (two queries at most)."""
        report_ids = {i.subject_id for i in instances if i.subject_type == REPORT_SUBJECT}
        result_ids = {i.subject_id for i in instances if i.subject_type == RESULT_SUBJECT}
        reports = {
            r.pk: (r.pk, r.team.name, r.period_start)
            for r in TeamReport.objects.filter(pk__in=report_ids).select_related("team")
        }
        results = {
            r.pk: (r.report_id, r.team.name, r.period_start)
            for r in MemberResult.objects.filter(pk__in=result_ids).select_related("team")
        }
        found = _individual(instances)
        for instance in instances:
            if instance.subject_type == INDIVIDUAL_SUBJECT:
                continue
            source = reports if instance.subject_type == REPORT_SUBJECT else results
            row = source.get(instance.subject_id)
            if row is None:
                continue
            report_id, name, start = row
            found[instance.pk] = SubjectRef(
                title=_("%(team)s, laporan periode %(period)s")
                % {"team": name, "period": start.strftime("%m/%Y")},
                url=reverse("web:team-report-detail", args=[report_id]),
            )
        return found


def _individual(instances: list[WorkflowInstance]) -> dict[int, SubjectRef]:
    """Title and page of each individual report (one query when there are any)."""
    ids = {i.subject_id for i in instances if i.subject_type == INDIVIDUAL_SUBJECT}
    if not ids:
        return {}
    rows = {
        report.pk: (report.author.full_name, report.period_start)
        for report in IndividualReport.objects.filter(pk__in=ids).select_related("author")
    }
    return {
        instance.pk: SubjectRef(
            title=_("Laporan individu %(name)s, periode %(period)s")
            % {
                "name": rows[instance.subject_id][0],
                "period": rows[instance.subject_id][1].strftime("%m/%Y"),
            },
            url=reverse("web:individual-report-detail", args=[instance.subject_id]),
        )
        for instance in instances
        if instance.subject_id in rows
    }


class EvaluationHooks(SubjectHooks):
    """The evaluation's part in the engine: V-57 at every review node."""

    kind = EVALUATION
    subject_type = EVALUATION_SUBJECT

    def parties_from_json(self, data: dict[str, Any]) -> Parties:
        return WorkParties.from_json(data)

    def check_decision(
        self,
        *,
        instance: WorkflowInstance,
        step: StepSpec,
        decision: str,
        data: dict[str, Any],
        on: dt.date,
    ) -> list[RuleWarning]:
        """V-57: a reviewer passes results on (and the top declares them complete) only as
        on target; results off target are returned with a reason."""
        if (
            decision == Decision.APPROVE
            and "V-57" in step.rules
            and data.get("on_target") is not True
        ):
            pack = load_pack(instance.pack_id)
            raise RuleViolation(
                code=TeamErrorCode.NOT_ON_TARGET,
                message=_(
                    "Hanya hasil yang sesuai target yang diteruskan atau dinyatakan selesai; "
                    "kembalikan hasil yang tidak sesuai target dengan alasannya."
                ),
                rule="V-57",
                citation=pack.citation_of("V-57"),
                fields={"on_target": _("Nyatakan bahwa hasil sesuai target.")},
            )
        return []

    def describe(self, instances: list[WorkflowInstance]) -> dict[int, SubjectRef]:
        """Title and page of each evaluation (one query)."""
        names = dict(
            TeamEvaluation.objects.filter(pk__in={i.subject_id for i in instances}).values_list(
                "pk", "team__name"
            )
        )
        return {
            instance.pk: SubjectRef(
                title=_("%(team)s, evaluasi hasil kerja") % {"team": names[instance.subject_id]},
                url=reverse("web:team-evaluation-detail", args=[instance.subject_id]),
            )
            for instance in instances
            if instance.subject_id in names
        }
