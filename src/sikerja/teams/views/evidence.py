"""The download of an evidence file: only for those who may see its team (404 for the rest),
served as kept after its SHA-256 is checked, always as an attachment."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from sikerja.core.errors import DomainError
from sikerja.organization.http import today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.teams.work_commands import evidence_response
from sikerja.teams.work_selectors import evidence_get_for_download


@require_GET
@viewer_required
def evidence_download(
    request: HttpRequest, viewer: Viewer, pk: int, evidence_id: int
) -> HttpResponse:
    """One evidence file of a team I may see."""
    evidence = evidence_get_for_download(
        viewer=viewer, team_id=pk, evidence_id=evidence_id, on=today()
    )
    try:
        return evidence_response(evidence)
    except DomainError as exc:
        return HttpResponse(str(exc.message), status=exc.status, content_type="text/plain")
