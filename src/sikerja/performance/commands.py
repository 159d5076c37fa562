"""What both edges (pages and API v1) resolve before one service call: the acting employee,
and the SKP or rating the viewer may see (hidden and missing answer alike)."""

from __future__ import annotations

import datetime as dt

from sikerja.core.errors import NotFound
from sikerja.organization.models import Employee
from sikerja.organization.rules import Viewer
from sikerja.performance import rules
from sikerja.performance.models import Rating
from sikerja.teams.work_commands import evidence_response, upload_of

__all__ = [
    "employee_of",
    "evidence_response",
    "upload_of",
    "visible_rating_id",
    "visible_skp_id",
]


def employee_of(viewer: Viewer) -> Employee:
    """The viewer as the acting employee. Raises NotFound for an account with no employee
    (an operator's or auditor's login acts on no one's SKP)."""
    if viewer.employee_id is None:
        raise NotFound()
    return Employee.objects.select_related("government").get(pk=viewer.employee_id)


def visible_skp_id(viewer: Viewer, skp_id: int, on: dt.date) -> int:
    """The SKP's id once the viewer may see it: a decision on someone's SKP by a person who may
    not even see it is answered as if it did not exist (NotFound), never with who may."""
    if not rules.skps_visible_to(viewer, on).filter(pk=skp_id).exists():
        raise NotFound()
    return skp_id


def visible_rating_id(viewer: Viewer, rating_id: int, on: dt.date) -> int:
    """The rating's id once the viewer may see its SKP (NotFound otherwise)."""
    visible = rules.skps_visible_to(viewer, on).values("pk")
    if not Rating.objects.filter(pk=rating_id, skp_id__in=visible).exists():
        raise NotFound()
    return rating_id
