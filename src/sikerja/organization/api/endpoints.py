"""API v1 reads of the organisation: agencies, the unit tree, kedudukan, units, employees, roles.

The delegation list sits with the delegation writes in `staffing` (one router per path).

Each endpoint parses its input, makes one selector call and returns a schema. Reads are dated:
`on` (ISO date) defaults to today in the server's zone, computed here at the edge.
"""

import datetime as dt
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router
from ninja.pagination import paginate

from sikerja.core.schemas import (
    MAX_OFFSET,
    MAX_PAGE_SIZE,
    PAGE_SIZE,
    IsoDate,
    Pagination,
    read_answers,
)
from sikerja.organization import selectors
from sikerja.organization.api import reads
from sikerja.organization.http import viewer_of
from sikerja.organization.listing import EmployeeRows
from sikerja.organization.models import Agency, Employee
from sikerja.organization.schemas import (
    AgencyOut,
    AgencyTreeOut,
    EmployeeListItemOut,
    EmployeeOut,
    EmployeeRolesOut,
    KedudukanOut,
    PlacementOut,
    UnitOut,
)

router = Router(tags=["organisasi"])

ON_HELP = "Tanggal acuan (YYYY-MM-DD); bawaan: hari ini."
OnDate = Annotated[IsoDate | None, Query(description=ON_HELP)]


def _on(on: dt.date | None) -> dt.date:
    return on if on is not None else timezone.localdate()


@router.get(
    "/agencies", response=read_answers(list[AgencyOut]), summary="Perangkat Daerah yang terlihat"
)
def agency_list(request: HttpRequest) -> QuerySet[Agency]:
    return selectors.agency_list(viewer_of(request)).order_by("code", "pk")


@router.get(
    "/agencies/{agency_id}", response=read_answers(AgencyOut), summary="Satu Perangkat Daerah"
)
def agency_get(request: HttpRequest, agency_id: int) -> Agency:
    return selectors.agency_get(viewer_of(request), agency_id)


@router.get(
    "/agencies/{agency_id}/tree",
    response=read_answers(AgencyTreeOut),
    summary="Pohon unit organisasi dengan pimpinan tiap unit (termasuk Plt./Plh.)",
)
def agency_tree(request: HttpRequest, agency_id: int, on: OnDate = None) -> reads.AgencyTree:
    return reads.agency_tree(viewer_of(request), agency_id, _on(on))


@router.get(
    "/agencies/{agency_id}/kedudukan",
    response=read_answers(KedudukanOut),
    summary="Setiap JF dan Pelaksana dengan Pejabat Penilai Kinerjanya, aturan dan dasar hukumnya",
)
def agency_kedudukan(
    request: HttpRequest,
    agency_id: int,
    on: OnDate = None,
    unit: Annotated[int | None, Query(description="hanya unit ini dan unit di bawahnya")] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=reads.KEDUDUKAN_MAX_LIMIT)] = reads.KEDUDUKAN_LIMIT,
) -> reads.Kedudukan:
    return reads.agency_kedudukan(
        viewer_of(request), agency_id, _on(on), unit_id=unit, offset=offset, limit=limit
    )


@router.get(
    "/units/{unit_id}",
    response=read_answers(UnitOut),
    summary="Satu unit organisasi dengan pimpinannya dan pimpinan di atasnya",
)
def unit_get(request: HttpRequest, unit_id: int, on: OnDate = None) -> reads.UnitDetail:
    return reads.unit_detail(viewer_of(request), unit_id, _on(on))


@router.get(
    "/employees",
    response=read_answers(list[EmployeeListItemOut]),
    summary="Pegawai yang terlihat (NIP disamarkan kecuali untuk operator dan diri sendiri)",
)
@paginate(Pagination, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def employee_list(
    request: HttpRequest,
    on: OnDate = None,
    agency: Annotated[int | None, Query(description="Hanya pegawai di PD ini.")] = None,
    q: Annotated[str, Query(max_length=100, description="Cari berdasarkan nama.")] = "",
) -> EmployeeRows:
    return reads.employee_page(viewer_of(request), _on(on), agency, q)


@router.get("/employees/{nip}", response=read_answers(EmployeeOut), summary="Satu pegawai")
def employee_get(request: HttpRequest, nip: str, on: OnDate = None) -> Employee:
    return reads.employee_detail(viewer_of(request), nip, _on(on))


@router.get(
    "/employees/{nip}/placements",
    response=read_answers(list[PlacementOut]),
    summary="Riwayat kedudukan pegawai, terbaru dahulu",
)
def employee_placements(request: HttpRequest, nip: str, on: OnDate = None) -> list[Any]:
    return reads.employee_placements(viewer_of(request), nip, _on(on))


@router.get(
    "/employees/{nip}/roles",
    response=read_answers(EmployeeRolesOut),
    summary="Pejabat penilai, pimpinan unit, pemilik kinerja, PyB dan Sekda pada tanggal acuan",
)
def employee_roles(request: HttpRequest, nip: str, on: OnDate = None) -> reads.EmployeeRoles:
    return reads.employee_roles(viewer_of(request), nip, _on(on))
