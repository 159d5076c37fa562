"""Organisation writes: refusals leave nothing behind; every write is audited."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied, RuleViolation, ValidationFailed
from sikerja.organization import services, services_people
from sikerja.organization.models import Employee, Government, OrgUnit, Placement
from sikerja.organization.rules import Actor
from tests.organization.builders import NOW, build_org, make_nip


def _counts(government_id: int) -> tuple[int, int, int]:
    return (
        Employee.objects.filter(government_id=government_id).count(),
        Placement.objects.filter(government_id=government_id).count(),
        AuditEvent.objects.filter(government_id=government_id).count(),
    )


@pytest.mark.django_db
def test_an_unknown_pack_is_refused_and_no_government_is_written():
    with pytest.raises(ValidationFailed) as refused:
        services.government_create(
            kode="XX", name="Uji", kind="KOTA", pack_id="atlantis-2030", at=NOW
        )

    assert refused.value.code == "unknown_pack"
    assert "surakarta-2023" in refused.value.message
    assert not Government.objects.filter(kode="XX").exists()


@pytest.mark.django_db
def test_a_bad_nip_is_refused_with_the_reason_and_nothing_is_written():
    org = build_org("cilegon-2023")
    before = _counts(org.government.pk)

    with pytest.raises(ValidationFailed) as refused:
        services_people.employee_create(
            actor=org.actor,
            government=org.government,
            nip="198513152010031002",
            name="Salah",
            employment_type="PNS",
            at=NOW,
        )

    assert refused.value.code == "invalid_nip"
    assert refused.value.fields == {"nip": "Digit 1–8 NIP (19851315) bukan tanggal lahir yang sah."}
    assert _counts(org.government.pk) == before


@pytest.mark.django_db
def test_a_duplicate_nip_is_refused():
    org = build_org("cilegon-2023")
    nip = make_nip()
    services_people.employee_create(
        actor=org.actor,
        government=org.government,
        nip=nip,
        name="Asli",
        employment_type="PNS",
        at=NOW,
    )
    before = _counts(org.government.pk)

    with pytest.raises(ValidationFailed) as refused:
        services_people.employee_create(
            actor=org.actor,
            government=org.government,
            nip=nip,
            name="Kembar",
            employment_type="PNS",
            at=NOW,
        )

    assert refused.value.code == "duplicate_nip"
    assert _counts(org.government.pk) == before


@pytest.mark.django_db
def test_a_pppk_nip_must_match_the_employment_type():
    org = build_org("cilegon-2023")

    with pytest.raises(ValidationFailed) as refused:
        services_people.employee_create(
            actor=org.actor,
            government=org.government,
            nip=make_nip(pppk=True),
            name="Campur",
            employment_type="PNS",
            at=NOW,
        )

    assert refused.value.message == "NIP menandai PPPK, tetapi jenis kepegawaian diisi PNS."


@pytest.mark.django_db
def test_v47_pasal_15_ayat_1_blitar_refuses_a_pppk_as_pelaksana():
    org = build_org("blitar-2023")
    position = org.position("bidang", "Pengadministrasi Perkantoran", "PELAKSANA")
    pppk = org.person("Tenaga PPPK", pppk=True)
    before = _counts(org.government.pk)

    with pytest.raises(RuleViolation) as refused:
        org.place(pppk, position)

    assert refused.value.rule == "V-47"
    assert refused.value.citation == "Perwali Blitar 6/2023 Pasal 15 ayat (1)"
    assert _counts(org.government.pk) == before


@pytest.mark.django_db
def test_v47_pasal_15_ayat_1_blitar_allows_a_pppk_as_jf():
    org = build_org("blitar-2023")

    jf = org.staff("Guru PPPK", "bidang", "FUNGSIONAL", "AHLI_PERTAMA", pppk=True)

    assert jf.placements.get().kind == "DEFINITIVE"


@pytest.mark.django_db
def test_v47_is_silent_in_surakarta_so_a_pppk_pelaksana_is_placed():
    org = build_org("surakarta-2023")

    pelaksana = org.staff("Pelaksana PPPK", "subbidang", "PELAKSANA", pppk=True)

    assert pelaksana.placements.get().position.kind == "PELAKSANA"


@pytest.mark.django_db
def test_v38_a_second_definitive_placement_overlapping_the_first_is_refused():
    org = build_org("cilegon-2023")
    jf = org.staff("Ganda", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    other = org.position("sekretariat", "Analis Ahli Muda", "FUNGSIONAL", "AHLI_MUDA")
    before = _counts(org.government.pk)

    with pytest.raises(RuleViolation) as refused:
        org.place(jf, other, start=dt.date(2026, 2, 1))

    assert refused.value.rule == "V-38"
    assert _counts(org.government.pk) == before


@pytest.mark.django_db
def test_v39_only_the_bkpsdm_operator_may_place_and_the_refusal_cites_the_rule():
    org = build_org("surakarta-2023")
    position = org.position("bidang", "Analis Ahli Muda", "FUNGSIONAL", "AHLI_MUDA")
    employee = org.person("Tanpa Kedudukan")
    employee_actor = Actor(user_id=None, label="pegawai", government_id=org.government.pk)
    before = _counts(org.government.pk)

    with pytest.raises(PermissionDenied) as refused:
        services_people.placement_create(
            actor=employee_actor,
            employee=employee,
            position=position,
            kind="DEFINITIVE",
            valid_from=dt.date(2026, 1, 1),
            decision_number="821/1/2026",
            decision_date=dt.date(2026, 1, 1),
            decided_by="Wali Kota",
            at=NOW,
        )

    assert refused.value.rule == "V-39"
    assert "Perwali Surakarta 32/2023" in refused.value.citation
    assert _counts(org.government.pk) == before


@pytest.mark.django_db
def test_v39_a_placement_must_cite_the_decision():
    org = build_org("surakarta-2023")
    position = org.position("bidang", "Analis Ahli Muda", "FUNGSIONAL", "AHLI_MUDA")
    employee = org.person("Tanpa SK")

    with pytest.raises(ValidationFailed) as refused:
        services_people.placement_create(
            actor=org.actor,
            employee=employee,
            position=position,
            kind="DEFINITIVE",
            valid_from=dt.date(2026, 1, 1),
            decision_number="  ",
            decision_date=dt.date(2026, 1, 1),
            decided_by="Wali Kota",
            at=NOW,
        )

    assert refused.value.code == "decision_required"
    assert refused.value.rule == "V-39"


@pytest.mark.django_db
def test_a_unit_moved_under_its_own_descendant_is_refused_and_the_tree_is_unchanged():
    org = build_org("cilegon-2023")
    paths = dict(OrgUnit.objects.filter(agency=org.dinas).values_list("pk", "path"))

    with pytest.raises(ValidationFailed) as refused:
        services.unit_move(
            actor=org.actor, unit=org.units["bidang"], new_parent=org.units["subbidang"], at=NOW
        )

    assert refused.value.code == "unit_cycle"
    assert dict(OrgUnit.objects.filter(agency=org.dinas).values_list("pk", "path")) == paths


@pytest.mark.django_db
def test_moving_a_unit_rewrites_the_paths_of_its_whole_subtree():
    org = build_org("cilegon-2023")
    sekretariat, bidang, subbidang = (
        org.units["sekretariat"],
        org.units["bidang"],
        org.units["subbidang"],
    )

    services.unit_move(actor=org.actor, unit=bidang, new_parent=sekretariat, at=NOW)

    bidang.refresh_from_db()
    subbidang.refresh_from_db()
    assert bidang.path == f"{sekretariat.path}{bidang.pk:08d}."
    assert subbidang.path == f"{bidang.path}{subbidang.pk:08d}."
    assert (bidang.depth, subbidang.depth) == (2, 3)
    assert (
        AuditEvent.objects.filter(government_id=org.government.pk, action="unit.moved").count() == 1
    )


@pytest.mark.django_db
def test_g30_v48_jpt_madya_may_head_a_unit_only_where_the_pack_allows():
    blitar = build_org("blitar-2023")
    surakarta = build_org("surakarta-2023")
    blitar_unit = services.unit_create(
        actor=blitar.actor, parent=blitar.units["dinas"], name="Unit X", unit_type="BIDANG", at=NOW
    )
    surakarta_unit = services.unit_create(
        actor=surakarta.actor,
        parent=surakarta.units["dinas"],
        name="Unit X",
        unit_type="BIDANG",
        at=NOW,
    )

    services_people.position_create(
        actor=blitar.actor, unit=blitar_unit, title="Kepala", kind="JPT_MADYA", is_head=True, at=NOW
    )
    with pytest.raises(RuleViolation) as refused:
        services_people.position_create(
            actor=surakarta.actor,
            unit=surakarta_unit,
            title="Kepala",
            kind="JPT_MADYA",
            is_head=True,
            at=NOW,
        )

    assert refused.value.rule == "G30"


@pytest.mark.django_db
def test_every_write_appends_an_audit_event_with_its_action():
    org = build_org("cilegon-2023")

    actions = list(
        AuditEvent.objects.filter(government_id=org.government.pk).values_list("action", flat=True)
    )

    assert actions[:3] == ["government.created", "agency.created", "agency.created"]
    assert actions.count("placement.created") == 7
    assert actions.count("position.created") == 7
