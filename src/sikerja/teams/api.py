"""API v1 of teams: propose a team, list and read teams, decide a step of a team's formation.

Each operation parses its input, makes one call (`commands` for writes, `selectors` for reads)
and renders the answer; the time is taken here, at the edge. People are named by NIP.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from sikerja.core.schemas import read_answers, write_answers
from sikerja.organization.http import viewer_of
from sikerja.organization.rules import Viewer
from sikerja.teams import commands, selectors
from sikerja.teams.inputs import SubActivity, TeamInput
from sikerja.teams.report_api import router as report_router
from sikerja.teams.schemas import (
    DissolveIn,
    FillLeadIn,
    ReplaceMemberIn,
    TeamDecisionIn,
    TeamIn,
    TeamOut,
    TeamRowOut,
    VacateLeadIn,
)
from sikerja.teams.training_api import router as training_router
from sikerja.teams.work_api import router as work_router
from sikerja.teams.workload_api import router as workload_router

router = Router(tags=["tim kerja"])
router.add_router("", work_router)
router.add_router("", report_router)
router.add_router("", workload_router)
router.add_router("", training_router)


def _input(viewer: Viewer, payload: TeamIn) -> TeamInput:
    return TeamInput(
        name=payload.name,
        purpose=payload.purpose,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        lead_id=commands.one_id(viewer, payload.lead_nip, field="lead_nip"),
        candidate_ids=commands.ids_of(viewer, payload.candidate_nips, field="candidate_nips"),
        member_ids=commands.ids_of(viewer, payload.member_nips, field="member_nips"),
        activity_ref=payload.activity_ref,
        sub_activities=[
            SubActivity(
                name=item.name,
                holder_id=commands.one_id(viewer, item.holder_nip, field="sub_activities"),
            )
            for item in payload.sub_activities
        ],
        cascaded_from=payload.cascaded_from,
        composition_basis=payload.composition_basis,
        competencies=payload.competencies,
        expected_target=payload.expected_target,
        appraiser_consideration=payload.appraiser_consideration,
        lead_role_abk=payload.lead_role_abk,
        abk_reference=payload.abk_reference,
        pengendali_id=commands.one_id(viewer, payload.pengendali_nip, field="pengendali_nip"),
        pengendali_activity=payload.pengendali_activity,
        justification=payload.justification,
    )


@router.post(
    "/teams", response=write_answers(201, TeamOut), summary="Usulkan pembentukan tim kerja"
)
def team_create(request: HttpRequest, payload: TeamIn) -> Status[Any]:
    viewer = viewer_of(request)
    team = commands.team_propose(
        viewer,
        _input(viewer, payload),
        owner_unit_id=payload.owner_unit_id,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return Status(201, selectors.team_view(viewer=viewer, team_id=team.pk, on=timezone.localdate()))


@router.get(
    "/teams", response=read_answers(list[TeamRowOut]), summary="Tim kerja yang boleh saya lihat"
)
def team_list(request: HttpRequest) -> Any:
    return list(selectors.team_list_for(viewer=viewer_of(request))[:200])


@router.get(
    "/teams/{team_id}",
    response=read_answers(TeamOut),
    summary="Satu tim kerja dengan anggota dan langkah pembentukannya",
)
def team_get(request: HttpRequest, team_id: int) -> selectors.TeamView:
    return selectors.team_view(viewer=viewer_of(request), team_id=team_id, on=timezone.localdate())


@router.post(
    "/teams/{team_id}/steps/{step_id}/decide",
    response=write_answers(200, TeamOut),
    summary="Putuskan langkah pembentukan tim kerja yang menunggu saya",
)
def team_decide(
    request: HttpRequest, team_id: int, step_id: int, payload: TeamDecisionIn
) -> selectors.TeamView:
    viewer = viewer_of(request)
    commands.team_decide(
        viewer,
        team_id,
        step_id,
        at=timezone.now(),
        on=timezone.localdate(),
        **payload.model_dump(),
    )
    return selectors.team_view(viewer=viewer, team_id=team_id, on=timezone.localdate())


def _changed(request: HttpRequest, team_id: int, change: str, **values: Any) -> selectors.TeamView:
    viewer = viewer_of(request)
    commands.team_change(
        viewer, team_id, change, at=timezone.now(), on=timezone.localdate(), **values
    )
    return selectors.team_view(viewer=viewer, team_id=team_id, on=timezone.localdate())


@router.post(
    "/teams/{team_id}/members/replace",
    response=write_answers(200, TeamOut),
    summary="Ganti anggota tim kerja yang aktif (Pimpinan Unit Organisasi pemilik kinerja)",
)
def team_member_replace(
    request: HttpRequest, team_id: int, payload: ReplaceMemberIn
) -> selectors.TeamView:
    return _changed(request, team_id, "replace", **payload.model_dump())


@router.post(
    "/teams/{team_id}/lead/vacate",
    response=write_answers(200, TeamOut),
    summary="Catat kekosongan ketua tim; tim tetap aktif, dengan tenggat pengisian (V-13)",
)
def team_lead_vacate(
    request: HttpRequest, team_id: int, payload: VacateLeadIn
) -> selectors.TeamView:
    return _changed(request, team_id, "vacate", **payload.model_dump())


@router.post(
    "/teams/{team_id}/lead/fill",
    response=write_answers(200, TeamOut),
    summary="Tunjuk ketua tim pengganti (pejabat yang menunjuk ketua tim menurut peraturan)",
)
def team_lead_fill(request: HttpRequest, team_id: int, payload: FillLeadIn) -> selectors.TeamView:
    return _changed(request, team_id, "fill", **payload.model_dump())


@router.post(
    "/teams/{team_id}/dissolve",
    response=write_answers(200, TeamOut),
    summary="Bubarkan tim kerja yang aktif sebelum jangka waktunya berakhir",
)
def team_dissolve(request: HttpRequest, team_id: int, payload: DissolveIn) -> selectors.TeamView:
    return _changed(request, team_id, "dissolve", **payload.model_dump())
