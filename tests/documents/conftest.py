"""A small pemda (Setda and a Dinas with their heads) and helpers to issue letters in it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.organization.builders import Org, build_org
from tests.organization.reread import reread_org

PACK = "surakarta-2023"
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 23)
CITATION = "Peraturan Wali Kota Surakarta Nomor 13 Tahun 2023, Pasal 17 ayat (4)"
BODY: dict[str, Any] = {
    "purpose": "penyusunan analisis beban kerja Dinas Kesehatan",
    "competencies": ["Analisis data", "Penyusunan laporan"],
    "expected_target": "dokumen analisis beban kerja selesai dan disahkan",
    "duration": "3 bulan",
    "start_on": "2026-12-01",
    "end_on": "2027-02-28",
    "task_description": "mengolah data beban kerja per jabatan",
    "subject": "INDIVIDUAL",
    "scope": "CROSS_UNIT",
    "reason": "",
    "decision_data": {},
    "step": "Penetapan surat penugasan",
}


def party(org: Org, key: str, *, acting: str = "DEFINITIVE", external: bool = False) -> dict:
    """The snapshot the workflow engine passes for the head of `key` (see workflows.letters)."""
    employee = org.people[key]
    position = org.heads[key]
    agency = org.setda if position.unit.agency_id == org.setda.pk else org.dinas
    return {
        "expression": "unit_head",
        "employee_id": employee.pk,
        "name": employee.full_name,
        "nip": employee.nip,
        "position": position.title,
        "unit": position.unit.name,
        "acting": acting,
        "agency_id": agency.pk,
        "agency": agency.name,
        "external": external,
        "rule": "V-17",
        "citation": CITATION,
    }


def assignee(org: Org, name: str) -> dict:
    employee = org.people[name]
    return {
        "employee_id": employee.pk,
        "name": employee.full_name,
        "nip": employee.nip,
        "position": "Analis Kebijakan Ahli Muda",
        "unit": "Sub Bidang Rujukan",
    }


def issue(org: Org, *, signer: str | dict = "dinas", on: dt.date = TODAY, **overrides: Any):
    from sikerja.documents.services import letter_issue

    values: dict[str, Any] = {
        "government_id": org.government.pk,
        "doc_type": "ASSIGNMENT_LETTER",
        "title": "Surat Tugas Pelibatan Pegawai",
        "signer": signer if isinstance(signer, dict) else party(org, signer),
        "on_behalf_of": "",
        "addressees": [party(org, "bidang")],
        "cc": [party(org, "sekretariat"), party(org, "setda")],
        "body": dict(BODY),
        "citation": CITATION,
        "workflow_instance_id": 501,
        "workflow_step_id": 7001,
        "at": NOW,
        "on": on,
    }
    values.update(overrides)
    return letter_issue(**values)


def build_small_org() -> Org:
    """build_org plus two staff: Rina (JF Ahli Muda, Bidang) and Dedi (Pelaksana, Subbidang)."""
    built = build_org(PACK)
    built.staff("Rina Analis", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    built.staff("Dedi Pelaksana", "subbidang", "PELAKSANA")
    return built


@pytest.fixture(scope="module")
def _small_org(module_db) -> Org:
    return module_db(build_small_org)


@pytest.fixture
def org(_small_org, db) -> Org:
    """The small pemda, built once per test module; each test rolls back to it."""
    return reread_org(_small_org)
