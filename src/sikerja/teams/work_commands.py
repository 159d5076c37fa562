"""What both edges do before a team-work service call: find the caller's employee record,
read an upload within the size limit, turn NIPs into ids; then exactly one service call."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from sikerja.organization.rules import Viewer
from sikerja.teams.commands import employee_of
from sikerja.teams.models import EvidenceFile
from sikerja.teams.services import evidence as evidence_services
from sikerja.teams.services.evidence import Upload, evidence_read, max_bytes, too_large


def upload_of(file: UploadedFile[bytes]) -> Upload:
    """The upload's name and bytes; a file over the limit is refused before it is read."""
    if (file.size or 0) > max_bytes():
        raise too_large()
    return Upload(name=file.name or "", content=file.read())


def evidence_upload(
    viewer: Viewer, team_id: int, file: UploadedFile[bytes], *, at: dt.datetime, on: dt.date
) -> EvidenceFile:
    """Keep one evidence file for a team as the caller."""
    return evidence_services.evidence_upload(
        team_id=team_id, by=employee_of(viewer), upload=upload_of(file), at=at, on=on
    )


def evidence_response(evidence: EvidenceFile) -> HttpResponse:
    """The kept bytes as an attachment under the uploaded name (shared with the API)."""
    response = HttpResponse(evidence_read(evidence), content_type=evidence.content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=evidence.original_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
