"""Read what a PDF says, with pypdf: its text and its document information."""

from __future__ import annotations

import io

from pypdf import DocumentInformation, PdfReader


def pdf_reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf), strict=True)


def pdf_text(pdf: bytes) -> str:
    """The text of every page, whitespace collapsed: search it for a phrase."""
    pages = pdf_reader(pdf).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def pdf_info(pdf: bytes) -> DocumentInformation:
    """The document information dictionary (dates, producer, creator)."""
    info = pdf_reader(pdf).metadata
    assert info is not None
    return info
