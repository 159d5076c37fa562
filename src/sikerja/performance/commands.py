"""What both edges (pages and API v1) resolve before one service call: the acting employee."""

from __future__ import annotations

from sikerja.core.errors import NotFound
from sikerja.organization.models import Employee
from sikerja.organization.rules import Viewer


def employee_of(viewer: Viewer) -> Employee:
    """The viewer as the acting employee. Raises NotFound for an account with no employee
    (an operator's or auditor's login acts on no one's SKP)."""
    if viewer.employee_id is None:
        raise NotFound()
    return Employee.objects.select_related("government").get(pk=viewer.employee_id)
