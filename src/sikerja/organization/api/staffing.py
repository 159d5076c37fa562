"""API v1 placements and delegations: the writes (BKPSDM operators only) and the delegation list.

Each write parses its body, makes one call (through `organization.commands`, which resolves the
NIPs and ids in the caller's government) and returns the written object. The time of the write is taken here,
at the edge.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.pagination import paginate

from sikerja.core.schemas import MAX_PAGE_SIZE, PAGE_SIZE, Pagination, write_answers
from sikerja.organization import commands
from sikerja.organization.api import reads
from sikerja.organization.api.endpoints import OnDate
from sikerja.organization.http import viewer_of
from sikerja.organization.models import Delegation, Placement
from sikerja.organization.schemas import (
    DelegationIn,
    DelegationOut,
    PlacementEndIn,
    PlacementIn,
    PlacementOut,
)

router = Router(tags=["kepegawaian"])


@router.post(
    "/placements",
    response=write_answers(201, PlacementOut),
    summary="Tetapkan kedudukan (definitif, Plt. atau Plh.) berdasarkan keputusan",
)
def placement_create(request: HttpRequest, payload: PlacementIn) -> Status[Placement]:
    viewer = viewer_of(request)
    placement = commands.placement_create(viewer=viewer, at=timezone.now(), **payload.dict())
    return Status(201, placement)


@router.post(
    "/placements/{placement_id}/end",
    response=write_answers(200, PlacementOut),
    summary="Akhiri kedudukan pada suatu tanggal",
)
def placement_end(request: HttpRequest, placement_id: int, payload: PlacementEndIn) -> Placement:
    return commands.placement_end(
        viewer=viewer_of(request),
        placement_id=placement_id,
        valid_to=payload.valid_to,
        at=timezone.now(),
    )


@router.get(
    "/delegations",
    response=write_answers(200, list[DelegationOut]),
    summary="Pendelegasian yang berlaku pada tanggal acuan",
)
@paginate(Pagination, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def delegation_list(request: HttpRequest, on: OnDate = None) -> QuerySet[Delegation]:
    return reads.delegation_page(viewer_of(request), on or timezone.localdate())


@router.post(
    "/delegations",
    response=write_answers(201, DelegationOut),
    summary="Catat pendelegasian kewenangan (misalnya penilaian kinerja)",
)
def delegation_create(request: HttpRequest, payload: DelegationIn) -> Status[Delegation]:
    viewer = viewer_of(request)
    delegation = commands.delegation_create(viewer=viewer, at=timezone.now(), **payload.dict())
    return Status(201, delegation)
