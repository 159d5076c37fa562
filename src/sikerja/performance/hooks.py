"""The performance app's part in the workflow engine: an SKP's approval by its appraiser."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from sikerja.performance.models import Skp
from sikerja.performance.objection_flow import describe_objections
from sikerja.performance.parties import PERFORMANCE, PerformanceParties
from sikerja.performance.rules import OBJECTION_SUBJECT, SKP_SUBJECT
from sikerja.regulations.schema.workflows import Decision, StepSpec
from sikerja.workflows.actors import Parties
from sikerja.workflows.hooks import SubjectHooks, SubjectRef
from sikerja.workflows.models import WorkflowInstance

# An SKP's status after each decision on its WF-SKP flow, from the status it must have then.
STATUS_AFTER = {
    Decision.SUBMIT: (Skp.Status.DRAFT, Skp.Status.SUBMITTED),
    Decision.APPROVE: (Skp.Status.SUBMITTED, Skp.Status.APPROVED),
    Decision.RETURN: (Skp.Status.SUBMITTED, Skp.Status.DRAFT),
}


class PerformanceHooks(SubjectHooks):
    """Performance management's part in the engine."""

    kind = PERFORMANCE
    subject_type = SKP_SUBJECT

    def parties_from_json(self, data: dict[str, Any]) -> Parties:
        return PerformanceParties.from_json(data)

    def apply_decision(
        self, *, instance: WorkflowInstance, step: StepSpec, decision: str, data: dict[str, Any]
    ) -> None:
        """A submitted SKP waits for its appraiser; an approved one is set; a returned one goes
        back to its owner as a draft."""
        change = STATUS_AFTER.get(Decision(decision))
        if change is None or instance.subject_type != SKP_SUBJECT:
            return
        Skp.objects.filter(pk=instance.subject_id, status=change[0]).update(status=change[1])

    def describe(self, instances: list[WorkflowInstance]) -> dict[int, SubjectRef]:
        """Title and page of each instance's SKP or objection (one query each)."""
        objections = [i for i in instances if i.subject_type == OBJECTION_SUBJECT]
        instances = [i for i in instances if i.subject_type != OBJECTION_SUBJECT]
        described = describe_objections(objections) if objections else {}
        rows = Skp.objects.filter(pk__in={i.subject_id for i in instances}).values_list(
            "pk", "employee__name", "year"
        )
        titles = {pk: _("SKP %(name)s %(year)s") % {"name": n, "year": y} for pk, n, y in rows}
        return described | {
            instance.pk: SubjectRef(
                title=titles.get(instance.subject_id, ""),
                url=reverse("web:skp-detail", args=[instance.subject_id]),
            )
            for instance in instances
        }
