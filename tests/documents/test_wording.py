import datetime as dt

import pytest

from sikerja.documents.wording import (
    date_long,
    external_number,
    government_line,
    is_rejection,
    on_behalf_line,
    people_of,
    period_text,
    position_of,
    region_name,
)


def test_dates_use_indonesian_month_names():
    assert date_long(dt.date(2026, 11, 23)) == "23 November 2026"
    assert date_long(dt.date(2027, 2, 1)) == "1 Februari 2027"


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Pemerintah Kota Surakarta", "Surakarta"),
        ("Pemerintah Kabupaten Kotawaringin Timur", "Kotawaringin Timur"),
        ("Kota Cilegon", "Cilegon"),
    ],
    ids=["kota_case", "kabupaten_case", "no_prefix_case"],
)
def test_region_name_drops_pemerintah_and_the_kind(name, region):
    assert region_name(name) == region


def test_government_line_is_the_name_in_capitals_with_the_kind_when_missing():
    assert (
        government_line("Pemerintah Kota Surakarta", "Pemerintah Kota")
        == "PEMERINTAH KOTA SURAKARTA"
    )
    assert government_line("Surakarta", "Pemerintah Kota") == "PEMERINTAH KOTA SURAKARTA"


def test_on_behalf_of_a_head_of_region_names_the_region_once():
    assert on_behalf_line("a.n. Wali Kota", "Surakarta") == "a.n. Wali Kota Surakarta"
    assert on_behalf_line("a.n. Wali Kota Surakarta", "Surakarta") == "a.n. Wali Kota Surakarta"
    assert on_behalf_line("a.n. Kepala Dinas", "Surakarta") == "a.n. Kepala Dinas"


def test_position_names_its_agency_only_outside_the_issuing_agency():
    kabid = {"position": "Kepala Bidang Rujukan", "agency": "Dinas Kesehatan", "agency_id": 2}
    sekda = {"position": "Sekretaris Daerah", "agency": "Sekretariat Daerah", "agency_id": 1}

    assert position_of(kabid, home_agency_id=2) == "Kepala Bidang Rujukan"
    assert position_of(kabid, home_agency_id=1) == "Kepala Bidang Rujukan Dinas Kesehatan"
    assert position_of(sekda, home_agency_id=2) == "Sekretaris Daerah"


@pytest.mark.parametrize(
    ("acting", "shown"),
    [("PLT", "Plt. Kepala Dinas"), ("PLH", "Plh. Kepala Dinas"), ("DEFINITIVE", "Kepala Dinas")],
)
def test_an_acting_signer_carries_plt_or_plh(acting, shown):
    signer = {"position": "Kepala Dinas", "agency": "", "acting": acting}

    assert position_of(signer, acting=True) == shown


def test_period_combines_duration_and_dates_and_tolerates_gaps():
    assert period_text(
        {"duration": "3 bulan", "start_on": "2026-12-01", "end_on": "2027-02-28"}
    ) == ("3 bulan (1 Desember 2026 s.d. 28 Februari 2027)")
    assert period_text({"duration": 30}) == "30 hari"
    assert period_text({"start_date": "2026-12-01"}) == "1 Desember 2026"
    assert period_text({"starts_on": "2026-12-01", "ends_on": "2027-01-31"}) == (
        "1 Desember 2026 s.d. 31 Januari 2027"
    )
    assert period_text({}) == ""


def test_people_come_from_assignees_or_the_proposed_staff_of_the_decision():
    staff = {"name": "Rina", "nip": "198503152010031002", "position": "Analis", "unit": "Bidang"}

    rows = people_of({"decision_data": {"staff": [staff, "junk"]}})

    assert [(r.number, r.name, r.nip) for r in rows] == [(1, "Rina", "19850315 201003 1 002")]


@pytest.mark.parametrize(
    ("body", "rejected"),
    [
        ({"decision": "reject", "reason": "beban kerja tinggi"}, True),
        ({"decision_data": {"decision": "approve"}, "reason": "catatan"}, False),
        ({"reason": "beban kerja tinggi", "assignees": [{"name": "Rina"}]}, True),
        ({"reason": "", "assignees": [{"name": "Rina"}]}, False),
    ],
    ids=["decision_reject_case", "decision_approve_case", "reason_only_case", "no_reason_case"],
)
def test_a_reply_is_a_rejection_by_its_decision_else_by_its_reason(body, rejected):
    assert is_rejection(body) is rejected


def test_the_external_number_comes_from_the_body_or_the_decision():
    assert external_number({"external_number": " 800/1/X/2026 "}) == "800/1/X/2026"
    assert external_number({"decision_data": {"external_number": "800/2/X/2026"}}) == "800/2/X/2026"
    assert external_number({}) == ""
