"""Declared complete, a team's work is read-only (V-57; SPEC 4.14): every service that writes
to a team, its plans, progress, reports or evaluation asks `team_open_check` first."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation
from sikerja.organization.models import Government
from sikerja.regulations.loader import load_pack
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import Team


def team_open_check(team: Team) -> None:
    """Refuse any write to a team whose work was declared complete, citing the article.

    Raises RuleViolation (code `team_completed`, rule V-57).
    """
    if team.status != Team.Status.COMPLETED:
        return
    pack_id = Government.objects.values_list("pack_id", flat=True).get(pk=team.government_id)
    raise RuleViolation(
        code=TeamErrorCode.TEAM_COMPLETED,
        message=_(
            "Pekerjaan tim ini sudah dinyatakan selesai dan sesuai target pada %(day)s; "
            "datanya tidak dapat diubah lagi."
        )
        % {"day": team.completed_on.isoformat() if team.completed_on else ""},
        rule="V-57",
        citation=load_pack(pack_id).citation_of("V-57"),
    )
