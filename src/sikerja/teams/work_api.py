"""API v1 of a team's work (planning and execution), mounted in the teams router: evidence
files, the lead's plan, members' roles and work plans, progress, feedback, monitoring and
obstacles. Each operation parses its input, makes one call and renders the answer; the time
is taken here. Writes honour `Idempotency-Key` (the assembly's), refusals have the shared
error shape with rule and citation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import File, Router, Status
from ninja.files import UploadedFile

from sikerja.core.schemas import READ_ERRORS, write_answers
from sikerja.organization.http import viewer_of
from sikerja.teams import work_commands
from sikerja.teams.work_schemas import EvidenceOut
from sikerja.teams.work_selectors import evidence_get_for_download

router = Router(tags=["tim kerja: pelaksanaan"])


@router.post(
    "/teams/{team_id}/evidence",
    response=write_answers(201, EvidenceOut),
    summary="Unggah berkas bukti (data dukung) pekerjaan tim",
    description=(
        "PDF, PNG, JPEG, XLSX, DOCX atau ODT, dikenali dari isinya; paling besar "
        "`SIKERJA_EVIDENCE_MAX_BYTES`. Ditolak: `evidence_type_refused`, `evidence_too_large`, "
        "`evidence_empty`; tidak ada yang disimpan."
    ),
)
def evidence_create(request: HttpRequest, team_id: int, file: File[UploadedFile]) -> Status[Any]:
    evidence = work_commands.evidence_upload(
        viewer_of(request), team_id, file, at=timezone.now(), on=timezone.localdate()
    )
    return Status(201, evidence)


@router.get(
    "/teams/{team_id}/evidence/{evidence_id}",
    response={200: None, **READ_ERRORS},
    summary="Unduh berkas bukti tim (hanya bagi yang boleh melihat timnya)",
)
def evidence_get(request: HttpRequest, team_id: int, evidence_id: int) -> HttpResponse:
    evidence = evidence_get_for_download(
        viewer=viewer_of(request), team_id=team_id, evidence_id=evidence_id
    )
    return work_commands.evidence_response(evidence)
