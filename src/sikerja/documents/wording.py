"""How a letter words its parts in Indonesian: dates, places, positions, body fields.

Pure functions over snapshots (dicts) and a few model attributes; templates only print what
these return.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sikerja.organization.nip import format_nip

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
GOVERNMENT_PREFIX = "pemerintah "
REGION_KINDS = ("kota ", "kabupaten ", "provinsi ")
# Heads of region a letter is signed on behalf of ("a.n. Wali Kota"): the region's name follows.
REGION_HEADS = ("wali kota", "walikota", "bupati", "gubernur")
ACTING_PREFIX = {"PLT": "Plt.", "PLH": "Plh."}
SUBJECT_LABELS = {"INDIVIDUAL": "Individu", "TEAM": "Tim"}
EMPTY = "-"
# A run of punctuation marks (with or without spaces between them) where text typed by a user,
# ending in its own full stop, meets the template's comma or semicolon: the last mark stands.
_PUNCTUATION_RUN = re.compile(r"\s*([.,;:])(?:\s*[.,;:])*")
_SENTENCE_START = re.compile(r"(?<![\w.])(\w+[.!?]) ([a-z])")
# Abbreviations a full stop ends without ending the sentence.
ABBREVIATIONS = frozenset({"a.n.", "u.p.", "s.d.", "dll.", "dsb.", "dst.", "yth.", "nip.", "no."})


@dataclass(frozen=True)
class PersonRow:
    """One person in a list of staff: the row a table of assignees prints."""

    number: int
    name: str
    nip: str
    position: str
    unit: str


def _last_mark(match: re.Match[str]) -> str:
    run = match.group(0)
    return next(char for char in reversed(run) if char in ".,;:")


def tidy(text: str, *, sentence: bool = True) -> str:
    """Text as a letter prints it: single spaces, no space before a mark, no ".," ".;" ",," or
    "..", and (for a sentence) a capital letter where a sentence begins."""
    value = " ".join(text.split())
    value = _PUNCTUATION_RUN.sub(_last_mark, value)
    if not sentence or not value:
        return value
    value = _SENTENCE_START.sub(
        lambda m: (
            m.group(0)
            if m.group(1).lower() in ABBREVIATIONS
            else f"{m.group(1)} {m.group(2).upper()}"
        ),
        value,
    )
    return value[0].upper() + value[1:]


def date_long(day: dt.date) -> str:
    """23 November 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_text(value: object) -> str:
    """An ISO date from a body field in long form; other text unchanged."""
    if isinstance(value, dt.date):
        return date_long(value)
    text = str(value or "").strip()
    try:
        return date_long(dt.date.fromisoformat(text[:10]))
    except ValueError:
        return text


def government_line(name: str, kind_label: str) -> str:
    """PEMERINTAH KOTA SURAKARTA."""
    if not name.lower().startswith(GOVERNMENT_PREFIX):
        name = f"{kind_label} {name}"
    return name.upper()


def region_name(name: str) -> str:
    """The region a government is named after, without 'Pemerintah' and 'Kota'/'Kabupaten'."""
    text = name.strip()
    if text.lower().startswith(GOVERNMENT_PREFIX):
        text = text[len(GOVERNMENT_PREFIX) :]
    for kind in REGION_KINDS:
        if text.lower().startswith(kind):
            return text[len(kind) :].strip()
    return text


def on_behalf_line(on_behalf_of: str, region: str) -> str:
    """'a.n. Wali Kota' becomes 'a.n. Wali Kota Surakarta'; other text is kept as written."""
    text = on_behalf_of.strip()
    if text and region and text.lower().endswith(REGION_HEADS) and region not in text:
        return f"{text} {region}"
    return text


def position_of(
    party: dict[str, Any], *, acting: bool = False, home_agency_id: int | None = None
) -> str:
    """A party's position; outside the issuing agency, with its agency unless the title names it.

    'Sekretaris Daerah' names 'Sekretariat Daerah' (likewise Sekretaris DPRD), so a head of a
    sekretariat is not written twice.
    """
    position = str(party.get("position") or "").strip()
    agency = str(party.get("agency") or "").strip()
    named = agency.lower().replace("sekretariat ", "sekretaris ") in position.lower()
    if agency and not named and party.get("agency_id") != home_agency_id:
        position = f"{position} {agency}".strip()
    prefix = ACTING_PREFIX.get(str(party.get("acting") or "")) if acting else None
    return f"{prefix} {position}" if prefix else position


def nip_line(party: dict[str, Any]) -> str:
    """NIP. 19850315 201003 1 002 (blank for a party without a NIP)."""
    nip = str(party.get("nip") or "").strip()
    return f"NIP. {format_nip(nip)}" if nip else ""


def text_of(body: dict[str, Any], *keys: str) -> str:
    """The first non-empty text among body fields."""
    for key in keys:
        value = body.get(key)
        if value not in (None, "", [], {}):
            return str(value).strip()
    return ""


def competencies_text(body: dict[str, Any]) -> str:
    """The competencies a request asks for, joined: 'Analisis data; Penyusunan laporan'."""
    value = body.get("competencies")
    if isinstance(value, str):
        return value.strip()
    if not isinstance(value, list):
        return ""
    names = [str(item.get("name", "")) if isinstance(item, dict) else str(item) for item in value]
    return "; ".join(name.strip() for name in names if name.strip())


def period_text(body: dict[str, Any]) -> str:
    """'3 bulan (1 Desember 2026 s.d. 28 Februari 2027)', from whichever fields are present."""
    duration = text_of(body, "duration", "duration_text")
    if duration.isdigit():
        duration = f"{duration} hari"
    start = date_text(text_of(body, "starts_on", "start_on", "start_date", "start"))
    end = date_text(text_of(body, "ends_on", "end_on", "end_date", "end"))
    span = f"{start} s.d. {end}" if start and end else start or end
    if duration and span:
        return f"{duration} ({span})"
    return duration or span


def subject_text(body: dict[str, Any]) -> str:
    return SUBJECT_LABELS.get(text_of(body, "subject"), text_of(body, "subject"))


def decision_of(body: dict[str, Any]) -> dict[str, Any]:
    """The decision's own data (body["decision_data"]), or an empty dict."""
    decision = body.get("decision_data")
    return decision if isinstance(decision, dict) else {}


def people_of(body: dict[str, Any]) -> tuple[PersonRow, ...]:
    """The staff a letter names: body["assignees"], else the decision's proposed staff."""
    decision = decision_of(body)
    raw = body.get("assignees") or decision.get("staff") or decision.get("assignees") or []
    return people_rows(item for item in raw if isinstance(item, dict))


def people_rows(parties: Iterable[dict[str, Any]]) -> tuple[PersonRow, ...]:
    return tuple(
        PersonRow(
            number=index,
            name=str(party.get("name") or EMPTY),
            nip=format_nip(str(party.get("nip") or "")) or EMPTY,
            position=str(party.get("position") or EMPTY),
            unit=str(party.get("unit") or party.get("agency") or EMPTY),
        )
        for index, party in enumerate(parties, start=1)
    )


def is_rejection(body: dict[str, Any]) -> bool:
    """Whether a reply refuses: by the decision when the body carries it, else by a reason.

    A reason is required on every rejection (V-03) and optional otherwise, so a reason without
    a stated decision is read as a rejection.
    """
    verdict = text_of(body, "decision") or text_of(decision_of(body), "decision")
    if verdict:
        return verdict.lower() == "reject"
    return bool(text_of(body, "reason"))


def external_number(body: dict[str, Any]) -> str:
    """The own number of a recorded letter of another government, as the decision gave it."""
    return text_of(body, "external_number") or text_of(decision_of(body), "external_number")
