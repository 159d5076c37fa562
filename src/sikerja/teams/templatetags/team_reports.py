"""The reports section of a team's page, as its own include (`{% team_reports_section %}`),
so the page's other parts and this one change independently."""

from __future__ import annotations

from typing import Any

from django import template

from sikerja.organization.http import today
from sikerja.organization.rules import Viewer
from sikerja.teams.models import Team
from sikerja.teams.views.report_pages import team_reports_section as section_read

register = template.Library()


@register.inclusion_tag("teams/includes/reports_section.html", takes_context=True)
def team_reports_section(context: dict[str, Any], team: Team) -> dict[str, Any]:
    """The team's reports, its evaluation, and the results form for its lead."""
    viewer: Viewer = context["viewer"]
    return {"section": section_read(viewer, team, today()), "csrf_token": context.get("csrf_token")}
