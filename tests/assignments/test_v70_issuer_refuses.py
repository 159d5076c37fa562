"""V-70 (every pack): the official who issues (menetapkan) a Keputusan or surat perintah may
refuse it. A refusal needs a reason (V-03, the product rule on every rejection); with one, it ends
the request REJECTED, recording the reason and the step's citation, and issues no letter.

Each case drives a request built with the shared builders to the issuing step, as the people the
engine names, then refuses there as the issuing official. Barut's voluntary orders are tested with
V-18/V-19 in tests/regulations/barut_2024/.
"""

from __future__ import annotations

import pytest

from sikerja.assignments.models import Assignment
from sikerja.organization.models import Employee
from tests.assignments import issuer
from tests.assignments.flow import (
    external_government,
)
from tests.assignments.regional_head import regional_head
from tests.organization.builders import Org, add_agency

# ---------------------------------------------------------------- Kotim


def _kotim_cross_unit(org: Org) -> tuple[Assignment, Employee]:
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    return issuer.submit(org.people["bidang"], candidate_ids=[jf.pk]), org.people["dinas"]


def _kotim_cross_pd(org: Org) -> tuple[Assignment, Employee]:
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    return issuer.submit(org.people["bidang"], candidate_ids=[jf.pk]), org.people["setda"]


def _kotim_voluntary(org: Org) -> tuple[Assignment, Employee]:
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    data = {"mode": "VOLUNTARY", "owner_unit_id": org.units["bidang"].pk}
    return issuer.submit(jf, **data), org.people["dinas"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "key", "step"),
    [
        (_kotim_cross_unit, "WF-PEN-UO", "decree"),
        (_kotim_cross_pd, "WF-PEN-PD", "decree"),
        (_kotim_voluntary, "WF-SUK-UO", "decree"),
    ],
    ids=["kepala_pd_keputusan_case", "sekda_keputusan_case", "kepala_pd_voluntary_case"],
)
def test_v70_lampiran_ii_b_2_kotim_the_official_refuses_the_keputusan(case, key, step):
    issuer.refuses("kotim-2023", case, key, step)


# ---------------------------------------------------------------- Blitar

BLITAR = {"task_description": "Menyusun kajian bersama", "individual_target": "1 dokumen kajian"}


def _blitar_cross_pd(org: Org) -> tuple[Assignment, Employee]:
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    assignment = issuer.submit(
        org.people["bidang"], subject="TEAM", candidate_ids=[jf.pk], **BLITAR
    )
    return assignment, heads["BAPPEDA.bidang"]


def _blitar_cross_pd_lead(org: Org) -> tuple[Assignment, Employee]:
    assignment, _ = _blitar_cross_pd(org)
    return assignment, org.people["setda"]


def _blitar_cross_region(org: Org) -> tuple[Assignment, Employee]:
    walikota = regional_head(org)
    _, province = external_government(kode="P35", province="Jawa Timur")
    external = province["jf"].government
    data = {"subject": "TEAM", "candidate_ids": [province["jf"].pk], **BLITAR}
    return issuer.submit(org.people["bidang"], external_government_id=external.pk, **data), walikota


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "key", "step"),
    [
        (_blitar_cross_pd, "WF-PEN-PD", "letter"),
        (_blitar_cross_pd_lead, "WF-PEN-PD", "lead_order"),
        (_blitar_cross_region, "WF-PEN-INST", "decree"),
    ],
    ids=["unit_head_surat_tugas_case", "sekda_surat_perintah_case", "walikota_keputusan_case"],
)
def test_v70_pasal_21_ayat_1_blitar_the_official_refuses_the_surat_perintah_or_keputusan(
    case, key, step
):
    issuer.refuses("blitar-2023", case, key, step)


# ---------------------------------------------------------------- Surakarta


def _surakarta_cross_unit(org: Org) -> tuple[Assignment, Employee]:
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    return issuer.submit(org.people["dinas"], candidate_ids=[jf.pk]), heads["BAPPEDA.root"]


def _surakarta_cross_agency_team(org: Org) -> tuple[Assignment, Employee]:
    regional_head(org)
    _, province = external_government(kode="P33", province="Jawa Tengah")
    external = province["jf"].government
    data = {"subject": "TEAM", "candidate_ids": [province["jf"].pk]}
    kadis = org.people["dinas"]
    return issuer.submit(kadis, external_government_id=external.pk, **data), kadis


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "key", "step"),
    [
        (_surakarta_cross_unit, "WF-PEN-UO", "letter"),
        (_surakarta_cross_agency_team, "WF-PEN-INST-TEAM", "decree"),
    ],
    ids=["unit_head_sets_the_assignment_case", "unit_head_keputusan_case"],
)
def test_v70_pasal_14_ayat_3_pasal_16_ayat_4_surakarta_the_unit_head_refuses(case, key, step):
    issuer.refuses("surakarta-2023", case, key, step)


# ---------------------------------------------------------------- Cilegon


def _cilegon_within_unit(org: Org, subject: str = "INDIVIDUAL") -> tuple[Assignment, Employee]:
    jf = org.staff("Sari Indah", "subbidang", "FUNGSIONAL", "AHLI_PERTAMA")
    assignment = issuer.submit(org.people["bidang"], subject=subject, candidate_ids=[jf.pk])
    return assignment, org.people["subbidang"]


def _cilegon_within_unit_team(org: Org) -> tuple[Assignment, Employee]:
    return _cilegon_within_unit(org, "TEAM")


def _cilegon_cross_unit_team(org: Org) -> tuple[Assignment, Employee]:
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid = org.people["bidang"]
    return issuer.submit(kabid, subject="TEAM", candidate_ids=[jf.pk]), kabid


def _cilegon_cross_agency_team(org: Org) -> tuple[Assignment, Employee]:
    wali_kota = regional_head(org)
    _, province = external_government(kode="P36", province="Banten")
    external = province["jf"].government
    data = {"subject": "TEAM", "candidate_ids": [province["jf"].pk]}
    return issuer.submit(
        org.people["bidang"], external_government_id=external.pk, **data
    ), wali_kota


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "key", "step"),
    [
        (_cilegon_within_unit, "WF-PEN-IN", "assign"),
        (_cilegon_within_unit_team, "WF-PEN-IN-TEAM", "assign"),
        (_cilegon_cross_unit_team, "WF-PEN-UO-TEAM", "decree"),
        (_cilegon_cross_agency_team, "WF-PEN-INST-TEAM", "decree"),
    ],
    ids=[
        "appraiser_surat_perintah_tugas_case",
        "appraiser_team_surat_perintah_tugas_case",
        "unit_head_keputusan_case",
        "wali_kota_keputusan_case",
    ],
)
def test_v70_pasal_6_ayat_4_pasal_9_cilegon_the_official_refuses_the_order_or_keputusan(
    case, key, step
):
    issuer.refuses("cilegon-2023", case, key, step)


# ---------------------------------------------------------------- Barut (direct appointments)

BARUT = {"other_arrangements": "Tidak ada"}


def _barut_cross_unit(org: Org, subject: str = "INDIVIDUAL") -> tuple[Assignment, Employee]:
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    assignment = issuer.submit(
        org.people["bidang"], subject=subject, candidate_ids=[jf.pk], **BARUT
    )
    return assignment, org.people["dinas"]


def _barut_cross_unit_team(org: Org) -> tuple[Assignment, Employee]:
    return _barut_cross_unit(org, "TEAM")


def _barut_cross_pd(org: Org) -> tuple[Assignment, Employee]:
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    return issuer.submit(org.people["bidang"], candidate_ids=[jf.pk], **BARUT), org.people["setda"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "key", "step"),
    [
        (_barut_cross_unit, "WF-PEN-UO", "order"),
        (_barut_cross_unit_team, "WF-PEN-UO-TEAM", "order"),
        (_barut_cross_pd, "WF-PEN-PD", "order"),
    ],
    ids=["kepala_pd_case", "kepala_pd_team_case", "sekda_case"],
)
def test_v70_pasal_20_ayat_4_pasal_21_ayat_4_barut_the_official_refuses_the_surat_perintah(
    case, key, step
):
    issuer.refuses("barut-2024", case, key, step)
