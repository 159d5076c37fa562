"""organization import of placements: a change of position ends the open definitive placement."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.organization.models import Placement
from sikerja.organization.transfer import ImportRejected, Written, import_file
from sikerja.regulations.loader import load_pack
from tests.organization.builders import NOW, START, build_org
from tests.organization.test_transfer_support import placement_row, xlsx

ON = dt.date(2026, 11, 23)
MOVE = dt.date(2026, 3, 1)


@pytest.fixture
def org():
    org = build_org("surakarta-2023")
    org.staff("Qori Amalia", "bidang", "PELAKSANA")
    org.position("sekretariat", "Pengelola Kepegawaian", "PELAKSANA")
    return org


def row_for(org, name: str, unit: str, title: str, **extra: object) -> dict[str, object]:
    employee = org.people[name]
    return placement_row(employee.nip, employee.name, "DINKES", unit, title, **extra)


@pytest.mark.django_db
def test_a_new_position_ends_the_open_placement_the_day_before_and_adds_the_new_one(org):
    data = xlsx(
        employee=[
            row_for(
                org,
                "Qori Amalia",
                "Sekretariat",
                "Pengelola Kepegawaian",
                valid_from=MOVE.isoformat(),
            )
        ]
    )

    result = import_file(
        actor=org.actor, government=org.government, data=data, filename="mutasi.xlsx", at=NOW, on=ON
    )

    assert (result.written.placements_created, result.written.placements_ended) == (1, 1)
    placements = Placement.objects.filter(employee=org.people["Qori Amalia"]).order_by("valid_from")
    assert [(p.position.title, p.valid_from, p.valid_to) for p in placements] == [
        ("Pengadministrasi Perkantoran", START, MOVE),
        ("Pengelola Kepegawaian", MOVE, None),
    ]


@pytest.mark.django_db
def test_the_position_already_held_is_left_as_is(org):
    data = xlsx(
        employee=[
            row_for(
                org,
                "Qori Amalia",
                "Bidang Pelayanan Kesehatan",
                "Pengadministrasi Perkantoran",
                valid_from=MOVE.isoformat(),
            )
        ]
    )

    result = import_file(
        actor=org.actor, government=org.government, data=data, filename="tetap.xlsx", at=NOW, on=ON
    )

    assert result.written == Written()
    assert Placement.objects.get(employee=org.people["Qori Amalia"]).valid_to is None


@pytest.mark.django_db
def test_a_new_placement_starting_before_the_open_one_is_an_overlap(org):
    pack = load_pack("surakarta-2023")
    data = xlsx(
        employee=[
            row_for(
                org, "Qori Amalia", "Sekretariat", "Pengelola Kepegawaian", valid_from="2024-06-01"
            )
        ]
    )

    with pytest.raises(ImportRejected) as rejected:
        import_file(
            actor=org.actor,
            government=org.government,
            data=data,
            filename="mundur.xlsx",
            at=NOW,
            on=ON,
        )

    assert [(e.row, e.column, e.code, e.rule, e.citation) for e in rejected.value.errors] == [
        (2, "valid_from", "placement_overlap", "V-38", pack.cite_rule("V-38")),
    ]


@pytest.mark.django_db
def test_two_open_definitive_rows_of_one_nip_overlap(org):
    nip_row = row_for(
        org, "Qori Amalia", "Sekretariat", "Pengelola Kepegawaian", valid_from=MOVE.isoformat()
    )
    other = row_for(
        org,
        "Qori Amalia",
        "Bidang Pelayanan Kesehatan",
        "Kepala Bidang Pelayanan Kesehatan",
        valid_from="2026-04-01",
    )

    with pytest.raises(ImportRejected) as rejected:
        import_file(
            actor=org.actor,
            government=org.government,
            data=xlsx(employee=[nip_row, other]),
            filename="ganda.xlsx",
            at=NOW,
            on=ON,
        )

    assert [(e.row, e.column, e.code) for e in rejected.value.errors] == [
        (2, "valid_from", "placement_overlap"),
        (3, "valid_from", "placement_overlap"),
        (3, "position_title", "position_occupied"),
    ]


@pytest.mark.django_db
def test_placement_history_rows_of_one_nip_import_in_order(org):
    rows = [
        row_for(
            org,
            "Qori Amalia",
            "Sekretariat",
            "Pengelola Kepegawaian",
            valid_from="2026-02-01",
            valid_to="2026-04-01",
        ),
        row_for(
            org,
            "Qori Amalia",
            "Bidang Pelayanan Kesehatan",
            "Kepala Bidang Pelayanan Kesehatan",
            placement_kind="PLH",
            valid_from="2026-05-01",
            valid_to="2026-05-15",
        ),
    ]

    result = import_file(
        actor=org.actor,
        government=org.government,
        data=xlsx(employee=rows),
        filename="riwayat.xlsx",
        at=NOW,
        on=ON,
    )

    assert (result.written.placements_created, result.written.placements_ended) == (2, 1)
    placements = Placement.objects.filter(employee=org.people["Qori Amalia"]).order_by("valid_from")
    assert [(p.kind, p.valid_from, p.valid_to) for p in placements] == [
        ("DEFINITIVE", START, dt.date(2026, 2, 1)),
        ("DEFINITIVE", dt.date(2026, 2, 1), dt.date(2026, 4, 1)),
        ("PLH", dt.date(2026, 5, 1), dt.date(2026, 5, 15)),
    ]


@pytest.mark.django_db
def test_the_same_placement_twice_in_a_file_is_reported_once_on_the_second_row(org):
    row = row_for(
        org, "Qori Amalia", "Sekretariat", "Pengelola Kepegawaian", valid_from=MOVE.isoformat()
    )

    with pytest.raises(ImportRejected) as rejected:
        import_file(
            actor=org.actor,
            government=org.government,
            data=xlsx(employee=[row, row]),
            filename="dua.xlsx",
            at=NOW,
            on=ON,
        )

    assert [(e.row, e.column, e.code) for e in rejected.value.errors] == [
        (3, "position_title", "placement_overlap")
    ]


@pytest.mark.django_db
def test_a_stored_employee_matches_its_name_regardless_of_case_and_spaces(org):
    employee = org.people["Qori Amalia"]
    data = xlsx(
        employee=[
            {
                "nip": employee.nip,
                "name": "  QORI   amalia ",
                "employment_type": "PNS",
                "front_title": "Ir.",
            }
        ]
    )

    result = import_file(
        actor=org.actor, government=org.government, data=data, filename="gelar.xlsx", at=NOW, on=ON
    )

    assert result.written == Written(employees_updated=1)
    employee.refresh_from_db()
    assert (employee.name, employee.front_title) == ("Qori Amalia", "Ir.")
