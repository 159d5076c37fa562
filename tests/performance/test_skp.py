"""The SKP (SPEC §10.1): per employee, year and position; RHK cascaded from the appraiser's RHK;
approved by the appraiser the resolver names on the day, on the pack's WF-SKP flow."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import (
    NotFound,
    PermissionDenied,
    RuleViolation,
    ValidationFailed,
)
from sikerja.organization import services_moves, services_people
from sikerja.performance import checks, services
from sikerja.performance.models import Expectation, Rhk, Skp
from sikerja.performance.services.skp import RhkInput
from sikerja.regulations.loader import load_pack
from sikerja.workflows.models import WorkflowStep
from tests.performance.world import (
    NOW,
    ON,
    YEAR,
    approved,
    cascaded_skp,
    delegate,
    expectation,
    head_skp,
    rhk,
)

CASCADING = "PermenPANRB 6/2022 penjenjangan kinerja (matriks peran hasil)"
JF_APPRAISER_CITATION = "Perwali Surakarta 32/2023 Lampiran III.f (Tabel 7.5)"


@pytest.fixture
def chain(world, persona):
    """kepala_dinas's SKP from the unit PK, kabid's cascaded from it."""
    head, head_main = head_skp(persona("kepala_dinas"))
    kabid, kabid_main = cascaded_skp(persona("kabid"), head_main)
    return {"head": head, "head_main": head_main, "kabid": kabid, "kabid_main": kabid_main}


def test_an_skp_names_the_appraiser_of_record_with_its_rule(world, persona):
    skp = services.skp_create(actor=persona("jf_ahli_muda"), year=YEAR, at=NOW, on=ON)

    assert (skp.starts_on, skp.ends_on, skp.status) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
        "DRAFT",
    )
    assert (skp.appraiser_id, skp.appraiser_rule) == (persona("kabid").pk, "T-KEDUDUKAN")
    assert skp.appraiser_citation == JF_APPRAISER_CITATION
    assert AuditEvent.objects.get(action="performance.skp_created").object_id == str(skp.pk)


def test_a_second_skp_for_the_same_position_and_year_is_refused(world, persona):
    services.skp_create(actor=persona("jf_ahli_muda"), year=YEAR, at=NOW, on=ON)

    with pytest.raises(ValidationFailed) as refused:
        services.skp_create(actor=persona("jf_ahli_muda"), year=YEAR, at=NOW, on=ON)

    assert refused.value.code == "skp_exists"
    assert Skp.objects.count() == 1


def test_p_cascading_a_change_of_position_starts_a_new_skp_for_the_rest_of_the_year(
    world, persona, operator
):
    jf = persona("jf_ahli_muda")
    first = services.skp_create(actor=jf, year=YEAR, at=NOW, on=ON)
    vacant = services_people.position_create(
        actor=operator,
        unit=persona("kabid").placements.get().position.unit,
        title="Penilik Ahli Muda II",
        kind="FUNGSIONAL",
        grade="AHLI_MUDA",
        jf_name="Penilik",
        at=NOW,
    )
    moved_on = dt.date(2026, 12, 1)
    services_moves.placement_move(
        actor=operator,
        employee=jf,
        position=vacant,
        valid_from=moved_on,
        decision_number="800/1/2026",
        decision_date=ON,
        decided_by="Wali Kota",
        on=ON,
        at=NOW,
    )

    second = services.skp_create(actor=jf, year=YEAR, at=NOW, on=moved_on)

    first.refresh_from_db()
    assert (first.starts_on, first.ends_on) == (dt.date(2026, 1, 1), dt.date(2026, 11, 30))
    assert (second.position_id, second.starts_on, second.ends_on) == (
        vacant.pk,
        moved_on,
        dt.date(2026, 12, 31),
    )


def test_p_cascading_rhk_cascade_directly_or_by_intervention_from_the_appraisers(chain, persona):
    _jf_skp, jf_main = cascaded_skp(persona("jf_ahli_muda"), chain["kabid_main"], "INTERVENTION")

    assert (chain["kabid_main"].parent_id, chain["kabid_main"].cascade) == (
        chain["head_main"].pk,
        "DIRECT",
    )
    assert (jf_main.parent_id, jf_main.cascade) == (chain["kabid_main"].pk, "INTERVENTION")
    assert list(jf_main.indicators.values_list("approach", "target")) == [("KUANTITATIF", "90 %")]


def test_p_cascading_a_main_rhk_without_a_source_is_refused_citing_the_rule(world, persona):
    skp = services.skp_create(actor=persona("jf_ahli_muda"), year=YEAR, at=NOW, on=ON)

    with pytest.raises(RuleViolation) as refused:
        rhk(skp)

    assert (refused.value.code, refused.value.rule) == ("rhk_cascade_required", "P-CASCADING")
    assert refused.value.citation == CASCADING
    assert not Rhk.objects.exists()
    assert not AuditEvent.objects.filter(action="performance.rhk_added").exists()


def test_an_additional_rhk_may_stand_alone(world, persona):
    skp = services.skp_create(actor=persona("jf_ahli_muda"), year=YEAR, at=NOW, on=ON)

    extra = rhk(skp, kind="TAMBAHAN")

    assert (extra.kind, extra.parent_id) == ("TAMBAHAN", None)


def test_p_cascading_an_rhk_of_someone_not_the_appraiser_is_refused(chain, persona):
    skp = services.skp_create(actor=persona("pelaksana"), year=YEAR, at=NOW, on=ON)

    with pytest.raises(RuleViolation) as refused:
        rhk(skp, parent=chain["kabid_main"])

    assert (refused.value.code, refused.value.rule) == ("rhk_cascade_source", "P-CASCADING")


def test_only_the_head_who_signed_the_pk_takes_an_rhk_from_it(chain, persona):
    skp = services.skp_create(actor=persona("jf_ahli_muda"), year=YEAR, at=NOW, on=ON)

    with pytest.raises(RuleViolation) as refused:
        rhk(skp, pk_indicator_id=chain["head_main"].pk_indicator_id)

    assert refused.value.code == "rhk_cascade_source"


def test_an_skp_is_drawn_up_only_by_its_employee(chain, persona):
    with pytest.raises(NotFound):
        services.skp_rhk_add(
            actor=persona("kepala_dinas"),
            skp_id=chain["kabid"].pk,
            data=RhkInput(kind="TAMBAHAN", text="x", indicators=()),
            at=NOW,
        )


def test_an_incomplete_skp_cannot_be_submitted(world, persona):
    skp = services.skp_create(actor=persona("jf_ahli_muda"), year=YEAR, at=NOW, on=ON)

    with pytest.raises(RuleViolation) as refused:
        services.skp_submit(actor=skp.employee, skp_id=skp.pk, at=NOW, on=ON)

    assert (refused.value.code, refused.value.rule) == ("skp_incomplete", "P-SKP")
    assert Skp.objects.get().status == "DRAFT"


def test_wf_skp_the_appraiser_of_record_approves(chain, persona):
    skp = services.skp_submit(actor=persona("kabid"), skp_id=chain["kabid"].pk, at=NOW, on=ON)
    step = WorkflowStep.objects.get(instance__subject_id=skp.pk, status="OPEN")

    done = services.skp_decide(
        actor=persona("kepala_dinas"), skp_id=skp.pk, decision="approve", at=NOW, on=ON
    )

    assert (step.actor_id, step.actor_expression) == (
        persona("kepala_dinas").pk,
        "employee.appraiser",
    )
    assert (done.status, done.approved_at) == ("APPROVED", NOW)
    assert AuditEvent.objects.filter(action="performance.skp_approved").count() == 1


def test_wf_skp_someone_else_may_not_approve_and_nothing_changes(chain, persona):
    skp = services.skp_submit(actor=persona("kabid"), skp_id=chain["kabid"].pk, at=NOW, on=ON)

    with pytest.raises(PermissionDenied) as refused:
        services.skp_decide(
            actor=persona("subkoordinator"), skp_id=skp.pk, decision="approve", at=NOW, on=ON
        )

    assert refused.value.rule == "V-45"
    assert Skp.objects.get(pk=skp.pk).status == "SUBMITTED"
    assert not AuditEvent.objects.filter(action="performance.skp_approved").exists()


def test_wf_skp_a_delegate_for_performance_management_approves(chain, persona, operator):
    delegate(operator, persona("kepala_dinas"), persona("sekda"), "PERF_MGMT")
    skp = services.skp_submit(actor=persona("kabid"), skp_id=chain["kabid"].pk, at=NOW, on=ON)

    done = services.skp_decide(
        actor=persona("sekda"), skp_id=skp.pk, decision="approve", at=NOW, on=ON
    )

    assert done.status == "APPROVED"


def test_wf_skp_a_return_needs_its_reason_and_reopens_the_draft(chain, persona):
    skp = services.skp_submit(actor=persona("kabid"), skp_id=chain["kabid"].pk, at=NOW, on=ON)
    head = persona("kepala_dinas")

    with pytest.raises(RuleViolation) as refused:
        services.skp_decide(actor=head, skp_id=skp.pk, decision="return", at=NOW, on=ON)
    returned = services.skp_decide(
        actor=head, skp_id=skp.pk, decision="return", reason="Target belum terukur", at=NOW, on=ON
    )

    assert refused.value.rule == "P-SKP-APPROVAL"
    assert returned.status == "DRAFT"
    assert approved(returned).status == "APPROVED"


def test_wf_skp_an_approved_skp_no_longer_changes(chain, persona):
    skp = approved(chain["kabid"])

    with pytest.raises(ValidationFailed) as refused:
        rhk(skp, kind="TAMBAHAN")
    with pytest.raises(NotFound):
        services.skp_decide(
            actor=persona("kepala_dinas"), skp_id=skp.pk, decision="approve", at=NOW, on=ON
        )

    assert refused.value.code == "skp_not_draft"


def test_p_expectation_surakarta_takes_a_behaviour_expectation_without_output_fields(chain):
    found = expectation(chain["kabid"])

    assert (found.core_value, found.output) == ("AKUNTABEL", "")


def test_an_unknown_core_value_is_refused(chain):
    with pytest.raises(ValidationFailed) as refused:
        expectation(chain["kabid"], core_value="JUJUR")

    assert refused.value.fields == {"core_value": "Pilih salah satu nilai yang tersedia."}


def test_p_expectation_blitar_pasal_25_huruf_a_needs_output_target_and_timeline():
    partial = Expectation(core_value="AKUNTABEL", text="Tepat waktu", output="Laporan bulanan")

    with pytest.raises(RuleViolation) as refused:
        checks.expectation_check(load_pack("blitar-2023"), [partial])

    assert (refused.value.code, refused.value.rule) == (
        "expectation_fields_missing",
        "P-EXPECTATION",
    )
    assert refused.value.citation == "Perwali Blitar 6/2023 Pasal 25 huruf a"
    assert set(refused.value.fields) == {"target", "timeline"}


def test_an_skp_for_a_year_outside_the_position_is_refused(world, persona):
    with pytest.raises(ValidationFailed) as refused:
        services.skp_create(actor=persona("jf_ahli_muda"), year=2000, at=NOW, on=ON)

    assert (refused.value.code, set(refused.value.fields)) == (
        "skp_year_outside_position",
        {"year"},
    )
    assert not Skp.objects.exists()
