"""Periodic and annual appraisal (SPEC §10.1-10.3): the appraiser of record (or a delegate for
appraisal) drafts and signs; the predikat comes from the matrix; a signed rating is final; the
unit's curve warns while drafted and refuses at sign-off, citing SE MenPANRB 3/2023."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import (
    PermissionDenied,
    RuleViolation,
    StaleState,
    ValidationFailed,
)
from sikerja.performance import checks, services
from sikerja.performance.models import Rating, UnitLevel
from sikerja.performance.services.ratings import RatingInput
from sikerja.regulations.schema.enums import Strength
from sikerja.regulations.schema.performance import Predikat
from sikerja.regulations.schema.performance import Rating as RatingVocabulary
from tests.performance.world import NOW, ON, cascaded_skp, delegate, head_skp, unit_of

CURVE = "SE MenPANRB 3/2023 kurva distribusi predikat kinerja pegawai"
JF_APPRAISER_CITATION = "Perwali Surakarta 32/2023 Lampiran III.f (Tabel 7.5)"
ABOVE, MEETS, BELOW = "DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI"


def draft(by, skp, result=ABOVE, behaviour=ABOVE, kind="QUARTERLY", index=4):
    data = RatingInput(skp.pk, kind, index, result, behaviour)
    return services.rating_draft(actor=by, data=data, at=NOW, on=ON)


def set_level(persona, level="BAIK"):
    return services.unit_level_set(
        actor=persona("kepala_dinas"),
        unit_id=unit_of(persona("kabid")),
        year=2026,
        period_kind="QUARTERLY",
        period_index=4,
        level=level,
        at=NOW,
        on=ON,
    )


def test_the_appraiser_of_record_drafts_a_quarter_with_the_matrix_predikat(team, persona):
    drafted = draft(persona("kabid"), team["jf"])

    rating = drafted.rating
    assert (rating.predikat, rating.status, rating.version) == ("SANGAT_BAIK", "DRAFT", 0)
    assert (rating.period_start, rating.period_end) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert (rating.appraiser_rule, rating.appraiser_citation) == (
        "T-KEDUDUKAN",
        JF_APPRAISER_CITATION,
    )
    assert drafted.curves == []
    assert AuditEvent.objects.get(action="performance.rating_drafted").rule == "P-PREDIKAT"


@pytest.mark.parametrize(
    ("result", "behaviour", "predikat"),
    [(MEETS, ABOVE, "BAIK"), (ABOVE, BELOW, "KURANG"), (BELOW, MEETS, "BUTUH_PERBAIKAN")],
)
def test_p_predikat_the_draft_takes_its_predikat_from_the_matrix(
    team, persona, result, behaviour, predikat
):
    assert draft(persona("kabid"), team["jf"], result, behaviour).rating.predikat == predikat


def test_spec_10_1_surakarta_refuses_a_monthly_appraisal_citing_its_lampiran(team, persona):
    with pytest.raises(RuleViolation) as refused:
        draft(persona("kabid"), team["jf"], kind="MONTHLY", index=11)

    assert (refused.value.code, refused.value.rule) == (
        "rating_period_invalid",
        "P-APPRAISAL-PERIODS",
    )
    assert refused.value.citation.startswith("Perwali Surakarta 32/2023 Lampiran IV 3.1.2")
    assert not Rating.objects.exists()


def test_the_annual_appraisal_covers_the_year(team, persona):
    rating = draft(persona("kabid"), team["jf"], kind="ANNUAL", index=1).rating

    assert (rating.period_start, rating.period_end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_only_the_appraiser_of_record_rates_and_nothing_is_written(team, persona):
    with pytest.raises(PermissionDenied) as refused:
        draft(persona("kepala_dinas"), team["jf"])

    assert (refused.value.rule, refused.value.citation) == ("T-KEDUDUKAN", JF_APPRAISER_CITATION)
    assert not Rating.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="performance.rating").exists()


def test_a_delegate_for_appraisal_rates_and_signs(team, persona, operator):
    delegate(operator, persona("kabid"), persona("outsider"), "APPRAISAL")
    rating = draft(persona("outsider"), team["jf"]).rating

    signed = services.rating_sign(actor=persona("outsider"), rating_id=rating.pk, at=NOW, on=ON)

    assert (signed.status, signed.signed_by_id, signed.signed_at) == (
        "SIGNED",
        persona("outsider").pk,
        NOW,
    )


def test_an_skp_not_yet_approved_is_not_rated(world, persona):
    _head, head_main = head_skp(persona("kepala_dinas"))
    kabid, _ = cascaded_skp(persona("kabid"), head_main)

    with pytest.raises(ValidationFailed) as refused:
        draft(persona("kepala_dinas"), kabid)

    assert refused.value.code == "skp_not_approved"


def test_a_signed_rating_is_final_and_immutable(team, persona):
    kabid = persona("kabid")
    rating = draft(kabid, team["jf"]).rating

    signed = services.rating_sign(actor=kabid, rating_id=rating.pk, at=NOW, on=ON)
    with pytest.raises(StaleState):
        draft(kabid, team["jf"], MEETS, MEETS)
    with pytest.raises(StaleState):
        services.rating_sign(actor=kabid, rating_id=rating.pk, at=NOW, on=ON)

    assert (signed.status, signed.predikat, signed.version) == ("SIGNED", "SANGAT_BAIK", 1)
    assert Rating.objects.get(pk=rating.pk).predikat == "SANGAT_BAIK"
    event = AuditEvent.objects.get(action="performance.rating_signed")
    assert (event.rule, event.before, event.after["predikat"]) == (
        "T-KEDUDUKAN",
        {"status": "DRAFT"},
        "SANGAT_BAIK",
    )


def test_p_org_performance_the_leader_one_level_up_sets_the_units_level(team, persona):
    level = set_level(persona)

    assert (level.level, level.set_by_id, level.setter_rule) == (
        "BAIK",
        persona("kepala_dinas").pk,
        "V-45",
    )


def test_p_org_performance_no_one_else_sets_the_units_level(team, persona):
    with pytest.raises(PermissionDenied) as refused:
        services.unit_level_set(
            actor=persona("kabid"),
            unit_id=unit_of(persona("kabid")),
            year=2026,
            period_kind="QUARTERLY",
            period_index=4,
            level="BAIK",
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-45"
    assert not UnitLevel.objects.exists()


def test_spec_10_3_the_curve_warns_while_drafted(team, persona):
    set_level(persona, "BAIK")
    draft(persona("kabid"), team["jf"])

    drafted = draft(persona("kabid"), team["sub"])

    [curve] = drafted.curves
    assert (curve.level, curve.total, curve.counts["SANGAT_BAIK"]) == ("BAIK", 2, 2)
    assert [(b.clause, b.count) for b in curve.breaches] == [("largest_group", 0), ("min_count", 0)]
    assert curve.messages == [
        "Baik harus menjadi kelompok terbesar (sekarang 0 dari 2)",
        "Butuh Perbaikan / Kurang/Misconduct sedikitnya 1 pegawai (sekarang 0)",
    ]


def test_spec_10_3_a_broken_curve_refuses_sign_off_citing_the_se(team, persona):
    set_level(persona, "BAIK")
    rating = draft(persona("kabid"), team["jf"]).rating
    draft(persona("kabid"), team["sub"])

    with pytest.raises(RuleViolation) as refused:
        services.rating_sign(actor=persona("kabid"), rating_id=rating.pk, at=NOW, on=ON)

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "distribution_curve_broken",
        "P-DISTRIBUTION",
        CURVE,
    )
    assert Rating.objects.get(pk=rating.pk).status == "DRAFT"
    assert not AuditEvent.objects.filter(action="performance.rating_signed").exists()


def test_spec_10_3_a_curve_kept_lets_the_ratings_be_signed(team, persona):
    set_level(persona, "BAIK")
    kabid = persona("kabid")
    rating = draft(kabid, team["jf"], MEETS, MEETS).rating
    draft(kabid, team["sub"], BELOW, MEETS)

    signed = services.rating_sign(actor=kabid, rating_id=rating.pk, at=NOW, on=ON)

    assert (signed.status, signed.predikat, signed.curve_justification) == ("SIGNED", "BAIK", "")


STATED_CURVE = checks.curve_of


def preferred_curve(pack):
    """The curve as a pack would state it PREFERRED: warn and record a justification."""
    return dataclasses.replace(STATED_CURVE(pack), strength=Strength.PREFERRED)


def test_spec_10_3_a_preferred_curve_signs_with_a_written_justification(team, persona, monkeypatch):
    monkeypatch.setattr(checks, "curve_of", preferred_curve)
    set_level(persona, "BAIK")
    kabid = persona("kabid")
    rating = draft(kabid, team["jf"]).rating
    draft(kabid, team["sub"])

    with pytest.raises(RuleViolation) as refused:
        services.rating_sign(actor=kabid, rating_id=rating.pk, at=NOW, on=ON)
    signed = services.rating_sign(
        actor=kabid, rating_id=rating.pk, justification="Dua pegawai berprestasi", at=NOW, on=ON
    )

    assert set(refused.value.fields) == {"justification"}
    assert (signed.status, signed.curve_justification) == ("SIGNED", "Dua pegawai berprestasi")
    assert AuditEvent.objects.get(action="performance.rating_signed").after["justification"] == (
        "Dua pegawai berprestasi"
    )


def test_the_rating_choices_are_the_regulation_vocabularies():
    assert set(Rating.Value.values) == {r.value for r in RatingVocabulary}
    assert set(Rating.Predikat.values) == {p.value for p in Predikat}
