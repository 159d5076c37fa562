"""API v1 of performance management: PK, SKP (RHK, expectations, submission, the appraiser's
decision), ratings and their sign-off, and the unit's organisational level.

Each operation parses its input, makes one call (a service or a selector) and renders the
answer; the time is taken here, at the edge. Writes take an `Idempotency-Key` (the assembly's).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from sikerja.core.schemas import read_answers, write_answers
from sikerja.organization.http import viewer_of
from sikerja.performance import selectors, services
from sikerja.performance.api_objection import router as objection_router
from sikerja.performance.commands import employee_of, visible_rating_id, visible_skp_id
from sikerja.performance.schemas import (
    AgreementIn,
    AgreementOut,
    DialogueIn,
    ExpectationIn,
    RatingIn,
    RatingOut,
    RhkIn,
    SignIn,
    SkpCreateIn,
    SkpDecisionIn,
    SkpOut,
    SkpRowOut,
    UnitLevelIn,
    UnitLevelOut,
)
from sikerja.performance.services import agreements, dialogues, ratings, skp

router = Router(tags=["pengelolaan kinerja"])
# The objection to a rating and the printed documents: their own module.
router.add_router("", objection_router)


def _skp(request: HttpRequest, skp_id: int) -> Any:
    return selectors.skp_view(viewer=viewer_of(request), skp_id=skp_id, on=timezone.localdate())


@router.post(
    "/performance/agreements",
    response=write_answers(201, AgreementOut),
    summary="Tetapkan (atau ubah) Perjanjian Kinerja unit sebagai pimpinannya",
)
def agreement_set(request: HttpRequest, payload: AgreementIn) -> Status[Any]:
    data = agreements.AgreementInput(
        unit_id=payload.unit_id,
        kind=payload.kind,
        year=payload.year,
        indicators=tuple(agreements.IndicatorInput(**i.dict()) for i in payload.indicators),
        activities=tuple(
            agreements.ActivityInput(a.name, a.assignment_type, tuple(a.basis_refs))
            for a in payload.activities
        ),
    )
    agreement = services.pk_set(
        actor=employee_of(viewer_of(request)),
        data=data,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return Status(201, selectors.agreement_view(agreement_id=agreement.pk))


@router.get(
    "/performance/skps", response=read_answers(list[SkpRowOut]), summary="SKP yang boleh saya lihat"
)
def skp_list(request: HttpRequest, year: int | None = None) -> Any:
    viewer = viewer_of(request)
    return list(selectors.skp_list_for(viewer=viewer, on=timezone.localdate(), year=year)[:200])


@router.post(
    "/performance/skps",
    response=write_answers(201, SkpOut),
    summary="Susun SKP saya untuk satu tahun",
)
def skp_create(request: HttpRequest, payload: SkpCreateIn) -> Status[Any]:
    created = services.skp_create(
        actor=employee_of(viewer_of(request)),
        year=payload.year,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return Status(201, _skp(request, created.pk))


@router.get("/performance/skps/{skp_id}", response=read_answers(SkpOut), summary="Satu SKP")
def skp_get(request: HttpRequest, skp_id: int) -> Any:
    return _skp(request, skp_id)


@router.post(
    "/performance/skps/{skp_id}/rhks",
    response=write_answers(201, SkpOut),
    summary="Tambahkan RHK (dengan indikator dan target) ke SKP saya",
)
def skp_rhk_add(request: HttpRequest, skp_id: int, payload: RhkIn) -> Status[Any]:
    data = skp.RhkInput(
        kind=payload.kind,
        text=payload.text,
        indicators=tuple(skp.IndicatorInput(**i.dict()) for i in payload.indicators),
        parent_id=payload.parent_id,
        cascade=payload.cascade,
        pk_indicator_id=payload.pk_indicator_id,
    )
    services.skp_rhk_add(
        actor=employee_of(viewer_of(request)), skp_id=skp_id, data=data, at=timezone.now()
    )
    return Status(201, _skp(request, skp_id))


@router.post(
    "/performance/skps/{skp_id}/expectations",
    response=write_answers(200, SkpOut),
    summary="Catat ekspektasi pimpinan atas satu nilai BerAKHLAK",
)
def skp_expectation_set(request: HttpRequest, skp_id: int, payload: ExpectationIn) -> Any:
    services.skp_expectation_set(
        actor=employee_of(viewer_of(request)),
        skp_id=skp_id,
        data=skp.ExpectationInput(**payload.dict()),
        at=timezone.now(),
    )
    return _skp(request, skp_id)


@router.post(
    "/performance/skps/{skp_id}/dialogues",
    response=write_answers(201, SkpOut),
    summary="Catat dialog kinerja antara pegawai dan Pejabat Penilai Kinerja",
)
def skp_dialogue_record(request: HttpRequest, skp_id: int, payload: DialogueIn) -> Status[Any]:
    viewer = viewer_of(request)
    services.skp_dialogue_record(
        actor=employee_of(viewer),
        skp_id=visible_skp_id(viewer, skp_id, timezone.localdate()),
        data=dialogues.DialogueInput(payload.held_on, payload.topic, payload.outcome),
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return Status(201, _skp(request, skp_id))


@router.post(
    "/performance/skps/{skp_id}/submit",
    response=write_answers(200, SkpOut),
    summary="Ajukan SKP saya kepada Pejabat Penilai Kinerja",
)
def skp_submit(request: HttpRequest, skp_id: int) -> Any:
    services.skp_submit(
        actor=employee_of(viewer_of(request)),
        skp_id=skp_id,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return _skp(request, skp_id)


@router.post(
    "/performance/skps/{skp_id}/decide",
    response=write_answers(200, SkpOut),
    summary="Setujui SKP atau kembalikan dengan alasan (Pejabat Penilai Kinerja)",
)
def skp_decide(request: HttpRequest, skp_id: int, payload: SkpDecisionIn) -> Any:
    viewer = viewer_of(request)
    services.skp_decide(
        actor=employee_of(viewer),
        skp_id=visible_skp_id(viewer, skp_id, timezone.localdate()),
        decision=payload.decision,
        reason=payload.reason,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return _skp(request, skp_id)


@router.post(
    "/performance/skps/{skp_id}/ratings",
    response=write_answers(200, RatingOut),
    summary="Susun draf penilaian satu periode (kurva unit sebagai peringatan)",
)
def rating_draft(request: HttpRequest, skp_id: int, payload: RatingIn) -> Any:
    viewer = viewer_of(request)
    visible = visible_skp_id(viewer, skp_id, timezone.localdate())
    drafted = services.rating_draft(
        actor=employee_of(viewer),
        data=ratings.RatingInput(skp_id=visible, **payload.dict()),
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return selectors.rating_view(rating=drafted.rating, curves=drafted.curves)


@router.post(
    "/performance/ratings/{rating_id}/sign",
    response=write_answers(200, RatingOut),
    summary="Tetapkan penilaian (final; kurva unit diperiksa)",
)
def rating_sign(request: HttpRequest, rating_id: int, payload: SignIn) -> Any:
    viewer = viewer_of(request)
    signed = services.rating_sign(
        actor=employee_of(viewer),
        rating_id=visible_rating_id(viewer, rating_id, timezone.localdate()),
        justification=payload.justification,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return selectors.rating_view(rating=signed, curves=[])


@router.post(
    "/performance/unit-levels",
    response=write_answers(200, UnitLevelOut),
    summary="Tetapkan capaian kinerja organisasi satu unit (pimpinan satu tingkat di atas)",
)
def unit_level_set(request: HttpRequest, payload: UnitLevelIn) -> Any:
    return services.unit_level_set(
        actor=employee_of(viewer_of(request)),
        at=timezone.now(),
        on=timezone.localdate(),
        **payload.dict(),
    )
