"""XLSX interoperability (issue item 9): the export of SKP and ratings in e-Kinerja's columns
(text never a formula, NIP masked for whom may not see it), and the import of last year's PK and
RHK, all or nothing, every problem named by sheet, row and column; page, API and command."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied
from sikerja.organization.models import OrgUnit, Placement
from sikerja.organization.rules import Actor
from sikerja.performance.models import PerformanceAgreement, Rhk, Skp
from sikerja.performance.xlsx import ImportRejected, import_performance_xlsx
from sikerja.performance.xlsx.export import RATING_COLUMNS, SKP_COLUMNS
from sikerja.performance.xlsx.read import PK_COLUMNS, RHK_COLUMNS
from tests.performance.objection_world import jf_signed_rating
from tests.performance.test_ratings import draft
from tests.performance.world import NOW, ON, unit_of

LAST_YEAR = 2025
PK_HEADER = list(PK_COLUMNS)
SKP_HEADER = ["Tahun", *RHK_COLUMNS]


def _sheets(content: bytes):
    workbook = load_workbook(io.BytesIO(content))
    return workbook["SKP"], workbook["Penilaian"]


def _workbook(pk_rows, skp_rows) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in (("PK", PK_HEADER, pk_rows), ("SKP", SKP_HEADER, skp_rows)):
        sheet = workbook.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _good(persona) -> bytes:
    """Last year's Dinas PK (its head), and the cascade head → kabid → JF Ahli Muda (their
    placements moved back to before last year: the demo starts some of them this year)."""
    head, kabid, jf = persona("kepala_dinas"), persona("kabid"), persona("jf_ahli_muda")
    Placement.objects.filter(employee__in=[head, kabid, jf]).update(valid_from=dt.date(2020, 1, 2))
    dinas = OrgUnit.objects.select_related("agency").get(pk=unit_of(head))
    return _workbook(
        [
            [
                LAST_YEAR,
                dinas.agency.code,
                dinas.name,
                head.nip,
                "Mutu pendidikan",
                "Indeks mutu",
                "80",
            ]
        ],
        [
            [
                LAST_YEAR,
                head.nip,
                "Utama",
                "Indeks mutu",
                "Mutu pendidikan naik",
                "Indeks",
                "Kuantitatif",
                "80",
            ],
            [
                LAST_YEAR,
                kabid.nip,
                "Utama",
                "Mutu pendidikan naik",
                "Sekolah terbina",
                "Sekolah",
                "Kuantitatif",
                "90 %",
            ],
            [
                LAST_YEAR,
                jf.nip,
                "Utama",
                "Sekolah terbina",
                "Pembinaan SD",
                "Laporan",
                "Kualitatif",
                "Tepat waktu",
            ],
            [LAST_YEAR, jf.nip, "Tambahan", "", "Tugas tim", "Laporan", "Kualitatif", "Selesai"],
        ],
    )


def _operator(world) -> Actor:
    return Actor.system(world.government_id, label="test")


def test_the_export_has_e_kinerja_columns_text_cells_and_masked_nips(team, persona, client_of):
    draft(persona("kabid"), team["jf"])

    response = client_of("kabid").get(reverse("web:performance-export"), {"year": "2026"})

    skp_sheet, rating_sheet = _sheets(response.content)
    assert [c.value for c in skp_sheet[1]] == list(SKP_COLUMNS)
    assert [c.value for c in rating_sheet[1]] == list(RATING_COLUMNS)
    rows = {row[2].value: row for row in skp_sheet.iter_rows(min_row=2)}
    jf = persona("jf_ahli_muda")
    assert rows[jf.full_name][1].value == f"{jf.nip[:4]}********{jf.nip[12:14]}*{jf.nip[15:]}"
    assert rows[persona("kabid").full_name][1].value == persona("kabid").nip  # their own
    assert all(
        cell.data_type == "s"
        for row in skp_sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    )
    rating = [c.value for c in rating_sheet[2]]
    assert rating[2] == jf.full_name
    assert rating[9:13] == ["DI ATAS EKSPEKTASI", "DI ATAS EKSPEKTASI", "SANGAT BAIK", "Draf"]


def test_a_signed_rating_of_a_jf_is_exported_with_its_angka_kredit(world, persona, client_of):
    """SPEC 10.4: Butuh Perbaikan is 75% of the Ahli Muda's yearly 25, over the quarter's
    3 of 12 months: 4.6875, to three places half up."""
    jf_signed_rating(persona)  # the JF's fourth quarter, Butuh Perbaikan, signed by the kabid

    response = client_of("kabid").get(reverse("web:performance-export"), {"year": "2026"})

    _skp, rating_sheet = _sheets(response.content)
    rows = {row[2].value: [cell.value for cell in row] for row in rating_sheet.iter_rows()}
    jf = rows[persona("jf_ahli_muda").full_name]
    assert (jf[11], jf[12], jf[14]) == ("BUTUH PERBAIKAN", "Ditetapkan", 4.688)
    assert rating_sheet.cell(row=1, column=15).value == "Angka Kredit"


def test_a_formula_looking_rhk_is_exported_as_text_not_a_formula(team, persona, client_of):
    skp = Skp.objects.get(pk=team["jf"].pk)
    Rhk.objects.filter(skp=skp).update(text='=HYPERLINK("http://x","klik")')

    response = client_of("bkpsdm").get(reverse("web:performance-export"), {"year": "2026"})

    skp_sheet, _ratings = _sheets(response.content)
    cells = [
        row[12] for row in skp_sheet.iter_rows(min_row=2) if str(row[12].value).startswith("=")
    ]
    assert [(c.value, c.data_type) for c in cells] == [('=HYPERLINK("http://x","klik")', "s")]
    assert persona("jf_ahli_muda").nip in [row[1].value for row in skp_sheet.iter_rows(min_row=2)]


def test_last_years_pk_and_rhk_import_with_their_cascade(world, persona):
    counts = import_performance_xlsx(
        actor=_operator(world),
        government=persona("kabid").government,
        data=_good(persona),
        filename="kinerja.xlsx",
        at=NOW,
        on=ON,
    )

    assert counts == {"pk": 1, "skp": 3, "rhk": 4}
    jf_skp = Skp.objects.get(employee=persona("jf_ahli_muda"), year=LAST_YEAR)
    assert (jf_skp.status, jf_skp.appraiser_id) == ("DRAFT", persona("kabid").pk)
    main = Rhk.objects.get(skp=jf_skp, kind="UTAMA")
    assert (main.parent.text, main.cascade) == ("Sekolah terbina", "DIRECT")
    head_rhk = Rhk.objects.get(skp__employee=persona("kepala_dinas"), skp__year=LAST_YEAR)
    assert head_rhk.pk_indicator.indicator == "Indeks mutu"
    assert AuditEvent.objects.get(action="performance.imported").after["rhk"] == 4


def test_a_bad_file_writes_nothing_and_names_every_bad_row_and_column(world, persona):
    jf = persona("jf_ahli_muda")
    data = _workbook(
        [],
        [
            [LAST_YEAR, "199001012020011999", "Utama", "", "X", "Y", "Kuantitatif", "1"],
            [LAST_YEAR, jf.nip, "Utama", "Tidak ada", "Pembinaan", "Laporan", "Kualitatif", "1"],
            [2026, jf.nip, "Pokok", "", "Tugas", "Laporan", "Kira-kira", ""],
        ],
    )
    before = (PerformanceAgreement.objects.count(), Skp.objects.count(), AuditEvent.objects.count())

    with pytest.raises(ImportRejected) as refused:
        import_performance_xlsx(
            actor=_operator(world),
            government=jf.government,
            data=data,
            filename="x.xlsx",
            at=NOW,
            on=ON,
        )

    assert [(e.sheet, e.row, e.column, e.code) for e in refused.value.errors] == [
        ("SKP", 2, "NIP", "import_unknown_nip"),
        ("SKP", 3, "RHK Atasan yang Diintervensi", "rhk_cascade_source"),
        ("SKP", 4, "Tahun", "import_year_not_past"),
        ("SKP", 4, "Target", "import_cell_empty"),
    ]
    assert refused.value.errors[1].rule == "P-CASCADING"
    assert (
        PerformanceAgreement.objects.count(),
        Skp.objects.count(),
        AuditEvent.objects.count(),
    ) == before


def test_only_operators_import(world, persona):
    employee = persona("kepala_dinas")
    actor = Actor(
        user_id=employee.user_id,
        label="kadis",
        government_id=employee.government_id,
        employee_id=employee.pk,
    )

    with pytest.raises(PermissionDenied) as refused:
        import_performance_xlsx(
            actor=actor,
            government=employee.government,
            data=_good(persona),
            filename="k.xlsx",
            at=NOW,
            on=ON,
        )

    assert refused.value.code == "permission_denied"
    assert not Skp.objects.filter(year=LAST_YEAR).exists()


@pytest.mark.parametrize(
    ("name", "status"),
    [("bkpsdm", 200), ("sekda", 404), ("kepala_dinas", 404), ("other_tenant", 404)],
)
def test_the_import_page_is_the_operators_case(world, client_of, name, status):
    assert client_of(name).get(reverse("web:performance-import")).status_code == status


def test_the_import_page_lists_the_bad_rows(world, persona, client_of):
    data = _workbook(
        [], [[LAST_YEAR, "199001012020011999", "Utama", "", "X", "Y", "Kuantitatif", "1"]]
    )

    response = client_of("bkpsdm").post(
        reverse("web:performance-import"), {"file": SimpleUploadedFile("k.xlsx", data)}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert 'data-testid="import-errors"' in html
    assert "NIP tidak dikenal." in html


def test_the_api_imports_with_an_idempotency_key(world, persona, user_of):
    from django.test import Client

    client = Client()
    client.force_login(user_of("bkpsdm"))

    response = client.post(
        "/api/v1/performance/imports",
        {"file": SimpleUploadedFile("k.xlsx", _good(persona))},
        headers={"Idempotency-Key": "kinerja-2025"},
    )

    assert (response.status_code, response.json()) == (201, {"pk": 1, "skp": 3, "rhk": 4})


def test_the_command_prints_each_bad_row_and_fails(world, persona, tmp_path):
    path = tmp_path / "k.xlsx"
    path.write_bytes(
        _workbook(
            [], [[LAST_YEAR, "199001012020011999", "Utama", "", "X", "Y", "Kuantitatif", "1"]]
        )
    )
    out = io.StringIO()

    with pytest.raises(CommandError):
        call_command(
            "performance_import",
            "--government",
            persona("kabid").government.kode,
            str(path),
            stdout=out,
        )

    assert out.getvalue().splitlines() == ["Baris 2 (SKP, NIP): NIP tidak dikenal."]


@pytest.mark.parametrize(("name", "status"), [("kepala_dinas", 403), ("sekda", 403)])
def test_the_api_import_refuses_everyone_but_operators_case(world, persona, user_of, name, status):
    from django.test import Client

    client = Client()
    client.force_login(user_of(name))

    response = client.post(
        "/api/v1/performance/imports",
        {"file": SimpleUploadedFile("k.xlsx", _good(persona))},
        headers={"Idempotency-Key": f"kinerja-{name}"},
    )

    assert (response.status_code, response.json()["code"]) == (status, "permission_denied")
    assert not Skp.objects.filter(year=LAST_YEAR).exists()
