"""V-46 (Perwali Surakarta 32/2023 Pasal 28 ayat (3)): a Setda JF Ahli Madya's appraisal records
the consideration of the Kepala Bagian for its field before the rating is signed. V-60 (Lampiran
IV 3.1.1 angka 1 huruf i): the targets of JF activity items are set only after a performance
dialogue. Both MUST in Surakarta; the other packs leave them SILENT (no refusal)."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee, Placement, Position
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


def _setda_madya(pack_id: str, unit: str = "asisten", field: str | None = "bagian"):
    """A JF Ahli Madya of the Setda (under the Asisten, or where the pack's placement table puts
    them) whose field BKPSDM recorded as `field` (None: not recorded), their SKP approved, a
    quarter drafted by their appraiser. A second Bagian (Hukum) sits beside the first."""
    org = build_org(pack_id)
    org.unit("hukum", "asisten", "Bagian Hukum", "BAGIAN", "ADMINISTRATOR")
    org.people["hukum"] = org.person("Kepala Bagian Hukum")
    org.place(org.people["hukum"], org.heads["hukum"])
    jf = org.staff("Ratna Sari", unit, "FUNGSIONAL", "AHLI_MADYA")
    if field is not None:
        Position.objects.filter(placements__employee=jf).update(field_unit=org.units[field])
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


def _consider(appraiser, rating, giver):
    return rating_consideration_record(
        actor=appraiser,
        rating_id=rating.pk,
        kind="KEPALA_BAGIAN",
        given_by_id=giver.pk,
        text="Analisis kelembagaan sesuai target",
        at=NOW,
        on=ON,
    )


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
def test_v46_lampiran_vi_1_b_surakarta_only_the_kepala_bagian_of_the_recorded_field_gives_it():
    org, _jf, appraiser, rating = _setda_madya("surakarta-2023", field="hukum")

    with pytest.raises(ValidationFailed) as other_bagian:
        _consider(appraiser, rating, org.people["bagian"])
    with pytest.raises(RuleViolation) as before:
        _sign(appraiser, rating)
    recorded = _consider(appraiser, rating, org.people["hukum"])
    signed = _sign(appraiser, rating)

    assert (other_bagian.value.code, list(other_bagian.value.fields)) == (
        "consideration_giver_invalid",
        ["given_by_id"],
    )
    assert before.value.code == "kepala_bagian_consideration_required"
    assert recorded.given_by_id == org.people["hukum"].pk
    assert signed.status == "SIGNED"


@pytest.mark.django_db
def test_v46_lampiran_vi_1_b_surakarta_a_consideration_from_another_bagian_does_not_sign():
    """A consideration recorded before BKPSDM moved the field to another Bagian no longer
    counts: the sign-off reads the field's head on the day."""
    org, jf, appraiser, rating = _setda_madya("surakarta-2023", field="bagian")
    _consider(appraiser, rating, org.people["bagian"])
    Position.objects.filter(placements__employee=jf).update(field_unit=org.units["hukum"])

    with pytest.raises(RuleViolation) as refused:
        _sign(appraiser, rating)

    assert (refused.value.code, refused.value.rule) == (
        "kepala_bagian_consideration_required",
        "V-46",
    )
    assert Rating.objects.get(pk=rating.pk).status == "DRAFT"


@pytest.mark.django_db
def test_v46_lampiran_vi_1_b_surakarta_the_plt_of_a_vacant_kepala_bagian_gives_it():
    org, _jf, appraiser, rating = _setda_madya("surakarta-2023", field="hukum")
    # The definitive Kepala Bagian Hukum left in June; a Plt. acts from July.
    Placement.objects.filter(position=org.heads["hukum"]).update(valid_to=dt.date(2026, 7, 1))
    plt = org.person("Plt. Kepala Bagian Hukum")
    org.place(plt, org.heads["hukum"], kind="PLT", start=dt.date(2026, 7, 1))

    with pytest.raises(ValidationFailed):
        _consider(appraiser, rating, org.people["Kepala Bagian Hukum"])
    recorded = _consider(appraiser, rating, plt)

    assert recorded.given_by_id == plt.pk
    assert _sign(appraiser, rating).status == "SIGNED"


@pytest.mark.django_db
def test_v46_lampiran_vi_1_b_surakarta_a_vacant_kepala_bagian_is_answered_one_level_up():
    """With no Plt. or Plh., the resolver forwards the vacant head to the unit above (as the
    individual reports read it): the former Kepala Bagian no longer gives the consideration."""
    org, _jf, appraiser, rating = _setda_madya("surakarta-2023", field="hukum")
    Placement.objects.filter(position=org.heads["hukum"]).update(valid_to=dt.date(2026, 7, 1))

    with pytest.raises(ValidationFailed) as former:
        _consider(appraiser, rating, org.people["hukum"])
    recorded = _consider(appraiser, rating, org.people["asisten"])

    assert former.value.code == "consideration_giver_invalid"
    assert recorded.given_by_id == org.people["asisten"].pk
    assert _sign(appraiser, rating).status == "SIGNED"


@pytest.mark.django_db
def test_v46_lampiran_vi_1_b_surakarta_refuses_while_bkpsdm_has_not_recorded_the_field():
    org, _jf, appraiser, rating = _setda_madya("surakarta-2023", field=None)

    with pytest.raises(RuleViolation) as consider:
        _consider(appraiser, rating, org.people["bagian"])
    with pytest.raises(RuleViolation) as sign:
        _sign(appraiser, rating)

    for refused in (consider.value, sign.value):
        assert (refused.code, refused.rule, refused.citation) == (
            "field_unit_not_recorded",
            "V-46",
            SETDA_CITATION,
        )
        assert "BKPSDM" in refused.message
    assert not Consideration.objects.exists()
    assert Rating.objects.get(pk=rating.pk).status == "DRAFT"


@pytest.mark.django_db
def test_v46_kotim_silent_a_bagian_head_consideration_needs_no_recorded_field():
    org, _jf, appraiser, rating = _setda_madya("kotim-2023", "bagian", field=None)

    recorded = _consider(appraiser, rating, org.people["hukum"])

    assert (recorded.kind, _sign(appraiser, rating).status) == ("KEPALA_BAGIAN", "SIGNED")


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
