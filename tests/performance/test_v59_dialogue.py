"""V-59: the performance dialogue is mandatory for team work in Surakarta (Lampiran IV 3.1.2
angka 1): a team member's SKP is submitted only after a recorded dialogue with the appraiser.
Kotim leaves it to the record (the pack states it SILENT): no refusal there."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound, RuleViolation
from sikerja.organization.resolver import Resolver
from sikerja.performance import services
from sikerja.performance.models import Dialogue, Skp
from sikerja.performance.services.dialogues import DialogueInput
from sikerja.regulations.loader import load_pack
from tests.performance.world import NOW, ON, main_rhk
from tests.teams.test_changes import kotim_team, surakarta_team

TALK = DialogueInput(dt.date(2026, 11, 20), "Ekspektasi kerja tim", "Target tim masuk SKP")


def member_skp(org, member) -> Skp:
    """The team member's SKP, its main RHK cascaded from the appraiser's."""
    return main_rhk(member, Resolver(load_pack(org.government.pack_id)), {}).skp


@pytest.mark.django_db
def test_v59_surakarta_a_team_member_submits_only_after_a_recorded_dialogue():
    org, people, _team = surakarta_team()
    skp = member_skp(org, people["pelaksana"])

    with pytest.raises(RuleViolation) as refused:
        services.skp_submit(actor=skp.employee, skp_id=skp.pk, at=NOW, on=ON)
    dialogue = services.skp_dialogue_record(
        actor=skp.employee, skp_id=skp.pk, data=TALK, at=NOW, on=ON
    )
    submitted = services.skp_submit(actor=skp.employee, skp_id=skp.pk, at=NOW, on=ON)

    assert (refused.value.code, refused.value.rule) == ("performance_dialogue_required", "V-59")
    assert refused.value.citation == "Perwali Surakarta 32/2023 Lampiran IV 3.1.2 angka 1"
    assert (dialogue.with_employee_id, dialogue.recorded_by_id) == (
        skp.appraiser_id,
        skp.employee_id,
    )
    assert submitted.status == "SUBMITTED"
    assert AuditEvent.objects.filter(action="performance.dialogue_recorded").count() == 1


@pytest.mark.django_db
def test_v59_kotim_silent_a_team_member_submits_without_a_dialogue():
    org, people, _team = kotim_team()
    skp = member_skp(org, people["pelaksana"])

    submitted = services.skp_submit(actor=skp.employee, skp_id=skp.pk, at=NOW, on=ON)

    assert submitted.status == "SUBMITTED"


@pytest.mark.django_db
def test_only_the_employee_or_the_appraiser_records_a_dialogue():
    org, people, _team = surakarta_team()
    skp = member_skp(org, people["pelaksana"])

    with pytest.raises(NotFound):
        services.skp_dialogue_record(
            actor=people["sekretariat"], skp_id=skp.pk, data=TALK, at=NOW, on=ON
        )

    assert not Dialogue.objects.exists()
