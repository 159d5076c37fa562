"""A penugasan is asked for before it starts: a period that starts before the day of the request
is refused (the packs' `past_period = "refuse"`, a product decision: the seeds are silent), or,
where a pack says "justify", needs a written justification. Nothing is written on a refusal."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sikerja.assignments.checks import past_period_check
from sikerja.assignments.services import assignment_request_submit
from sikerja.core.errors import ValidationFailed
from sikerja.regulations.loader import LoadedPack, load_pack
from tests.assignments.flow import NOW, ON, request_input
from tests.assignments.side_effects import nothing_written
from tests.organization.builders import build_org

REGIONAL = ("barut-2024", "blitar-2023", "cilegon-2023", "kotim-2023", "surakarta-2023")
COMPLETE = {
    "task_description": "Mengolah data kepegawaian",
    "individual_target": "Data terverifikasi",
    "other_arrangements": "Tidak ada",
}


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_every_pack_refuses_a_period_in_the_past(pack_id):
    assert load_pack(pack_id).parameters.past_period == "refuse"


@pytest.mark.django_db
def test_a_request_starting_yesterday_is_refused_and_nothing_is_written():
    org = build_org("surakarta-2023")
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    data = request_input(candidate_ids=[jf.pk], starts_on=ON - dt.timedelta(days=1), **COMPLETE)

    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        assignment_request_submit(requester=org.people["bidang"], data=data, at=NOW, on=ON)

    assert (refused.value.code, refused.value.message, refused.value.fields) == (
        "period_in_past",
        "Tanggal mulai sudah lewat; penugasan dimulai paling cepat hari ini.",
        {"starts_on": "Pilih hari ini atau sesudahnya."},
    )


def _pack_justifying():
    pack = load_pack("surakarta-2023")
    parameters = pack.parameters.model_copy(update={"past_period": "justify"})
    return LoadedPack(pack.data.model_copy(update={"parameters": parameters}), pack.path)


def test_where_the_pack_says_justify_a_past_start_needs_a_justification():
    pack = _pack_justifying()
    past = request_input(candidate_ids=[1], starts_on=ON - dt.timedelta(days=3))

    with pytest.raises(ValidationFailed) as refused:
        past_period_check(pack, past, ON)
    past_period_check(pack, dataclasses.replace(past, justification="SK terlambat terbit"), ON)

    assert (refused.value.code, set(refused.value.fields)) == ("period_in_past", {"justification"})


def test_a_period_starting_today_is_accepted():
    past_period_check(load_pack("surakarta-2023"), request_input(starts_on=ON), ON)
