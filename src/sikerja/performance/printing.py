"""The printable SKP and dokumen evaluasi kinerja (PermenPANRB 6/2022, lampiran formats) as
PDFs, through the documents app's typesetter (WeasyPrint, imported only when a PDF is made).

A document is read for a viewer who may see its SKP (the employee, their appraiser, the
officials above, BKPSDM: `rules.skps_visible_to`; anyone else gets NotFound), laid out as HTML,
and identified by the SHA-256 of that HTML: the ETag, so a client that holds the same document
gets 304 without the PDF being typeset again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation

from sikerja.documents.render import html_pdf
from sikerja.documents.wording import date_long, region_name
from sikerja.organization.models import Employee
from sikerja.organization.nip import format_nip
from sikerja.organization.rules import Viewer
from sikerja.performance import checks, objection_selectors, selectors
from sikerja.performance.models import Objection, Rating, Skp, UnitLevel
from sikerja.regulations.loader import load_pack
from sikerja.workflows.actors import person_of

STYLESHEET = Path(__file__).with_name("print.css")
SKP_TEMPLATE = "performance/print/skp.html"
EVALUATION_TEMPLATE = "performance/print/evaluation.html"


@dataclass(frozen=True)
class Party:
    """A person as the forms print them: name, NIP, position and unit."""

    name: str
    nip: str
    position: str
    unit: str


@dataclass(frozen=True)
class PrintedDocument:
    """A document ready to typeset: its HTML, its ETag, its date and its file name."""

    html: str
    etag: str
    at: dt.datetime
    filename: str


def _party(employee: Employee | None, on: dt.date) -> Party | None:
    if employee is None:
        return None
    person = person_of(employee, on)
    return Party(
        employee.full_name, format_nip(employee.nip), person.position_title, person.unit_name
    )


def _value_label(code: str) -> str:
    return code.replace("_", " ").title()


def _skp_context(skp: Skp, on: dt.date) -> dict[str, object]:
    government = skp.government
    rhks = sorted(skp.rhks.all(), key=lambda r: (r.kind != "UTAMA", r.seq))
    expectations = {e.core_value: e for e in skp.expectations.all()}
    approaches = sorted({i.approach for r in rhks for i in r.indicators.all()})
    return {
        "government_line": government.name.upper(),
        "skp": skp,
        "approach": "/".join(approaches) or "KUANTITATIF",
        "period": f"{date_long(skp.starts_on)} s.d. {date_long(skp.ends_on)}",
        "employee": Party(
            skp.employee.full_name, format_nip(skp.employee.nip), skp.position.title, skp.unit.name
        ),
        "appraiser": _party(skp.appraiser, on),
        "main": [r for r in rhks if r.kind == "UTAMA"],
        "additional": [r for r in rhks if r.kind != "UTAMA"],
        "behaviours": [(_value_label(code), expectations.get(code)) for code in _core_values(skp)],
        "place": region_name(government.name),
    }


def _core_values(skp: Skp) -> tuple[str, ...]:
    return checks.skp_content(load_pack(skp.government.pack_id)).params.core_values


@functools.cache
def _stylesheet() -> str:
    """The forms' own layout (read once per process)."""
    return STYLESHEET.read_text(encoding="utf-8")


def _document(
    template: str, context: dict[str, object], at: dt.datetime, name: str
) -> PrintedDocument:
    html = render_to_string(template, context)
    digest = hashlib.sha256((html + _stylesheet()).encode()).hexdigest()
    return PrintedDocument(html, digest, at, name)


@translation.override("id")  # an official document is in Indonesian, whoever prints it
def skp_document(*, viewer: Viewer, skp_id: int, on: dt.date) -> PrintedDocument:
    """The SKP as printed (Lampiran PermenPANRB 6/2022: the appraised, the appraiser, the RHK
    with indicators and targets, the expected behaviour, the signatures). Raises NotFound."""
    skp = selectors.skp_get_for_view(viewer=viewer, skp_id=skp_id, on=on)
    at = skp.approved_at or skp.created_at
    signed_on = timezone.localtime(at).date()
    context = _skp_context(skp, max(min(signed_on, skp.ends_on), skp.starts_on))
    context["signed_on"] = date_long(signed_on)
    return _document(SKP_TEMPLATE, context, at, f"skp-{skp.year}-{skp.pk}.pdf")


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _period_label(rating: Rating) -> str:
    """TRIWULAN IV, SEMESTER I, BULAN XI; AKHIR for the annual appraisal (the form's words)."""
    if rating.period_kind == Rating.PeriodKind.ANNUAL:
        return "AKHIR"
    label = Rating.PeriodKind(rating.period_kind).label
    return f"{label} {ROMAN[rating.period_index - 1]}".upper()


@translation.override("id")
def evaluation_document(*, viewer: Viewer, rating_id: int, on: dt.date) -> PrintedDocument:
    """The dokumen evaluasi kinerja of one rating (results, behaviour, the organisation's
    level, the predikat, an objection's outcome, the appraiser's signature). Raises NotFound."""
    rating = objection_selectors.rating_get_for_view(viewer=viewer, rating_id=rating_id, on=on)
    skp = selectors.skp_get_for_view(viewer=viewer, skp_id=rating.skp_id, on=on)
    at = rating.signed_at or rating.created_at
    day = min(max(rating.period_end, skp.starts_on), skp.ends_on)
    context = _skp_context(skp, day)
    decided = [o for o in rating.objections.all() if o.status != Objection.Status.OPEN]
    level = UnitLevel.objects.filter(
        unit_id=rating.unit_id,
        year=rating.year,
        period_kind=rating.period_kind,
        period_index=rating.period_index,
    ).first()
    context |= {
        "rating": rating,
        "period_label": _period_label(rating),
        "period": f"{date_long(rating.period_start)} s.d. {date_long(rating.period_end)}",
        "appraiser": _party(rating.signed_by or skp.appraiser, day),
        "result": Rating.Value(rating.result_rating).label,
        "behaviour": Rating.Value(rating.behaviour_rating).label,
        "predikat": Rating.Predikat(rating.predikat).label,
        "org_level": _value_label(level.level) if level else "—",
        "objection": decided[0] if decided else None,
        "objection_on": date_long(timezone.localtime(decided[0].decided_at).date())
        if decided and decided[0].decided_at
        else "",
        "objection_before": objection_selectors.predikat_label(decided[0].predikat_before)
        if decided
        else "",
        "signed_on": date_long(timezone.localtime(at).date()),
    }
    name = f"evaluasi-kinerja-{rating.year}-{rating.period_kind.lower()}{rating.period_index}"
    return _document(EVALUATION_TEMPLATE, context, at, f"{name}-{rating.skp_id}.pdf")


def document_pdf(document: PrintedDocument) -> bytes:
    """Typeset the document (WeasyPrint is imported here, on the first PDF)."""
    return html_pdf(document.html, at=document.at, css=_stylesheet())
