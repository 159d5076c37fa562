"""Which of the pack's penugasan flows a request runs, or the rule that forbids it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sikerja.core.errors import RuleViolation
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema.workflows import PenugasanDefinition, Subject
from sikerja.workflows.errors import WorkflowErrorCode

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# "... tidak berlaku untuk penugasan perorangan / tim."
SUBJECT_WORDS: dict[str, StrOrPromise] = {
    Subject.INDIVIDUAL.value: gettext_lazy("perorangan"),
    Subject.TEAM.value: gettext_lazy("tim"),
}


def definition_for(
    pack: LoadedPack, workflow_id: str, subject: str
) -> tuple[str, PenugasanDefinition]:
    """The pack's penugasan definition of a flow for a subject (individual or team).

    Raises: RuleViolation (the pack does not provide the flow, forbids it, or not for the subject).
    """
    team_key = f"{workflow_id}-TEAM"
    key = team_key if subject == Subject.TEAM and team_key in pack.data.workflows else workflow_id
    definition = pack.data.workflows.get(key)
    if not isinstance(definition, PenugasanDefinition):
        raise RuleViolation(
            code=WorkflowErrorCode.FLOW_NOT_PROVIDED,
            message=_("Alur %(flow)s tidak diatur dalam %(pack)s.")
            % {"flow": workflow_id, "pack": pack.data.pack.instrument},
            citation=pack.short,
        )
    if not definition.allowed:
        raise RuleViolation(
            code=WorkflowErrorCode.FLOW_FORBIDDEN,
            message=_("%(flow)s tidak diperbolehkan menurut %(pack)s.")
            % {"flow": definition.label, "pack": pack.short},
            rule=definition.refusal_rule,
            citation=pack.citation_of(definition.refusal_rule),
        )
    if subject not in definition.subjects:
        raise RuleViolation(
            code=WorkflowErrorCode.SUBJECT_NOT_ALLOWED,
            message=_("%(flow)s tidak berlaku untuk penugasan %(subject)s.")
            % {"flow": definition.label, "subject": SUBJECT_WORDS.get(subject, subject)},
            citation="; ".join(pack.cite(c) for c in definition.citations),
        )
    return key, definition
