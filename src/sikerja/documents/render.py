"""Render an issued letter to PDF (WeasyPrint) with its verification QR code (segno).

WeasyPrint (and its Pango and font set-up) is imported when the first PDF is made, not when
the URLs are loaded: a server, a management command or a test that makes no PDF never pays it.
"""

from __future__ import annotations

import datetime as dt
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from sikerja.documents.form import form_of, page_css
from sikerja.documents.lambang import lambang_data_uri
from sikerja.documents.models import Letter
from sikerja.documents.sheet import Verification, letter_sheet
from sikerja.documents.source_date import source_date_epoch

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

DEFAULT_PUBLIC_BASE_URL = "http://127.0.0.1:8000"
TEMPLATE = "documents/letter.html"
STYLESHEET = Path(__file__).with_name("letter.css")


def public_base_url() -> str:
    """Where the public verification pages live (settings.SIKERJA_PUBLIC_BASE_URL)."""
    return str(getattr(settings, "SIKERJA_PUBLIC_BASE_URL", DEFAULT_PUBLIC_BASE_URL))


def verification_url(letter: Letter, base_url: str | None = None) -> str:
    """The absolute address of the letter's public verification page."""
    base = (base_url or public_base_url()).rstrip("/")
    return base + reverse("documents:verify", args=[letter.verification_code])


def qr_data_uri(url: str) -> str:
    """A QR code of the URL as an SVG data URI (vector: sharp at any print size)."""
    return str(segno.make(url, error="m").svg_data_uri(scale=4, border=2))


class _Typesetter(threading.local):
    """Per-thread WeasyPrint state, built on a thread's first render and reused after.

    Building the font configuration scans the system fonts, and parsing the stylesheet on every
    letter costs about a tenth of a render. Pango's font map is not thread-safe, so each thread
    (runserver and threaded workers render in parallel) keeps its own.
    """

    def __init__(self) -> None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.font_config: FontConfiguration = FontConfiguration()
        self.stylesheet: CSS = CSS(filename=str(STYLESHEET), font_config=self.font_config)
        self.page_styles: dict[str, CSS] = {}

    def page_style(self, css: str) -> CSS:
        """The parsed page style of a layout (a few per pack), kept for the thread's life."""
        from weasyprint import CSS

        if css not in self.page_styles:
            self.page_styles[css] = CSS(string=css, font_config=self.font_config)
        return self.page_styles[css]


@cache
def _typesetter() -> _Typesetter:
    # One thread-local object, made on first use (no font scan at import time); each thread
    # runs __init__ again on its own first access.
    return _Typesetter()


def letter_html(letter: Letter, *, base_url: str | None = None) -> str:
    """The letter as the HTML WeasyPrint lays out (also handy to inspect in tests)."""
    url = verification_url(letter, base_url)
    verification = Verification(
        url=url, code=letter.verification_code, qr_data_uri=qr_data_uri(url)
    )
    recorded = form_of(letter)
    kop = recorded.kop if recorded else None
    lambang = (
        lambang_data_uri(
            name=kop.lambang_name, sha256=kop.lambang_sha256, media_type=kop.lambang_type
        )
        if kop
        else ""
    )
    sheet = letter_sheet(letter, verification=verification, lambang_uri=lambang)
    return render_to_string(TEMPLATE, {"sheet": sheet})


def pdf_date(at: dt.datetime) -> str:
    """The W3C date WeasyPrint writes as the PDF's CreationDate and ModDate (UTC, to the second)."""
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def letter_pdf(letter: Letter, *, base_url: str | None = None) -> bytes:
    """The letter as a PDF: the same letter gives the same bytes, on any machine that has the
    system libraries and fonts of the README.

    Nothing in the file comes from the clock: the PDF's creation and modification dates are the
    letter's issue time, and so is SOURCE_DATE_EPOCH while the fonts are subset and written (the
    fallback subsetter stamps fonts with it). WeasyPrint writes no random file identifier.

    `letter` should come with its government and agency (select_related), else 2 queries.
    """
    from weasyprint import HTML

    html = HTML(string=letter_html(letter, base_url=base_url))
    typesetter = _typesetter()
    recorded = form_of(letter)
    stylesheets = [typesetter.stylesheet]
    if recorded is not None:  # the layout the letter was issued with (V-68)
        stylesheets.append(typesetter.page_style(page_css(recorded.layouts)))
    document = html.render(stylesheets=stylesheets, font_config=typesetter.font_config)
    document.metadata.created = document.metadata.modified = pdf_date(letter.issued_at)
    with source_date_epoch(letter.issued_at):
        pdf: bytes = document.write_pdf()
    return pdf


def html_pdf(html: str, *, at: dt.datetime, css: str = "") -> bytes:
    """Any official document laid out from its own HTML (the SKP, the dokumen evaluasi kinerja)
    on the letters' typesetter and base stylesheet, with `css` (the document's own layout)
    added. Its PDF dates, and SOURCE_DATE_EPOCH while it is written, are `at`: the same HTML
    gives the same bytes."""
    from weasyprint import HTML

    typesetter = _typesetter()
    stylesheets = [typesetter.stylesheet]
    if css:
        stylesheets.append(typesetter.page_style(css))
    document = HTML(string=html).render(stylesheets=stylesheets, font_config=typesetter.font_config)
    document.metadata.created = document.metadata.modified = pdf_date(at)
    with source_date_epoch(at):
        pdf: bytes = document.write_pdf()
    return pdf
