"""Due dates in working days (hari kerja): Monday to Friday, less national holidays and cuti
bersama (SKB 2026 and 2027); the engine gives an opened step the due date its pack counts."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.assignments.services import assignment_request_submit
from sikerja.workflows.due_dates import add_working_days, days_after, is_working_day
from tests.assignments.flow import open_step, request_input

JAKARTA = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (dt.date(2026, 12, 23), True),  # Wednesday
        (dt.date(2026, 12, 24), False),  # cuti bersama Natal
        (dt.date(2026, 12, 25), False),  # Hari Raya Natal
        (dt.date(2026, 12, 26), False),  # Saturday
        (dt.date(2026, 3, 20), False),  # cuti bersama Idul Fitri
        (dt.date(2026, 3, 25), True),  # the first working day after Lebaran
        (dt.date(2027, 3, 9), False),  # cuti bersama Idul Fitri 2027
        (dt.date(2027, 8, 17), False),  # Hari Kemerdekaan
    ],
    ids=str,
)
def test_working_days_leave_out_weekends_holidays_and_cuti_bersama(day, working):
    assert is_working_day(day) is working


def test_five_working_days_from_a_monday_is_the_next_monday():
    assert add_working_days(dt.date(2026, 11, 23), 5) == dt.date(2026, 11, 30)


def test_five_working_days_over_christmas_skip_the_holiday_and_its_cuti_bersama():
    assert add_working_days(dt.date(2026, 12, 21), 5) == dt.date(2026, 12, 30)


def test_five_working_days_over_nyepi_and_lebaran_2026_skip_their_holidays_and_cuti_bersama():
    assert add_working_days(dt.date(2026, 3, 17), 5) == dt.date(2026, 3, 31)


def test_a_step_opened_on_saturday_counts_from_monday():
    assert add_working_days(dt.date(2026, 11, 28), 1) == dt.date(2026, 11, 30)


def test_a_working_due_date_keeps_the_local_time_of_day_even_past_midnight_utc():
    at = dt.datetime(2026, 12, 21, 23, 30, tzinfo=JAKARTA)  # Monday night, 16:30 UTC

    due = days_after(at, 5, "working")

    assert due == dt.datetime(2026, 12, 30, 23, 30, tzinfo=JAKARTA)


def test_calendar_days_are_counted_as_they_come():
    at = dt.datetime(2026, 12, 21, 9, 0, tzinfo=dt.UTC)

    assert days_after(at, 5, "calendar") == dt.datetime(2026, 12, 26, 9, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_a_request_opened_before_christmas_is_due_after_the_holidays(waiting):
    at = dt.datetime(2026, 12, 21, 2, 0, tzinfo=dt.UTC)  # Monday 09.00 in Jakarta
    requester = waiting.assignment.requester

    assignment = assignment_request_submit(
        requester=requester,
        data=request_input(
            candidate_ids=[waiting.assignment.candidates.get().pk],
            task_description="Mengolah data",
            individual_target="Data terverifikasi",
            title="Kajian akhir tahun",
            starts_on=dt.date(2027, 1, 4),
        ),
        at=at,
        on=at.date(),
    )

    assert open_step(assignment).due_at == dt.datetime(2026, 12, 30, 2, 0, tzinfo=dt.UTC)
