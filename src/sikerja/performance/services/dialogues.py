"""Performance dialogues (SPEC §6.3): recorded on the SKP by its employee or appraiser."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from sikerja.core.errors import NotFound
from sikerja.organization.models import Employee
from sikerja.performance import rules
from sikerja.performance.models import Dialogue, Skp
from sikerja.performance.rules import SKP_SUBJECT
from sikerja.performance.services.common import audit


@dataclass(frozen=True)
class DialogueInput:
    held_on: dt.date
    topic: str
    outcome: str


@transaction.atomic(durable=True)
def skp_dialogue_record(
    *, actor: Employee, skp_id: int, data: DialogueInput, at: dt.datetime, on: dt.date
) -> Dialogue:
    """Record a performance dialogue between the SKP's employee and its appraiser on the day,
    as either of them (expectations are set and clarified throughout the year).

    Raises NotFound (not the SKP's employee or appraiser of record, alike).
    """
    skp = (
        Skp.objects.select_related("government")
        .filter(pk=skp_id, government_id=actor.government_id)
        .first()
    )
    if skp is None:
        raise NotFound()
    allowed, answer = rules.may_record_dialogue(actor.pk, skp, on)
    if not allowed or answer.person is None:
        raise NotFound()
    appraiser_id = answer.person.employee_id
    dialogue = Dialogue.objects.create(
        government_id=skp.government_id,
        skp=skp,
        held_on=data.held_on,
        with_employee_id=appraiser_id if actor.pk == skp.employee_id else skp.employee_id,
        recorded_by=actor,
        topic=data.topic,
        outcome=data.outcome,
    )
    audit(
        skp.government_id,
        actor,
        "performance.dialogue_recorded",
        (SKP_SUBJECT, skp.pk),
        at,
        after={"dialogue": dialogue.pk, "held_on": str(data.held_on), "topic": data.topic},
        rule=answer.rule,
        citation=answer.citation,
    )
    return dialogue
