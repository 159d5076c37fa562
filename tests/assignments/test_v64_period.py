"""V-64 (every pack): a penugasan is for a set period, from a start date to an end date.

All five definitions of Penugasan in Pasal 1 say "dalam periode waktu tertentu". A request that
lacks either date is refused citing that definition, and nothing is written.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.assignments.services import assignment_request_submit
from sikerja.core.errors import RuleViolation
from sikerja.regulations.loader import load_pack
from tests.assignments.flow import NOW, ON, request_input
from tests.assignments.side_effects import nothing_written
from tests.organization.builders import build_org

# Pack -> "angka" of the Pasal 1 definition of Penugasan in its seed.
DEFINITIONS = {
    "kotim-2023": "29",
    "blitar-2023": "18",
    "surakarta-2023": "27",
    "cilegon-2023": "17",
    "barut-2024": "23",
}
COMPLETE = {
    "task_description": "Mengolah data kepegawaian",
    "individual_target": "Data terverifikasi",
    "other_arrangements": "Tidak ada",
}


def _citation(pack_id: str) -> str:
    short = load_pack(pack_id).short
    return (
        f'{short} Pasal 1 angka {DEFINITIONS[pack_id]} (Penugasan "dalam periode waktu tertentu")'
    )


@pytest.mark.parametrize("pack_id", sorted(DEFINITIONS))
def test_v64_pasal_1_every_pack_binds_the_period_of_a_penugasan(pack_id):
    pack = load_pack(pack_id)

    assert (pack.binds("V-64"), pack.cite_rule("V-64")) == (True, _citation(pack_id))


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", sorted(DEFINITIONS))
@pytest.mark.parametrize(
    ("period", "fields"),
    [
        ({"starts_on": None, "ends_on": None}, {"starts_on", "ends_on"}),
        ({"ends_on": None}, {"ends_on"}),
    ],
    ids=["no_dates_case", "no_end_case"],
)
def test_v64_pasal_1_a_voluntary_application_within_the_unit_without_its_period_is_refused(
    pack_id, period, fields
):
    org = build_org(pack_id)
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    data = request_input(mode="VOLUNTARY", **COMPLETE, **period)

    with nothing_written(), pytest.raises(RuleViolation) as refused:
        assignment_request_submit(requester=jf, data=data, at=NOW, on=ON)

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "period_required",
        "V-64",
        _citation(pack_id),
    )
    assert set(refused.value.fields) == fields


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", sorted(DEFINITIONS))
def test_v64_pasal_1_a_within_unit_appointment_without_its_period_is_refused(pack_id):
    org = build_org(pack_id)
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    data = request_input(candidate_ids=[jf.pk], starts_on=None, **COMPLETE)

    with nothing_written(), pytest.raises(RuleViolation) as refused:
        assignment_request_submit(requester=org.people["bidang"], data=data, at=NOW, on=ON)

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "period_required",
        "V-64",
        _citation(pack_id),
    )
    assert set(refused.value.fields) == {"starts_on"}


@pytest.mark.django_db
def test_v64_the_demo_requests_all_have_a_period():
    from sikerja.assignments.demo import demo_requests
    from sikerja.assignments.models import Assignment
    from sikerja.organization.demo import generate

    government = generate(
        pack_id="kotim-2023", employees=120, seed=3, at=NOW, on=ON, username_prefix=True
    ).government

    outcomes = demo_requests(government=government, at=NOW, on=ON)

    made = Assignment.objects.filter(pk__in=[o.assignment_id for o in outcomes if o.assignment_id])
    assert made.count() == len([o for o in outcomes if o.assignment_id])
    assert sorted({(a.starts_on, a.ends_on) for a in made}) == [
        (ON + dt.timedelta(days=7), ON + dt.timedelta(days=97))
    ]
