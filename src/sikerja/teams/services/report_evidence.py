"""Evidence (data dukung) of a report or of the results submitted for evaluation (V-29):
files already uploaded for the team and not yet attached elsewhere, plus new uploads kept in
the caller's transaction through the evidence module."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from sikerja.core.errors import ValidationFailed
from sikerja.organization.models import Employee
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import EvidenceFile, Team
from sikerja.teams.services.evidence import Upload, evidence_save

OWNER_REPORT = "team_report"
OWNER_EVALUATION = "team_evaluation"


def evidence_attach(
    *,
    team: Team,
    by: Employee,
    owner_kind: str,
    owner_id: int,
    evidence_ids: list[int],
    uploads: list[Upload],
    at: dt.datetime,
    written: list[str],
) -> list[int]:
    """Attach the named files of the team (free, or already this owner's) and keep the new
    uploads for the owner; the ids of all of them, in order. Raises ValidationFailed."""
    ids = list(dict.fromkeys(int(pk) for pk in evidence_ids))
    files = EvidenceFile.objects.filter(pk__in=ids, team=team).filter(
        Q(owner_kind="") | Q(owner_kind=owner_kind, owner_id=owner_id)
    )
    if files.count() != len(ids):
        raise ValidationFailed(
            code=TeamErrorCode.UNKNOWN_VALUE,
            message=_("Berkas data dukung tidak ditemukan pada tim ini atau sudah dipakai."),
            fields={"evidence_ids": _("Pilih berkas yang diunggah untuk tim ini.")},
        )
    files.update(owner_kind=owner_kind, owner_id=owner_id)
    for upload in uploads:
        saved = evidence_save(
            team=team,
            by=by,
            upload=upload,
            owner_kind=owner_kind,
            owner_id=owner_id,
            at=at,
            written=written,
        )
        ids.append(saved.pk)
    return ids


def evidence_of(owner_kind: str, owner_id: int) -> list[EvidenceFile]:
    """The evidence files attached to a report or an evaluation, oldest first (1 query)."""
    return list(
        EvidenceFile.objects.filter(owner_kind=owner_kind, owner_id=owner_id).order_by("pk")
    )
