"""Surakarta's team rules (SPEC §5.3), one test per SPEC id and article: each MUST refuses
with its citation and writes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sikerja.core.errors import NotFound, RuleViolation, ValidationFailed
from sikerja.organization.models import Agency
from sikerja.teams.inputs import SubActivity
from sikerja.teams.services import team_decide, team_propose
from tests.organization.builders import add_agency, build_org
from tests.teams.world import NOW, ON, decide, open_step, refused, staff, team_input

PACK = "surakarta-2023"
PERWALI = "Perwali Surakarta 32/2023"


@pytest.fixture
def org():
    return build_org(PACK)


@pytest.fixture
def people(org):
    return staff(org)


def propose(org, people, **overrides):
    values = {
        "candidate_ids": [people["ahli_muda"].pk],
        "appraiser_consideration": "Kompeten di bidang pendataan",
    }
    values.update(overrides)
    return team_propose(
        requester=org.people["dinas"],
        data=team_input(**values),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )


def violation(error):
    return (error.code, error.rule, error.citation)


@pytest.mark.django_db
def test_v05_pasal_15_ayat_2_a_jf_keterampilan_cannot_be_a_lead_candidate(org, people):
    error = refused(lambda: propose(org, people, candidate_ids=[people["terampil"].pk]))

    assert violation(error) == (
        "team_lead_kind",
        "V-05",
        f"{PERWALI} Pasal 15 ayat (2); {PERWALI} Pasal 1 angka 26",
    )


@pytest.mark.django_db
def test_v06_pasal_14_ayat_5_c_a_team_ends_within_a_year_and_its_pk_year(org, people):
    error = refused(lambda: propose(org, people, ends_on=dt.date(2027, 1, 15)))
    team = propose(org, people, starts_on=dt.date(2027, 1, 1), ends_on=dt.date(2027, 12, 31))

    assert violation(error) == (
        "team_period_too_long",
        "V-06",
        f"{PERWALI} Pasal 14 ayat (5) huruf c; {PERWALI} Pasal 1 angka 26; "
        f"{PERWALI} Pasal 24 ayat (3) huruf d",
    )
    assert (team.starts_on, team.ends_on) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))


@pytest.mark.django_db
def test_v07_pasal_15_ayat_3_at_most_three_candidates_weighed_by_the_appraiser(org, people):
    four = [people[key].pk for key in ("ahli_muda", "pelaksana", "ahli_pertama", "sekretariat")]

    too_many = refused(lambda: propose(org, people, candidate_ids=four))
    unweighed = refused(lambda: propose(org, people, appraiser_consideration=" "))

    citation = f"{PERWALI} Pasal 15 ayat (3); {PERWALI} Pasal 24 ayat (4)"
    assert violation(too_many) == ("too_many_lead_candidates", "V-07", citation)
    assert violation(unweighed) == ("appraiser_consideration_required", "V-07", citation)


@pytest.mark.django_db
def test_v08_pasal_14_ayat_5_the_lead_roles_workload_is_at_least_one(org, people):
    error = refused(lambda: propose(org, people, lead_role_abk=Decimal("0.80")))

    assert violation(error) == (
        "lead_workload_below_minimum",
        "V-08",
        f"{PERWALI} Pasal 14 ayat (5); {PERWALI} Pasal 24 ayat (3) huruf c",
    )


@pytest.mark.django_db
def test_v09_pasal_14_ayat_5_b_no_sub_activity_held_by_a_pengawas(org, people):
    held = [SubActivity(name="Rujukan", holder_id=org.people["subbidang"].pk)]

    error = refused(lambda: propose(org, people, sub_activities=held))

    assert violation(error) == (
        "sub_activity_held_by_pengawas",
        "V-09",
        f"{PERWALI} Pasal 14 ayat (5) huruf b; {PERWALI} Pasal 24 ayat (3) huruf b",
    )


@pytest.mark.django_db
def test_v10_pasal_14_ayat_4_the_team_is_named_after_its_sub_activities(org, people):
    error = refused(lambda: propose(org, people, sub_activities=[]))
    team = propose(
        org,
        people,
        name="Nama bebas",
        sub_activities=[SubActivity(name="Pendataan Sarana"), SubActivity(name="Verifikasi")],
    )

    assert violation(error) == (
        "team_naming_incomplete",
        "V-10",
        f"{PERWALI} Pasal 14 ayat (4); {PERWALI} Pasal 14 ayat (5) huruf a",
    )
    assert (team.name, team.cascaded_from, team.agency_type) == (
        "Tim Kerja Pendataan Sarana; Verifikasi",
        "Sasaran 2: cakupan layanan kesehatan",
        "DINAS",
    )


@pytest.mark.django_db
def test_v11_v12_v67_pasal_24_the_pengendali_grade_agency_and_link(org, people):
    pertama, muda = people["ahli_pertama"], people["sekretariat"]

    grade = refused(lambda: propose(org, people, pengendali_id=pertama.pk))
    not_equalized = refused(lambda: propose(org, people, pengendali_id=muda.pk))
    Agency.objects.filter(pk=org.dinas.pk).update(admin_positions_equalized=True)
    unlinked = refused(lambda: propose(org, people, pengendali_id=muda.pk))
    team = propose(
        org, people, pengendali_id=muda.pk, pengendali_activity="Program Pelayanan Kesehatan"
    )

    assert violation(grade) == (
        "pengendali_grade",
        "V-11",
        f"{PERWALI} Pasal 1 angka 19; {PERWALI} Pasal 24 ayat (2) dan ayat (7)",
    )
    assert violation(not_equalized) == (
        "pengendali_not_allowed",
        "V-12",
        f"{PERWALI} Pasal 24 ayat (1)",
    )
    assert violation(unlinked) == (
        "pengendali_activity_required",
        "V-67",
        f"{PERWALI} Pasal 24 ayat (1); {PERWALI} Pasal 24 ayat (3) huruf b; "
        f"{PERWALI} Pasal 26 ayat (3) huruf b",
    )
    assert (team.pengendali_id, team.pengendali_activity) == (
        muda.pk,
        "Program Pelayanan Kesehatan",
    )


@pytest.mark.django_db
def test_v31_pasal_13_ayat_2_every_team_has_a_lead(org, people):
    error = refused(lambda: propose(org, people, candidate_ids=[]))

    assert violation(error) == (
        "team_lead_required",
        "V-31",
        f"{PERWALI} Pasal 13 ayat (2); {PERWALI} Pasal 15 ayat (1)",
    )


@pytest.mark.django_db
def test_v32_pasal_15_ayat_4_only_the_sekda_determines_and_only_a_candidate(org, people):
    team = propose(org, people)
    step = open_step(team)

    not_sekda = refused(
        lambda: team_decide(
            step_id=step.pk,
            by=org.people["dinas"],
            decision="approve",
            lead_id=people["ahli_muda"].pk,
            at=NOW,
            on=ON,
        ),
        NotFound,
    )
    not_candidate = refused(
        lambda: decide(team, "approve", lead_id=people["pelaksana"].pk), ValidationFailed
    )

    assert (step.step_key, step.actor_id) == ("determine", org.people["setda"].pk)
    assert not_sekda.code == "not_found"
    assert not_candidate.code == "lead_not_a_candidate"


@pytest.mark.django_db
def test_v36_pasal_15_ayat_6_an_outside_candidate_is_determined_only_after_a_transfer(org, people):
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    outsider = org.staff("Joko Widodo", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    team = propose(org, people, candidate_ids=[outsider.pk, people["ahli_muda"].pk])

    error = refused(lambda: decide(team, "approve", lead_id=outsider.pk), RuleViolation)
    chosen = decide(team, "approve", lead_id=people["ahli_muda"].pk)

    assert violation(error) == (
        "team_lead_transfer_required",
        "V-36",
        f"{PERWALI} Pasal 15 ayat (6); {PERWALI} Pasal 24 ayat (7)",
    )
    assert chosen.lead_id == people["ahli_muda"].pk


@pytest.mark.django_db
def test_v66_lampiran_iv_a_team_points_to_a_team_activity_of_the_unit_pk(org, people):
    error = refused(lambda: propose(org, people, activity_ref=""))

    assert violation(error) == (
        "team_activity_required",
        "V-66",
        f"{PERWALI} Lampiran IV (pengantar); {PERWALI} Pasal 14 ayat (4)",
    )
