"""Letters issued before their form was recorded (no `letter_form` in the body) print exactly as
they did when they were issued: same HTML, so the same PDF bytes on a first download.

The golden files were written by the renderer as it stood before letters recorded their form.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sikerja.documents.models import Letter
from sikerja.documents.render import letter_html
from tests.documents.conftest import BODY, CITATION, NOW, TODAY

GOLDEN = Path(__file__).with_name("golden")
BASE_URL = "https://sikerja.example.go.id"
SIGNER = {
    "employee_id": None,
    "name": "Dr. Budi Santoso, M.Kes.",
    "nip": "198503152010031002",
    "position": "Kepala Dinas Kesehatan",
    "unit": "Dinas Kesehatan",
    "acting": "DEFINITIVE",
    "agency": "Dinas Kesehatan",
    "external": False,
}
ASSIGNEE = {
    "name": "Rina Analis",
    "nip": "199001012015032001",
    "position": "Analis Kebijakan Ahli Muda",
    "unit": "Sub Bidang Rujukan",
}
KINDS = {
    "INVOLVEMENT_REQUEST": "Surat Permohonan Pelibatan Pejabat Fungsional dan/atau Pelaksana",
    "ASSIGNMENT_LETTER": "Surat Penugasan",
    "DECREE": "Keputusan Kepala Perangkat Daerah tentang Penugasan Lintas Unit Organisasi",
}


def legacy_letter(org, doc_type: str) -> Letter:
    """A letter as issued before its form was recorded (a row written as the old service did)."""
    signer = SIGNER | {"agency_id": org.dinas.pk}
    sequence = sorted(KINDS).index(doc_type) + 1
    return Letter.objects.create(
        government=org.government,
        agency=org.dinas,
        year=TODAY.year,
        sequence=sequence,
        number=f"800/{sequence:04d}/DINKES/{TODAY.year}",
        doc_type=doc_type,
        title=KINDS[doc_type],
        issued_on=TODAY,
        issued_at=NOW,
        signer=signer,
        addressees=[ASSIGNEE | {"position": "Kepala Bidang Pelayanan", "agency_id": org.dinas.pk}],
        cc=[SIGNER | {"position": "Sekretaris Daerah", "agency": "Sekretariat Daerah"}],
        body=BODY | {"assignees": [ASSIGNEE], "purpose": "penyusunan laporan.  kinerja."},
        citation=CITATION,
        verification_code=f"LEGACY{doc_type[:6]}",
        content_sha256="0" * 64,
    )


@pytest.mark.parametrize("doc_type", sorted(KINDS))
def test_a_letter_issued_before_forms_were_recorded_prints_as_it_did(org, doc_type):
    letter = legacy_letter(org, doc_type)

    html = letter_html(
        Letter.objects.select_related("government", "agency").get(pk=letter.pk),
        base_url=BASE_URL,
    )

    assert html == (GOLDEN / f"legacy_{doc_type.lower()}.html").read_text()


def write_golden(org) -> None:  # pragma: no cover - run by hand to record the golden files
    for doc_type in KINDS:
        letter = legacy_letter(org, doc_type)
        letter = Letter.objects.select_related("government", "agency").get(pk=letter.pk)
        (GOLDEN / f"legacy_{doc_type.lower()}.html").write_text(
            letter_html(letter, base_url=BASE_URL)
        )
