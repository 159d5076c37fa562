"""API v1 of the feed: the RHK assignments and teams propose for an SKP, the home appraiser's
decision on one, what fed my SKPs, an SKP's angka kredit, the considerations of a drafted rating
(V-46), the targets of JF activity items (V-60) and the PK of a team's lead or Pengendali
(V-27a). Mounted by the assembly beside
the performance router; writes take an `Idempotency-Key` (the assembly's)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from sikerja.core.schemas import read_answers, write_answers
from sikerja.organization.http import viewer_of
from sikerja.performance import feed_selectors, selectors
from sikerja.performance.commands import employee_of, visible_rating_id
from sikerja.performance.credit import credit_for_skp
from sikerja.performance.feed_schemas import (
    ActivityItemIn,
    ActivityItemOut,
    ConsiderationIn,
    ConsiderationOut,
    CreditOut,
    DeclaredResultOut,
    ProposalDecisionIn,
    ProposalOut,
    RoleAgreementIn,
    RoleAgreementOut,
)
from sikerja.performance.services import considerations, feed, role_agreements

router = Router(tags=["pengelolaan kinerja"])


@router.get(
    "/performance/skps/{skp_id}/proposals",
    response=read_answers(list[ProposalOut]),
    summary="RHK tambahan yang diusulkan penugasan dan tim kerja untuk SKP ini",
)
def proposal_list(request: HttpRequest, skp_id: int) -> Any:
    skp = selectors.skp_view(viewer=viewer_of(request), skp_id=skp_id, on=timezone.localdate())
    return list(feed_selectors.proposals_for_skp(skp))


@router.get(
    "/performance/my-feed",
    response=read_answers(list[ProposalOut]),
    summary="Penugasan dan tim kerja yang mengisi SKP saya",
)
def my_feed(request: HttpRequest) -> Any:
    viewer = viewer_of(request)
    return list(
        feed_selectors.proposals_fed_to(
            employee_id=viewer.employee_id or 0, government_id=viewer.government.pk
        )[:200]
    )


@router.post(
    "/performance/proposals/{proposal_id}/decide",
    response=write_answers(200, ProposalOut),
    summary="Terima RHK usulan ke SKP, atau tolak dengan alasan (Pejabat Penilai Kinerja)",
)
def proposal_decide(request: HttpRequest, proposal_id: int, payload: ProposalDecisionIn) -> Any:
    viewer = viewer_of(request)
    on = timezone.localdate()
    visible = feed_selectors.visible_proposal_id(viewer, proposal_id, on)
    if payload.decision == "accept":
        return feed.rhk_proposal_accept(
            actor=employee_of(viewer), proposal_id=visible, at=timezone.now(), on=on
        )
    return feed.rhk_proposal_decline(
        actor=employee_of(viewer),
        proposal_id=visible,
        reason=payload.reason,
        at=timezone.now(),
        on=on,
    )


@router.get(
    "/performance/skps/{skp_id}/angka-kredit",
    response=read_answers(CreditOut),
    summary="Angka kredit SKP ini dari penilaian yang ditetapkan (JF)",
)
def skp_credit(request: HttpRequest, skp_id: int) -> Any:
    skp = selectors.skp_view(viewer=viewer_of(request), skp_id=skp_id, on=timezone.localdate())
    return credit_for_skp(skp, list(skp.ratings.all()))


@router.post(
    "/performance/ratings/{rating_id}/considerations",
    response=write_answers(201, ConsiderationOut),
    summary="Catat pertimbangan Kepala Bagian (V-46) atau ketua tim atas draf penilaian",
)
def rating_consideration(
    request: HttpRequest, rating_id: int, payload: ConsiderationIn
) -> Status[Any]:
    viewer = viewer_of(request)
    on = timezone.localdate()
    recorded = considerations.rating_consideration_record(
        actor=employee_of(viewer),
        rating_id=visible_rating_id(viewer, rating_id, on),
        kind=payload.kind,
        given_by_id=payload.given_by_id,
        text=payload.text,
        at=timezone.now(),
        on=on,
    )
    return Status(201, recorded)


@router.post(
    "/performance/skps/{skp_id}/activity-items",
    response=write_answers(201, ActivityItemOut),
    summary="Tetapkan target butir kegiatan JF setelah dialog kinerja (V-60)",
)
def activity_item_set(request: HttpRequest, skp_id: int, payload: ActivityItemIn) -> Status[Any]:
    viewer = viewer_of(request)
    on = timezone.localdate()
    target = considerations.rhk_activity_item_target_set(
        actor=employee_of(viewer),
        rhk_id=feed_selectors.visible_rhk_id(viewer, skp_id, payload.rhk_id, on),
        item=payload.item,
        target=payload.target,
        at=timezone.now(),
        on=on,
    )
    return Status(201, target)


@router.post(
    "/performance/teams/{team_id}/role-agreements",
    response=write_answers(201, RoleAgreementOut),
    summary="Tetapkan Perjanjian Kinerja ketua tim atau Pengendali (V-27a)",
)
def role_agreement_set(request: HttpRequest, team_id: int, payload: RoleAgreementIn) -> Status[Any]:
    agreement = role_agreements.role_agreement_set(
        actor=employee_of(viewer_of(request)),
        team_id=team_id,
        role=payload.role,
        year=payload.year,
        indicators=tuple(
            role_agreements.RoleIndicatorInput(i.task, i.indicator, i.target)
            for i in payload.indicators
        ),
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return Status(201, feed_selectors.role_agreement_view(agreement_id=agreement.pk))


@router.get(
    "/performance/units/{unit_id}/declared-results",
    response=read_answers(list[DeclaredResultOut]),
    summary="Hasil unit yang dinyatakan selesai pada periode (bahan capaian kinerja organisasi)",
)
def unit_declared_results(
    request: HttpRequest, unit_id: int, year: int, period_kind: str, period_index: int
) -> Any:
    return list(
        feed_selectors.unit_results_for_level_setter(
            viewer=viewer_of(request),
            unit_id=unit_id,
            year=year,
            period_kind=period_kind,
            period_index=period_index,
            on=timezone.localdate(),
        )
    )
