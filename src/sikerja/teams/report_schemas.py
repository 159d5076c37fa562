"""Input and output schemas of the reports and evaluation API (no logic)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

TEXT = 4000


class MemberResultIn(Schema):
    """The lead's note on one member's results, for that member's own appraiser."""

    nip: str = Field(max_length=18)
    text: str = Field(max_length=TEXT)


class ReportSubmitIn(Schema):
    """A report submitted by its author; evidence uploaded first (`POST /teams/{id}/evidence`)."""

    text: str = Field(max_length=TEXT)
    evidence_ids: list[int] = Field(default=[], max_length=20)
    member_results: list[MemberResultIn] = Field(default=[], max_length=50)


class ReportDecisionIn(Schema):
    """A receiver's decision at their step of a report's chain."""

    decision: Literal["acknowledge", "return"]
    reason: str = Field(default="", max_length=TEXT)


class ReportDemandIn(Schema):
    """The lead or member of whom the unit head demands a report now (V-53)."""

    nip: str = Field(min_length=1, max_length=18)


class ResultsIn(Schema):
    """The team's results, submitted by its lead for evaluation."""

    results: str = Field(max_length=TEXT)
    evidence_ids: list[int] = Field(default=[], max_length=20)


class EvaluationDecisionIn(Schema):
    """A reviewer's decision (approve on target, return), or the resubmission after a return."""

    decision: Literal["approve", "return", "submit"]
    on_target: bool = False
    reason: str = Field(default="", max_length=TEXT)
    results: str = Field(default="", max_length=TEXT)


class WorkStepOut(Schema):
    """A step of a report's or an evaluation's chain, with its official and article."""

    id: int
    step_key: str
    label: str
    actor_name: str
    actor_position: str
    status: str
    decision: str
    reason: str
    citation: str
    actor_citation: str
    due_at: dt.datetime | None


class MemberResultOut(Schema):
    """The lead's note on one member and the member's own appraiser it went to."""

    member_name: str
    text: str
    appraiser_name: str
    appraiser_citation: str


class ReportOut(Schema):
    """A report: whose, which period, where it stands, its evidence and chain."""

    id: int
    team_id: int
    team_name: str
    kind: str
    author_name: str
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date
    status: str
    text: str
    evidence_ids: list[int]
    results: list[MemberResultOut]
    steps: list[WorkStepOut]


class WorkInboxOut(Schema):
    """A step of a report or evaluation waiting for the caller."""

    step_id: int
    kind: str
    subject_id: int
    team_name: str
    author_name: str
    label: str
    due_at: dt.datetime | None


class EvaluationOut(Schema):
    """The evaluation of a team's results and its chain to the declaring official."""

    id: int
    team_id: int
    team_name: str
    workflow_key: str
    status: str
    results: str
    evidence_ids: list[int]
    declared_by_name: str
    declared_at: dt.datetime | None
    statement: str
    steps: list[WorkStepOut]


class IndividualCreateIn(Schema):
    """The first day of the period of my report on my own individual work (V-52's schedule)."""

    period_start: dt.date


class IndividualSubmitIn(Schema):
    """My individual report's text; evidence uploaded first
    (`POST /teams/individual-reports/{id}/evidence`)."""

    text: str = Field(max_length=TEXT)


class IndividualEvidenceOut(Schema):
    """An evidence file of an individual report (downloaded by id)."""

    id: int
    original_name: str
    content_type: str
    size: int
    sha256: str


class IndividualReportOut(Schema):
    """A report on individual work: whose, on what, which period, where it stands, its
    evidence, who is copied, and its chain with each official's article."""

    id: int
    basis: str
    assignment_id: int | None
    author_name: str
    unit_id: int
    workflow_key: str
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date
    status: str
    text: str
    submitted_at: dt.datetime | None
    received_at: dt.datetime | None
    evidence: list[IndividualEvidenceOut]
    copied_to: list[str]
    steps: list[WorkStepOut]


class IndividualListOut(Schema):
    """An individual report in a list."""

    id: int
    basis: str
    assignment_id: int | None
    author_id: int
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date
    status: str
