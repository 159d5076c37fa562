"""V-58 (Surakarta Lampiran IV 3.1.1 angka 3 huruf c, 3.1.2 angka 3 huruf c): results returned
as off target open a Rework owned by the unit head, linked to the evaluation; when the rework is
done, the evaluation resumes up the review chain. Packs that do not bind V-58 return the
results to the lead and open no rework."""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied
from sikerja.regulations.loader import load_pack
from sikerja.teams.models import Rework, TeamEvaluation
from sikerja.teams.services.execution import rework_close
from sikerja.workflows.models import WorkflowStep
from tests.teams.work.flow import AT, DAY, approve_all, chain, evaluate
from tests.teams.work.helpers import refused
from tests.teams.work.test_evaluation_rules import (
    act,
    open_step,
    setda_team,
    surakarta_bidang_team,
)

pytestmark = pytest.mark.django_db
V58 = (
    "Perwali Surakarta 32/2023 Lampiran IV 3.1.1 angka 3 huruf c; "
    "Perwali Surakarta 32/2023 Lampiran IV 3.1.2 angka 3 huruf c"
)


def _returned():
    org, people, kadis, team = surakarta_bidang_team()
    evaluation = evaluate(team, people["ahli_muda"])
    reviewer = open_step(evaluation)
    act(reviewer, "return", reason="Target belum tercapai")
    return org, people, kadis, team, evaluation, reviewer


def _rework_actions(team) -> list[tuple[str, str, str]]:
    return list(
        AuditEvent.objects.filter(
            object_type="teams.team",
            object_id=str(team.pk),
            action__in=["team.rework_opened", "team.rework_closed"],
        )
        .order_by("pk")
        .values_list("action", "rule", "citation")
    )


def test_v58_surakarta_a_return_opens_rework_owned_by_the_unit_head_linked_to_the_evaluation():
    _org, _people, kadis, team, evaluation, reviewer = _returned()

    rework = Rework.objects.get()

    assert (rework.team_id, rework.evaluation_id, rework.owner_id, rework.owner_role) == (
        team.pk,
        evaluation.pk,
        kadis.pk,
        "unit_head",
    )
    assert (rework.reason, rework.opened_by_id, rework.opened_at, rework.status) == (
        "Target belum tercapai",
        reviewer.actor_id,
        AT,
        "OPEN",
    )
    assert open_step(evaluation).step_key == "rework"
    assert open_step(evaluation).actor_id == kadis.pk
    assert TeamEvaluation.objects.get(pk=evaluation.pk).status == "RETURNED"
    assert _rework_actions(team) == [("team.rework_opened", "V-58", V58)]


def test_v58_surakarta_when_the_rework_is_done_the_evaluation_resumes_to_declared_complete():
    _org, _people, kadis, team, evaluation, reviewer = _returned()
    rework = Rework.objects.get()

    done = rework_close(
        rework_id=rework.pk, by=kadis, resolution="Diverifikasi ulang", at=AT, on=DAY
    )
    resumed = TeamEvaluation.objects.get(pk=evaluation.pk).status
    reviewers = approve_all(evaluation)

    assert (done.status, done.resolution, done.closed_at) == ("DONE", "Diverifikasi ulang", AT)
    assert resumed == "UNDER_REVIEW"
    steps = chain(evaluation.workflow_instance_id)
    rework_step = next(row for row in steps if row[0] == "rework")
    assert rework_step == ("rework", kadis.pk, "DECIDED", "submit")
    assert reviewers == [reviewer.actor_id, kadis.pk]
    assert TeamEvaluation.objects.get(pk=evaluation.pk).status == "DECLARED_COMPLETE"
    assert _rework_actions(team) == [
        ("team.rework_opened", "V-58", V58),
        ("team.rework_closed", "V-58", V58),
    ]


def test_v58_surakarta_resubmitting_from_the_rework_step_closes_the_linked_rework():
    _org, _people, _kadis, _team, evaluation, _reviewer = _returned()

    act(open_step(evaluation), "submit", results="Data 40 sarana diverifikasi ulang")

    rework = Rework.objects.get()
    assert (rework.status, rework.resolution, rework.closed_at) == (
        "DONE",
        "Data 40 sarana diverifikasi ulang",
        AT,
    )
    assert open_step(evaluation).step_key == "review"


def test_v58_only_the_owner_closes_the_rework_and_the_evaluation_does_not_move():
    _org, people, _kadis, _team, evaluation, _reviewer = _returned()
    rework = Rework.objects.get()
    waiting = open_step(evaluation).pk

    refused(
        lambda: rework_close(
            rework_id=rework.pk, by=people["ahli_muda"], resolution="Sudah", at=AT, on=DAY
        ),
        PermissionDenied,
    )

    assert Rework.objects.get().status == "OPEN"
    assert open_step(evaluation).pk == waiting
    assert WorkflowStep.objects.get(pk=waiting).status == "OPEN"


def test_v58_a_pack_that_does_not_bind_it_returns_the_results_to_the_lead_without_rework():
    _org, lead, _member, team = setda_team()
    evaluation = evaluate(team, lead)

    act(open_step(evaluation), "return", reason="Target belum tercapai")

    assert not load_pack("kotim-2023").binds("V-58")
    assert Rework.objects.count() == 0
    assert (open_step(evaluation).step_key, open_step(evaluation).actor_id) == ("submit", lead.pk)
