"""API v1 placements and delegations: the writes (BKPSDM operators only) and the delegation list.

Each write parses its body, makes one call (through `writes`, which resolves the NIPs and ids in
the caller's government) and returns the written object. The time of the write is taken here,
at the edge. Every write honours `Idempotency-Key`.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.pagination import PageNumberPagination, paginate

from sikerja.api import reads, writes
from sikerja.api.auth import viewer_of
from sikerja.api.idempotency import OPENAPI_PARAMETER, idempotent
from sikerja.api.organization import MAX_PAGE_SIZE, PAGE_SIZE, OnDate
from sikerja.api.schemas import (
    DelegationIn,
    DelegationOut,
    ErrorOut,
    PlacementEndIn,
    PlacementIn,
    PlacementOut,
)
from sikerja.organization.models import Delegation, Placement

router = Router(tags=["kepegawaian"])

WRITE_ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 409, 422), ErrorOut)
IDEMPOTENT = {"parameters": [OPENAPI_PARAMETER]}


def answers(status: int, schema: Any) -> dict[int, Any]:
    """The documented answers of a write: the written object, or the shared error shape."""
    return {status: schema, **WRITE_ERRORS}


@router.post(
    "/placements",
    response=answers(201, PlacementOut),
    openapi_extra=IDEMPOTENT,
    summary="Tetapkan kedudukan (definitif, Plt. atau Plh.) berdasarkan keputusan",
)
@idempotent
def placement_create(request: HttpRequest, payload: PlacementIn) -> Status[Placement]:
    viewer = viewer_of(request)
    placement = writes.placement_create(viewer=viewer, at=timezone.now(), **payload.dict())
    return Status(201, placement)


@router.post(
    "/placements/{placement_id}/end",
    response=answers(200, PlacementOut),
    openapi_extra=IDEMPOTENT,
    summary="Akhiri kedudukan pada suatu tanggal",
)
@idempotent
def placement_end(request: HttpRequest, placement_id: int, payload: PlacementEndIn) -> Placement:
    return writes.placement_end(
        viewer=viewer_of(request),
        placement_id=placement_id,
        valid_to=payload.valid_to,
        at=timezone.now(),
    )


@router.get(
    "/delegations",
    response=answers(200, list[DelegationOut]),
    summary="Pendelegasian yang berlaku pada tanggal acuan",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def delegation_list(request: HttpRequest, on: OnDate = None) -> QuerySet[Delegation]:
    return reads.delegation_page(viewer_of(request), on or timezone.localdate())


@router.post(
    "/delegations",
    response=answers(201, DelegationOut),
    openapi_extra=IDEMPOTENT,
    summary="Catat pendelegasian kewenangan (misalnya penilaian kinerja)",
)
@idempotent
def delegation_create(request: HttpRequest, payload: DelegationIn) -> Status[Delegation]:
    viewer = viewer_of(request)
    delegation = writes.delegation_create(viewer=viewer, at=timezone.now(), **payload.dict())
    return Status(201, delegation)
