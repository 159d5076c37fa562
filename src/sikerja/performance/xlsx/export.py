"""Export of the SKP (one row per RHK indicator) and the ratings a viewer may see for a year, in
the columns e-Kinerja users know. Each sheet is one query, streamed; no text is exported as a
formula (text cells, as the organisation export writes them: `organization.transfer.formulas`).
A NIP is shown in full only to whom may see it (ARCHITECTURE §5), masked otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from sikerja.organization.nip import mask_nip
from sikerja.organization.rules import Viewer, may_see_full_nip
from sikerja.organization.transfer.formulas import xlsx_cell
from sikerja.organization.transfer.template import workbook_bytes
from sikerja.performance import rules
from sikerja.performance.credit import conversion_for, rating_credit
from sikerja.performance.models import Rating, RhkIndicator, Skp

Cell = str | int | float | dt.date | dt.datetime | None
CHUNK = 2000
BOLD = Font(bold=True)

SKP_COLUMNS = (
    "No",
    "NIP",
    "Nama",
    "Jabatan",
    "Unit Kerja",
    "Periode Awal",
    "Periode Akhir",
    "NIP Pejabat Penilai",
    "Nama Pejabat Penilai",
    "Status SKP",
    "Jenis RHK",
    "RHK Atasan yang Diintervensi",
    "Rencana Hasil Kerja",
    "Indikator Kinerja Individu",
    "Aspek",
    "Target",
)
RATING_COLUMNS = (
    "No",
    "NIP",
    "Nama",
    "Jabatan",
    "Unit Kerja",
    "Tahun",
    "Periode",
    "Periode Awal",
    "Periode Akhir",
    "Rating Hasil Kerja",
    "Rating Perilaku Kerja",
    "Predikat Kinerja",
    "Status",
    "Tanggal Penetapan",
    "Angka Kredit",
)
SKP_SHEET, RATING_SHEET = "SKP", "Penilaian"


def _nip(viewer: Viewer) -> Callable[[int, str], str]:
    return lambda employee_id, nip: nip if may_see_full_nip(viewer, employee_id) else mask_nip(nip)


def skp_rows(viewer: Viewer, on: dt.date, year: int) -> Iterator[list[Cell]]:
    """One row per RHK indicator of the SKPs of the year the viewer may see (one query)."""
    nip = _nip(viewer)
    skps = rules.skps_visible_to(viewer, on).filter(year=year).values("pk")
    indicators = (
        RhkIndicator.objects.filter(rhk__skp__in=skps)
        .select_related(
            "rhk__parent",
            "rhk__skp__employee",
            "rhk__skp__position",
            "rhk__skp__unit",
            "rhk__skp__appraiser",
        )
        .order_by(
            "rhk__skp__unit__path", "rhk__skp__employee__name", "rhk__skp_id", "rhk__seq", "seq"
        )
    )
    for number, indicator in enumerate(indicators.iterator(chunk_size=CHUNK), start=1):
        rhk, skp = indicator.rhk, indicator.rhk.skp
        appraiser = skp.appraiser
        yield [
            number,
            nip(skp.employee_id, skp.employee.nip),
            skp.employee.full_name,
            skp.position.title,
            skp.unit.name,
            skp.starts_on,
            skp.ends_on,
            nip(appraiser.pk, appraiser.nip) if appraiser else "",
            appraiser.full_name if appraiser else "",
            str(Skp.Status(skp.status).label),
            str(rhk.get_kind_display()),
            rhk.parent.text if rhk.parent else "",
            rhk.text,
            indicator.text,
            str(indicator.get_approach_display()),
            indicator.target,
        ]


def rating_rows(viewer: Viewer, on: dt.date, year: int) -> Iterator[list[Cell]]:
    """One row per rating of the year's SKPs the viewer may see (one query)."""
    nip = _nip(viewer)
    conversion = conversion_for(viewer.government.pack_id)
    skps = rules.skps_visible_to(viewer, on).filter(year=year).values("pk")
    ratings = (
        Rating.objects.filter(skp__in=skps)
        .select_related("skp__employee", "skp__position", "unit")
        .order_by("unit__path", "skp__employee__name", "period_kind", "period_index", "pk")
    )
    for number, rating in enumerate(ratings.iterator(chunk_size=CHUNK), start=1):
        employee = rating.skp.employee
        yield [
            number,
            nip(employee.pk, employee.nip),
            employee.full_name,
            rating.skp.position.title,
            rating.unit.name,
            rating.year,
            f"{rating.get_period_kind_display()} {rating.period_index}",
            rating.period_start,
            rating.period_end,
            str(rating.get_result_rating_display()).upper(),
            str(rating.get_behaviour_rating_display()).upper(),
            str(rating.get_predikat_display()).upper(),
            str(rating.get_status_display()),
            rating.signed_at.date() if rating.signed_at else None,
            _number(rating_credit(conversion, rating.skp, rating)),
        ]


def _number(value: Decimal | None) -> float | None:
    """A credit as the number a spreadsheet sums (three places), or an empty cell."""
    return None if value is None else float(value)


def export_performance_xlsx(*, viewer: Viewer, year: int, on: dt.date) -> bytes:
    """The SKP and ratings of a year the viewer may see, as an XLSX workbook (two sheets)."""
    workbook = Workbook(write_only=True)
    sheets = (
        (SKP_SHEET, SKP_COLUMNS, skp_rows(viewer, on, year)),
        (RATING_SHEET, RATING_COLUMNS, rating_rows(viewer, on, year)),
    )
    for title, columns, rows in sheets:
        worksheet = workbook.create_sheet(title)
        worksheet.freeze_panes = "A2"
        worksheet.append([xlsx_cell(worksheet, name, BOLD) for name in columns])
        for row in rows:
            worksheet.append([xlsx_cell(worksheet, value) for value in row])
    return workbook_bytes(workbook)
