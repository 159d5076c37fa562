"""API v1 of training-need proposals (V-62), mounted in the teams router: the proposals the
caller may see, a unit head's proposal for a person of the unit, and BKPSDM's decision. Each
operation parses its input, makes one call and renders the answer; the time is taken here.
Writes honour `Idempotency-Key` (the assembly's); refusals have the shared error shape."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from sikerja.core.schemas import read_answers, write_answers
from sikerja.organization.http import viewer_of
from sikerja.teams import commands, training
from sikerja.teams.training_models import TrainingNeedProposal
from sikerja.teams.training_schemas import (
    TrainingDecisionIn,
    TrainingProposalIn,
    TrainingProposalOut,
)

router = Router(tags=["tim kerja: usulan kebutuhan pelatihan"])


@router.get(
    "/training-proposals",
    response=read_answers(list[TrainingProposalOut]),
    summary="Usulan kebutuhan pelatihan yang boleh saya lihat (V-62), terbaru lebih dulu",
)
def training_proposal_list(
    request: HttpRequest, status: Literal["SUBMITTED", "SCHEDULED", "DECLINED"] | None = None
) -> list[TrainingNeedProposal]:
    viewer = viewer_of(request)
    return list(training.training_proposals_for(viewer=viewer, status=status or "")[:200])


@router.post(
    "/training-proposals",
    response=write_answers(201, TrainingProposalOut),
    summary="Usulkan pelatihan untuk gap kompetensi seorang pegawai unit kepada BKPSDM (V-62)",
)
def training_proposal_create(request: HttpRequest, payload: TrainingProposalIn) -> Status[Any]:
    viewer = viewer_of(request)
    employee_id = commands.one_id(viewer, payload.nip, field="nip")
    proposal = training.training_propose_as(
        viewer,
        training.ProposalInput(
            unit_id=payload.unit_id,
            employee_id=employee_id or 0,
            competencies=payload.competencies,
            reason=payload.reason,
        ),
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return Status(201, proposal)


@router.post(
    "/training-proposals/{proposal_id}/decide",
    response=write_answers(200, TrainingProposalOut),
    summary="Jadwalkan atau tolak usulan kebutuhan pelatihan (BKPSDM; satu keputusan menang)",
)
def training_proposal_decide(
    request: HttpRequest, proposal_id: int, payload: TrainingDecisionIn
) -> TrainingNeedProposal:
    return training.training_decide_as(
        viewer_of(request),
        proposal_id=proposal_id,
        decision=training.Decision(
            schedule=payload.decision == "schedule",
            scheduled_on=payload.scheduled_on,
            programme=payload.programme,
            reason=payload.reason,
        ),
        at=timezone.now(),
        on=timezone.localdate(),
    )
