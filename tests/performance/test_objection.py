"""The objection (keberatan) to a final rating (P-OBJECTION: PP 30/2019 Pasal 59, PermenPANRB
6/2022 Bab V; P-OBJECTION-DECISION): filed by the employee within 14 days of sign-off, decided
by the atasan of the Pejabat Penilai Kinerja (resolved on the day) who upholds the predikat or
changes it with a reason; the rating's predikat changes only through that decision."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import (
    NotFound,
    PermissionDenied,
    RuleViolation,
    StaleState,
    ValidationFailed,
)
from sikerja.performance import services
from sikerja.performance.models import Objection, Rating
from sikerja.performance.services.ratings import RatingInput
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.performance.objection_world import decide, filed, signed_rating
from tests.performance.world import NOW, ON, delegate

P_OBJECTION_CITATION = (
    "PP 30/2019 Pasal 59; PermenPANRB 6/2022 Bab V keberatan atas hasil evaluasi kinerja; "
    "Peraturan BKN 3/2023 keberatan atas predikat kinerja"
)
KABID_APPRAISER_CITATION = "Perwali Surakarta 32/2023 Lampiran III huruf a sampai l"


@pytest.fixture
def rating(team, persona):
    return signed_rating(persona("kabid"), team["jf"])


def test_p_objection_the_employee_files_and_the_appraisers_superior_gets_it_in_the_inbox(
    rating, persona
):
    objection = filed(persona("jf_ahli_muda"), rating)

    assert (objection.status, objection.predikat_before, objection.window_ends_on) == (
        "OPEN",
        "BUTUH_PERBAIKAN",
        dt.date(2026, 12, 7),
    )
    step = WorkflowStep.objects.get(instance__subject_id=objection.pk, status="OPEN")
    assert (step.instance.definition_key, step.instance.subject_type) == (
        "WF-KEBERATAN",
        "performance.objection",
    )
    assert (step.actor_id, step.actor_expression) == (
        persona("kepala_dinas").pk,
        "employee.appraiser_superior",
    )
    # Filed on Tuesday 24 November: due five working days later, as every step of the pack.
    assert step.due_at == dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    event = AuditEvent.objects.get(action="performance.objection_filed")
    assert (event.rule, event.citation) == ("P-OBJECTION", P_OBJECTION_CITATION)


def test_p_objection_the_last_day_of_the_window_is_still_open(rating, persona):
    assert filed(persona("jf_ahli_muda"), rating, days_later=14).status == "OPEN"


def test_p_objection_pasal_59_refuses_an_objection_after_14_days_citing_the_rule(rating, persona):
    with pytest.raises(RuleViolation) as refused:
        filed(persona("jf_ahli_muda"), rating, days_later=15)

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "objection_window_closed",
        "P-OBJECTION",
        P_OBJECTION_CITATION,
    )
    assert not Objection.objects.exists()
    assert not AuditEvent.objects.filter(action="performance.objection_filed").exists()
    assert not WorkflowInstance.objects.filter(subject_type="performance.objection").exists()


def test_only_the_rated_employee_objects_others_get_not_found(rating, persona):
    for name in ("kabid", "kepala_dinas", "subkoordinator"):
        with pytest.raises(NotFound):
            filed(persona(name), rating)

    assert not Objection.objects.exists()


def test_a_draft_rating_cannot_be_objected_to(team, persona):
    data = RatingInput(team["jf"].pk, "QUARTERLY", 3, "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI")
    draft = services.rating_draft(actor=persona("kabid"), data=data, at=NOW, on=ON).rating

    with pytest.raises(ValidationFailed) as refused:
        filed(persona("jf_ahli_muda"), draft)

    assert refused.value.code == "objection_rating_not_signed"
    assert not Objection.objects.exists()


def test_an_objection_needs_its_reason(rating, persona):
    with pytest.raises(ValidationFailed) as refused:
        services.objection_file(
            actor=persona("jf_ahli_muda"), rating_id=rating.pk, reason="  ", at=NOW, on=ON
        )

    assert (refused.value.code, refused.value.rule, list(refused.value.fields)) == (
        "objection_reason_required",
        "P-OBJECTION",
        ["reason"],
    )
    assert not Objection.objects.exists()


def test_one_objection_per_rating(rating, persona):
    filed(persona("jf_ahli_muda"), rating)

    with pytest.raises(StaleState):
        filed(persona("jf_ahli_muda"), rating, days_later=2)

    assert Objection.objects.count() == 1
    assert AuditEvent.objects.filter(action="performance.objection_filed").count() == 1


def test_p_objection_decision_upheld_keeps_the_predikat_and_closes_the_flow(rating, persona):
    objection = filed(persona("jf_ahli_muda"), rating)

    decided = decide(persona("kepala_dinas"), objection, "uphold")

    assert (decided.status, decided.predikat_after, decided.decided_by_id) == (
        "UPHELD",
        "",
        persona("kepala_dinas").pk,
    )
    assert Rating.objects.get(pk=rating.pk).predikat == "BUTUH_PERBAIKAN"
    instance = WorkflowInstance.objects.get(subject_type="performance.objection")
    assert instance.status == "REJECTED"
    event = AuditEvent.objects.get(action="performance.objection_decided")
    assert (event.rule, event.before, event.after["status"]) == (
        "P-OBJECTION-DECISION",
        {"predikat": "BUTUH_PERBAIKAN"},
        "UPHELD",
    )


def test_p_objection_decision_changed_rewrites_the_ratings_predikat(rating, persona):
    objection = filed(persona("jf_ahli_muda"), rating)

    decided = decide(persona("kepala_dinas"), objection, "change", "BAIK")

    assert (decided.status, decided.predikat_before, decided.predikat_after) == (
        "CHANGED",
        "BUTUH_PERBAIKAN",
        "BAIK",
    )
    changed = Rating.objects.get(pk=rating.pk)
    assert (changed.predikat, changed.status, changed.version) == ("BAIK", "SIGNED", 2)
    assert WorkflowInstance.objects.get(subject_type="performance.objection").status == "APPROVED"


def test_the_appraiser_who_signed_does_not_decide_the_objection(rating, persona):
    objection = filed(persona("jf_ahli_muda"), rating)

    with pytest.raises(PermissionDenied) as refused:
        decide(persona("kabid"), objection, "change", "BAIK")

    assert (refused.value.rule, refused.value.citation) == ("V-45", KABID_APPRAISER_CITATION)
    assert Objection.objects.get(pk=objection.pk).status == "OPEN"
    assert Rating.objects.get(pk=rating.pk).predikat == "BUTUH_PERBAIKAN"
    assert not AuditEvent.objects.filter(action="performance.objection_decided").exists()


@pytest.mark.parametrize(
    ("decision", "predikat", "code"),
    [
        ("change", "BUTUH_PERBAIKAN", "objection_predikat_invalid"),
        ("change", "", "objection_predikat_invalid"),
        ("change", "ISTIMEWA", "objection_predikat_invalid"),
        ("withdraw", "", "unknown_value"),
    ],
)
def test_a_change_names_another_predikat_of_the_matrix(rating, persona, decision, predikat, code):
    objection = filed(persona("jf_ahli_muda"), rating)

    with pytest.raises(ValidationFailed) as refused:
        decide(persona("kepala_dinas"), objection, decision, predikat)

    assert refused.value.code == code
    assert Objection.objects.get(pk=objection.pk).status == "OPEN"


def test_a_decision_needs_its_reason(rating, persona):
    objection = filed(persona("jf_ahli_muda"), rating)

    with pytest.raises(ValidationFailed) as refused:
        decide(persona("kepala_dinas"), objection, "uphold", reason=" ")

    assert (refused.value.code, refused.value.rule) == (
        "objection_reason_required",
        "P-OBJECTION-DECISION",
    )
    assert Objection.objects.get(pk=objection.pk).status == "OPEN"


def test_the_decision_is_final(rating, persona):
    objection = filed(persona("jf_ahli_muda"), rating)
    decide(persona("kepala_dinas"), objection, "uphold")

    with pytest.raises(StaleState):
        decide(persona("kepala_dinas"), objection, "change", "BAIK")

    assert Rating.objects.get(pk=rating.pk).predikat == "BUTUH_PERBAIKAN"


def test_a_delegate_for_performance_management_decides_for_the_superior(rating, persona, operator):
    delegate(operator, persona("kepala_dinas"), persona("outsider"), "PERF_MGMT")
    objection = filed(persona("jf_ahli_muda"), rating)

    decided = decide(persona("outsider"), objection, "change", "BAIK")

    assert (decided.status, decided.decided_by_id) == ("CHANGED", persona("outsider").pk)


def test_the_signed_ratings_predikat_does_not_change_by_redrafting(rating, persona):
    data = RatingInput(rating.skp_id, "QUARTERLY", 4, "DI_ATAS_EKSPEKTASI", "DI_ATAS_EKSPEKTASI")

    with pytest.raises(StaleState):
        services.rating_draft(actor=persona("kabid"), data=data, at=NOW, on=ON)

    assert Rating.objects.get(pk=rating.pk).predikat == "BUTUH_PERBAIKAN"
