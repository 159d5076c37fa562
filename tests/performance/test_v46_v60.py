"""V-46 (Perwali Surakarta 32/2023 Pasal 28 ayat (3)): a Setda JF Ahli Madya's appraisal records
the consideration of the Kepala Bagian for its field before the rating is signed. V-60 (Lampiran
IV 3.1.1 angka 1 huruf i): the targets of JF activity items are set only after a performance
dialogue. Both MUST in Surakarta; the other packs leave them SILENT (no refusal)."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.organization.resolver import Resolver
from sikerja.performance import services
from sikerja.performance.models import ActivityItemTarget, Consideration, Rating
from sikerja.performance.services.considerations import (
    rating_consideration_record,
    rhk_activity_item_target_set,
)
from sikerja.performance.services.dialogues import DialogueInput
from sikerja.performance.services.ratings import RatingInput
from sikerja.regulations.loader import load_pack
from tests.organization.builders import build_org
from tests.performance.world import NOW, ON, approved, main_rhk

TALK = DialogueInput(dt.date(2026, 11, 20), "Butir kegiatan analis", "Target butir disepakati")
SETDA_CITATION = "Perwali Surakarta 32/2023 Pasal 28 ayat (3); Perwali Surakarta 32/2023 Lampiran VI angka 1 huruf b"


def _setda_madya(pack_id: str, unit: str = "asisten"):
    """A JF Ahli Madya of the Setda (under the Asisten, or where the pack's placement table puts
    them), their SKP approved, a quarter drafted by their appraiser."""
    org = build_org(pack_id)
    jf = org.staff("Ratna Sari", unit, "FUNGSIONAL", "AHLI_MADYA")
    skp = approved(main_rhk(jf, Resolver(load_pack(pack_id)), {}).skp)
    appraiser = Employee.objects.get(pk=skp.appraiser_id)
    drafted = services.rating_draft(
        actor=appraiser,
        data=RatingInput(skp.pk, "QUARTERLY", 4, "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI"),
        at=NOW,
        on=ON,
    )
    return org, jf, appraiser, drafted.rating


def _sign(appraiser, rating):
    return services.rating_sign(actor=appraiser, rating_id=rating.pk, at=NOW, on=ON)


@pytest.mark.django_db
def test_v46_pasal_28_ayat_3_surakarta_signs_a_setda_madya_rating_only_after_the_kepala_bagian():
    org, _jf, appraiser, rating = _setda_madya("surakarta-2023")
    events = AuditEvent.objects.count()

    with pytest.raises(RuleViolation) as refused:
        _sign(appraiser, rating)
    unchanged = (Rating.objects.get(pk=rating.pk).status, AuditEvent.objects.count())
    recorded = rating_consideration_record(
        actor=appraiser,
        rating_id=rating.pk,
        kind="KEPALA_BAGIAN",
        given_by_id=org.people["bagian"].pk,
        text="Kinerja analisis kelembagaan sesuai target",
        at=NOW,
        on=ON,
    )
    signed = _sign(appraiser, rating)

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "kepala_bagian_consideration_required",
        "V-46",
        SETDA_CITATION,
    )
    assert unchanged == ("DRAFT", events)
    assert (recorded.kind, recorded.given_by_id, recorded.recorded_by_id) == (
        "KEPALA_BAGIAN",
        org.people["bagian"].pk,
        appraiser.pk,
    )
    assert signed.status == "SIGNED"
    assert (
        AuditEvent.objects.filter(action="performance.consideration_recorded", rule="V-46").count()
        == 1
    )


@pytest.mark.django_db
def test_v46_the_consideration_comes_from_a_kepala_bagian_and_from_the_appraiser_only():
    org, _jf, appraiser, rating = _setda_madya("surakarta-2023")

    with pytest.raises(ValidationFailed) as not_bagian:
        rating_consideration_record(
            actor=appraiser,
            rating_id=rating.pk,
            kind="KEPALA_BAGIAN",
            given_by_id=org.people["bidang"].pk,
            text="Baik",
            at=NOW,
            on=ON,
        )
    with pytest.raises(PermissionDenied):
        rating_consideration_record(
            actor=org.people["bagian"],
            rating_id=rating.pk,
            kind="KEPALA_BAGIAN",
            given_by_id=org.people["bagian"].pk,
            text="Baik",
            at=NOW,
            on=ON,
        )

    assert not_bagian.value.code == "consideration_giver_invalid"
    assert not Consideration.objects.exists()


@pytest.mark.django_db
def test_v46_kotim_silent_a_setda_madya_rating_is_signed_without_a_consideration():
    _org, _jf, appraiser, rating = _setda_madya("kotim-2023", "bagian")

    assert _sign(appraiser, rating).status == "SIGNED"


def _jf_rhk(pack_id: str):
    org = build_org(pack_id)
    jf = org.staff("Dewi Lestari", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    rhk = main_rhk(jf, Resolver(load_pack(pack_id)), {})
    return org, jf, rhk


def _target(actor, rhk):
    return rhk_activity_item_target_set(
        actor=actor,
        rhk_id=rhk.pk,
        item="Menyusun rekomendasi kebijakan",
        target="4 dokumen",
        at=NOW,
        on=ON,
    )


@pytest.mark.django_db
def test_v60_lampiran_iv_3_1_1_angka_1_huruf_i_surakarta_sets_activity_item_targets_after_a_dialogue():
    _org, jf, rhk = _jf_rhk("surakarta-2023")
    events = AuditEvent.objects.count()

    with pytest.raises(RuleViolation) as refused:
        _target(jf, rhk)
    unchanged = (ActivityItemTarget.objects.count(), AuditEvent.objects.count())
    dialogue = services.skp_dialogue_record(actor=jf, skp_id=rhk.skp_id, data=TALK, at=NOW, on=ON)
    target = _target(jf, rhk)

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "dialogue_before_activity_item_target",
        "V-60",
        "Perwali Surakarta 32/2023 Lampiran IV 3.1.1 angka 1 huruf i",
    )
    assert unchanged == (0, events)
    assert (target.item, target.target, target.dialogue_id, target.set_by_id) == (
        "Menyusun rekomendasi kebijakan",
        "4 dokumen",
        dialogue.pk,
        jf.pk,
    )


@pytest.mark.django_db
def test_v60_cilegon_silent_sets_a_target_without_a_dialogue():
    _org, jf, rhk = _jf_rhk("cilegon-2023")

    target = _target(jf, rhk)

    assert (target.dialogue_id, target.rhk_id) == (None, rhk.pk)
