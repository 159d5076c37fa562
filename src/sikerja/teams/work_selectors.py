"""Reads of a team's work (evidence, plans, progress, obstacles), scoped to the viewer by the
team's visibility (`rules.teams_visible_to`): hidden and missing answer alike (NotFound)."""

from __future__ import annotations

from sikerja.core.errors import NotFound
from sikerja.organization.rules import Viewer
from sikerja.teams import rules
from sikerja.teams.models import EvidenceFile


def evidence_get_for_download(*, viewer: Viewer, team_id: int, evidence_id: int) -> EvidenceFile:
    """One evidence file of a team the viewer may see. Raises NotFound (hidden or missing)."""
    evidence = EvidenceFile.objects.filter(
        pk=evidence_id,
        team_id=team_id,
        government_id=viewer.government.pk,
        team__in=rules.teams_visible_to(viewer),
    ).first()
    if evidence is None:
        raise NotFound()
    return evidence
