"""Appraiser (Pejabat Penilai Kinerja) resolution, pack by pack, named after SPEC ids and articles."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.organization import services_people
from sikerja.organization.resolver import Resolver
from sikerja.regulations.loader import load_pack
from tests.organization.builders import NOW, build_org

ON = dt.date(2026, 6, 1)


def resolver(pack_id: str) -> Resolver:
    return Resolver(load_pack(pack_id))


def table_citation(pack_id: str, table_id: str) -> str:
    pack = load_pack(pack_id)
    table = next(t for t in pack.data.placement.tables if t.id == table_id)
    return pack.cite(table.citation)


@pytest.mark.django_db
def test_t_kedudukan_lampiran_iii_c_surakarta_jf_ahli_muda_sits_under_kepala_bidang():
    org = build_org("surakarta-2023")
    jf = org.staff("Ratna Wulandari", "bidang", "FUNGSIONAL", "AHLI_MUDA")

    answer = resolver("surakarta-2023").appraiser(jf.pk, ON)

    assert answer.person.employee_id == org.people["bidang"].pk
    assert answer.rule == "T-KEDUDUKAN"
    assert answer.citation == table_citation("surakarta-2023", "SKA-DINAS2")
    assert "Lampiran III.c" in answer.citation


@pytest.mark.django_db
def test_t_kedudukan_lampiran_iii_c_surakarta_jf_ahli_madya_sits_under_kepala_dinas():
    org = build_org("surakarta-2023")
    jf = org.staff("Bambang Setiawan", "dinas", "FUNGSIONAL", "AHLI_MADYA")

    answer = resolver("surakarta-2023").appraiser(jf.pk, ON)

    assert answer.person.employee_id == org.people["dinas"].pk
    assert answer.rule == "T-KEDUDUKAN"


@pytest.mark.django_db
def test_t_kedudukan_lampiran_iii_c_surakarta_refuses_jf_ahli_madya_under_kepala_bidang():
    from sikerja.core.errors import RuleViolation
    from sikerja.organization.models import Position

    org = build_org("surakarta-2023")
    before = Position.objects.count()

    with pytest.raises(RuleViolation) as refused:
        org.position("bidang", "Perencana Ahli Madya", "FUNGSIONAL", "AHLI_MADYA")

    assert refused.value.rule == "T-KEDUDUKAN"
    assert refused.value.citation == table_citation("surakarta-2023", "SKA-DINAS2")
    assert Position.objects.count() == before


@pytest.mark.django_db
def test_v40_pasal_17_ayat_3_huruf_b_barut_jf_ahli_muda_under_administrator():
    org = build_org("barut-2024")
    jf = org.staff("Yulianti Rahayu", "bidang", "FUNGSIONAL", "AHLI_MUDA")

    answer = resolver("barut-2024").appraiser(jf.pk, ON)

    assert answer.person.employee_id == org.people["bidang"].pk
    assert answer.rule == "V-40"
    assert answer.citation == "Perbup Barut 18/2024 Pasal 17 ayat (3) huruf b"


@pytest.mark.django_db
def test_v40_pasal_17_ayat_4_barut_pelaksana_goes_to_administrator_when_pengawas_post_is_vacant():
    org = build_org("barut-2024", fill_heads=False)
    for key in ("setda", "dinas", "bidang"):
        employee = org.person(f"Pejabat {key}")
        org.people[key] = employee
        org.place(employee, org.heads[key])
    pelaksana = org.staff("Hendra Saputra", "subbidang", "PELAKSANA")

    answer = resolver("barut-2024").appraiser(pelaksana.pk, ON)

    assert answer.person.employee_id == org.people["bidang"].pk
    assert answer.rule == "V-40"
    assert "Pasal 17 ayat (4)" in answer.citation
    assert len(answer.notes) == 1


@pytest.mark.django_db
def test_v41_pasal_17_ayat_2_blitar_jf_ahli_muda_answers_to_jpt_pratama_until_delegated():
    org = build_org("blitar-2023")
    jf = org.staff("Agus Prasetyo", "bidang", "FUNGSIONAL", "AHLI_MUDA")

    undelegated = resolver("blitar-2023").appraiser(jf.pk, ON)

    assert undelegated.person.employee_id == org.people["dinas"].pk
    assert undelegated.rule == "V-41"


def delegate_ahli_muda_appraisal(org) -> None:
    """The Blitar Kepala Dinas delegates the appraisal of the Bidang's JF Ahli Muda to the
    Kepala Bidang (V-41)."""
    services_people.delegation_create(
        actor=org.actor,
        from_employee=org.people["dinas"],
        to_employee=org.people["bidang"],
        scope="APPRAISAL",
        grades=["AHLI_MUDA"],
        unit=org.units["bidang"],
        valid_from=dt.date(2026, 1, 1),
        legal_basis="Keputusan Kepala Dinas Kesehatan Nomor 800/12/2026",
        at=NOW,
    )


@pytest.mark.django_db
def test_v41_pasal_17_ayat_2_blitar_delegation_makes_the_administrator_the_appraiser():
    org = build_org("blitar-2023")
    jf = org.staff("Agus Prasetyo", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    delegate_ahli_muda_appraisal(org)

    answer = resolver("blitar-2023").appraiser(jf.pk, ON)

    assert answer.person.employee_id == org.people["bidang"].pk
    assert answer.rule == load_pack("blitar-2023").data.roles.delegation.rule
    assert answer.delegation_id is not None
    assert "Keputusan Kepala Dinas Kesehatan Nomor 800/12/2026" in answer.notes[0]


@pytest.mark.django_db
def test_v41_pasal_17_ayat_2_blitar_refuses_delegating_ahli_utama():
    from sikerja.core.errors import RuleViolation
    from sikerja.organization.models import Delegation

    org = build_org("blitar-2023")

    with pytest.raises(RuleViolation) as refused:
        services_people.delegation_create(
            actor=org.actor,
            from_employee=org.people["dinas"],
            to_employee=org.people["bidang"],
            scope="APPRAISAL",
            grades=["AHLI_UTAMA"],
            valid_from=dt.date(2026, 1, 1),
            legal_basis="Keputusan Kepala Dinas Nomor 800/13/2026",
            at=NOW,
        )

    assert refused.value.rule == "V-41"
    assert "Pasal 17" in refused.value.citation
    assert Delegation.objects.filter(government=org.government).count() == 0


@pytest.mark.django_db
def test_g32_pasal_4_ayat_1_cilegon_generic_superior_is_the_unit_head():
    org = build_org("cilegon-2023")
    jf = org.staff("Siti Nurhaliza", "subbidang", "FUNGSIONAL", "AHLI_PERTAMA")

    answer = resolver("cilegon-2023").appraiser(jf.pk, ON)

    pack = load_pack("cilegon-2023")
    assert answer.person.employee_id == org.people["subbidang"].pk
    assert answer.rule == pack.data.placement.generic_rule
    assert answer.citation == pack.cite(pack.data.placement.generic_citation)


@pytest.mark.django_db
def test_t_kotim_urusan_lampiran_ii_b_1_c_kotim_education_agency_uses_pattern_b():
    org = build_org("kotim-2023", affairs=["pendidikan"])
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")

    answer = resolver("kotim-2023").appraiser(jf.pk, ON)

    assert org.dinas.placement_table == "KTM-PD-B"
    assert answer.person.employee_id == org.people["sekretariat"].pk
    assert answer.citation == table_citation("kotim-2023", "KTM-PD-B")


@pytest.mark.django_db
def test_v42_lampiran_ii_b_1_c_kotim_pattern_override_needs_a_reason():
    from sikerja.core.errors import RuleViolation
    from sikerja.organization import services
    from sikerja.organization.models import Agency

    org = build_org("kotim-2023")

    with pytest.raises(RuleViolation) as refused:
        services.agency_create(
            actor=org.actor,
            government=org.government,
            code="DISHUB",
            name="Dinas Perhubungan",
            agency_type="DINAS",
            affairs=["perhubungan"],
            placement_table="KTM-PD-C",
            at=NOW,
        )

    assert refused.value.rule == "V-42"
    assert not Agency.objects.filter(government=org.government, code="DISHUB").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pack_id", ["kotim-2023", "blitar-2023", "surakarta-2023", "cilegon-2023", "barut-2024"]
)
def test_v45_structural_official_is_appraised_one_level_up_and_agency_head_by_sekda(pack_id):
    org = build_org(pack_id)
    res = resolver(pack_id)

    kabid = res.appraiser(org.people["bidang"].pk, ON)
    kadis = res.appraiser(org.people["dinas"].pk, ON)
    sekda = res.appraiser(org.people["setda"].pk, ON)

    assert kabid.person.employee_id == org.people["dinas"].pk
    assert kabid.rule == load_pack(pack_id).data.roles.structural_appraiser.rule
    assert kadis.person.employee_id == org.people["setda"].pk
    assert sekda.person is None


@pytest.mark.django_db
def test_plt_holds_the_vacant_head_post_and_is_marked_acting():
    org = build_org("surakarta-2023", fill_heads=False)
    for key in ("setda", "dinas"):
        employee = org.person(f"Pejabat {key}")
        org.people[key] = employee
        org.place(employee, org.heads[key])
    sekretaris = org.person("Sekretaris Definitif")
    org.place(sekretaris, org.heads["sekretariat"])
    org.place(sekretaris, org.heads["bidang"], kind="PLT", start=dt.date(2026, 3, 1))
    jf = org.staff("Rina Marlina", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")

    answer = resolver("surakarta-2023").appraiser(jf.pk, ON)

    assert answer.person.employee_id == sekretaris.pk
    assert answer.person.acting == "PLT"
    assert answer.person.acting_label == "Plt."


@pytest.mark.django_db
def test_appraiser_resolution_costs_exactly_one_query(django_assert_num_queries):
    org = build_org("barut-2024")
    jf = org.staff("Yulianti Rahayu", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    res = resolver("barut-2024")

    with django_assert_num_queries(1):
        res.appraiser(jf.pk, ON)
    with django_assert_num_queries(1):
        res.unit_head(jf.pk, ON)
    with django_assert_num_queries(1):
        res.regional_secretary(org.government.pk, ON)


@pytest.mark.django_db
def test_g30_surakarta_unit_head_of_a_jf_is_the_head_of_the_work_unit():
    org = build_org("surakarta-2023")
    jf = org.staff("Ratna Wulandari", "bidang", "FUNGSIONAL", "AHLI_MUDA")

    answer = resolver("surakarta-2023").unit_head(jf.pk, ON)

    assert answer.person.employee_id == org.people["dinas"].pk
    assert answer.rule == "G30"


@pytest.mark.django_db
def test_g30_kotim_unit_head_of_a_jf_is_the_head_of_its_own_unit():
    org = build_org("kotim-2023")
    jf = org.staff("Dewi Lestari", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")

    answer = resolver("kotim-2023").unit_head(jf.pk, ON)

    assert answer.person.employee_id == org.people["bidang"].pk


@pytest.mark.django_db
def test_v44_an_employee_without_a_placement_has_no_appraiser_and_says_why():
    org = build_org("kotim-2023")
    newcomer = org.person("Pegawai Baru")

    answer = resolver("kotim-2023").appraiser(newcomer.pk, ON)

    assert answer.person is None
    assert answer.notes == (
        "Pegawai belum memiliki kedudukan (penempatan) aktif pada tanggal ini.",
    )


@pytest.mark.django_db
def test_answers_follow_the_date_of_a_placement_change():
    org = build_org("cilegon-2023")
    jf = org.staff("Siti Nurhaliza", "subbidang", "FUNGSIONAL", "AHLI_PERTAMA")
    placement = jf.placements.get()
    services_people.placement_end(
        actor=org.actor, placement=placement, valid_to=dt.date(2026, 7, 1), at=NOW
    )
    org.place(
        jf,
        org.position("sekretariat", "Analis Kebijakan Ahli Pertama", "FUNGSIONAL", "AHLI_PERTAMA"),
        start=dt.date(2026, 7, 1),
    )
    res = resolver("cilegon-2023")

    before = res.appraiser(jf.pk, dt.date(2026, 6, 30))
    after = res.appraiser(jf.pk, dt.date(2026, 7, 1))

    assert before.person.employee_id == org.people["subbidang"].pk
    assert after.person.employee_id == org.people["sekretariat"].pk


@pytest.mark.django_db
def test_v37_lampiran_iii_l_surakarta_jf_heading_an_independent_school_appraises_its_staff():
    from sikerja.organization import services

    org = build_org("surakarta-2023")
    school = services.unit_create(
        actor=org.actor,
        parent=org.units["dinas"],
        name="SD Negeri 12",
        unit_type="SATDIK",
        is_work_unit=True,
        is_independent=True,
        at=NOW,
    )
    org.units["school"] = school
    head = services_people.position_create(
        actor=org.actor,
        unit=school,
        title="Kepala SD Negeri 12",
        kind="FUNGSIONAL",
        grade="AHLI_MUDA",
        is_head=True,
        at=NOW,
    )
    kepala_sekolah = org.person("Kepala Sekolah")
    org.place(kepala_sekolah, head)
    staff = org.staff("Operator Sekolah", "school", "PELAKSANA")

    answer = resolver("surakarta-2023").appraiser(staff.pk, ON)

    assert answer.person.employee_id == kepala_sekolah.pk
    assert answer.rule == "T-KEDUDUKAN"
    assert answer.citation == table_citation("surakarta-2023", "SKA-SATDIK")


@pytest.mark.django_db
def test_v37_g30_a_jf_may_head_only_an_independent_unit():
    from sikerja.core.errors import RuleViolation
    from sikerja.organization import services

    org = build_org("cilegon-2023")
    seksi = services.unit_create(
        actor=org.actor, parent=org.units["bidang"], name="Seksi X", unit_type="SEKSI", at=NOW
    )

    with pytest.raises(RuleViolation) as refused:
        services_people.position_create(
            actor=org.actor,
            unit=seksi,
            title="Kepala Seksi X",
            kind="FUNGSIONAL",
            grade="AHLI_MUDA",
            is_head=True,
            at=NOW,
        )

    assert refused.value.rule == "G30"
    assert refused.value.citation.startswith("Perwali Cilegon 17/2023 Pasal 1 angka 15")


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", ["kotim-2023", "surakarta-2023"])
def test_g30_the_head_of_an_agency_leads_their_own_unit_while_the_sekda_appraises_them(pack_id):
    org = build_org(pack_id)
    res = resolver(pack_id)
    kadis = org.people["dinas"]

    unit_head = res.unit_head(kadis.pk, ON)
    appraiser = res.appraiser(kadis.pk, ON)

    assert unit_head.person.employee_id == kadis.pk
    assert appraiser.person.employee_id == org.people["setda"].pk
