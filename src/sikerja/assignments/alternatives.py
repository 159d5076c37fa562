"""What a requester can do instead of a request the pack does not run, and who may do it: the
same request for the other subject, or (for a voluntary application) an appointment by the
chosen unit's head, named through the organisation resolver on the day (under the pack of the
unit's own government)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.utils.translation import gettext as _

from sikerja.assignments.flow_choice import SUBJECT_WORDS, definition_for
from sikerja.assignments.scope import flow_id
from sikerja.core.errors import DomainError
from sikerja.organization.models import OrgUnit
from sikerja.organization.officials import official_of
from sikerja.organization.resolver import Person, Resolver
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import Mode, Scope, Subject


@dataclasses.dataclass(frozen=True)
class Request:
    """The choices of a request the pack refused: mode, subject, scope (before the voluntary
    adjustment), the chosen unit and whether it is an additional task."""

    mode: Mode
    subject: str
    scope: Scope
    chosen: OrgUnit
    additional_task: bool


def runs(pack: LoadedPack, mode: Mode, scope: Scope, additional_task: bool, subject: str) -> str:
    """The label of the flow the pack runs for these choices, or '' if it runs none."""
    try:
        return definition_for(pack, flow_id(pack, mode, scope, additional_task), subject)[1].label
    except DomainError:
        return ""


def with_alternative(
    refusal: DomainError, pack: LoadedPack, request: Request, on: dt.date
) -> DomainError:
    """The refusal with who may do it instead and what to do next, where the pack runs an
    alternative (unchanged otherwise)."""
    other = Subject.INDIVIDUAL if request.subject == Subject.TEAM else Subject.TEAM
    if runs(pack, request.mode, request.scope, request.additional_task, other):
        next_step = _("Ajukan untuk penugasan %(subject)s.") % {"subject": SUBJECT_WORDS[other]}
        return dataclasses.replace(refusal, next_step=next_step)
    if request.mode != Mode.VOLUNTARY:
        return refusal
    flow = runs(pack, Mode.APPOINTMENT, request.scope, request.additional_task, request.subject)
    if not flow:
        return refusal
    head = _head(request.chosen, on)
    next_step = _("Pimpinan %(unit)s dapat menunjuk Anda melalui %(flow)s.") % {
        "unit": request.chosen.name,
        "flow": flow,
    }
    if head is None:
        return dataclasses.replace(refusal, next_step=next_step)
    next_step = _(
        "Sampaikan minat Anda kepada %(name)s: Pimpinan %(unit)s dapat menunjuk Anda melalui "
        "%(flow)s."
    ) % {"name": head.name, "unit": request.chosen.name, "flow": flow}
    return dataclasses.replace(refusal, instead=(official_of(head),), next_step=next_step)


def _head(unit: OrgUnit, on: dt.date) -> Person | None:
    """The unit's head under its own government's pack; None where that pack has no role rules
    (the national baseline of a government outside Sikerja's regions)."""
    unit_pack = load_pack(unit.government.pack_id)
    if unit_pack.data.roles is None or unit_pack.data.placement is None:
        return None
    return Resolver(unit_pack).head_of_unit(unit.pk, on).person
