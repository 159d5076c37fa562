"""Thin HTML views of a unit's ratings board: the unit's curve as a chart against its allowed
bands, and the curve simulator (htmx: each change answers the curve; nothing is saved until the
head applies it, which redrafts the moved ratings in one transaction). Rows of a thousand are
written with format_html, not template loops. (The agency dashboard is `dashboard_views`.)
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sikerja.core.errors import DomainError, NotFound
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.performance import services
from sikerja.performance.board import (
    BoardRating,
    Period,
    Simulation,
    board_simulate,
    unit_board_for,
)
from sikerja.performance.commands import employee_of
from sikerja.performance.forms import PERIOD_CHOICES
from sikerja.performance.models import Rating
from sikerja.performance.periods import MONTHS
from sikerja.performance.simulator import Move, predikat_choices

NAV = "performance"
PREFIX = "r-"
PANEL = "performance/includes/curve_panel.html"


def period_of(data: QueryDict) -> Period:
    """The period asked for (year, kind, index); by default today's quarter."""
    kinds = {kind for kind, _label in PERIOD_CHOICES}
    kind = str(data.get("period_kind") or "QUARTERLY")
    day = today()
    try:
        year = int(data.get("year") or day.year)
        index = int(data.get("period_index") or (day.month - 1) // MONTHS.get(kind, 3) + 1)
    except ValueError:
        raise NotFound() from None
    if kind not in kinds or not 2000 <= year <= 2100 or not 1 <= index <= 12:
        raise NotFound()
    return Period(year, kind, index)


def asked_values(data: QueryDict) -> dict[int, str]:
    """The simulator's rows: `r-<rating id>` → a predikat (or a pair "RESULT|BEHAVIOUR")."""
    return {
        int(key[len(PREFIX) :]): str(value)
        for key, value in data.items()
        if key.startswith(PREFIX) and key[len(PREFIX) :].isdigit() and value
    }


def board_url(unit_id: int, period: Period) -> str:
    query = urlencode(
        {"year": str(period.year), "period_kind": period.kind, "period_index": str(period.index)}
    )
    return f"{reverse('web:unit-board', args=[unit_id])}?{query}"


def _options() -> dict[str, str]:
    """The simulator's <option>s rendered once per selected predikat (five), so a board of a
    thousand rows does not render five thousand options through the template engine."""
    choices = predikat_choices()

    def render(selected: str) -> str:
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((v, mark_safe(" selected") if v == selected else "", t) for v, t in choices),
        )

    return {value: render(value) for value, _label in choices}


def _lines(ratings: list[BoardRating], moved: dict[int, Move], period: Period) -> list[str]:
    """The board's rows, each written once with format_html (escaped): a thousand rows drawn
    through the template engine cost several times the rest of the page."""
    options, labels = _options(), dict(predikat_choices())
    statuses = {value: str(label) for value, label in Rating.Status.choices}
    prefix, suffix = reverse("web:rating-form", args=[0]).split("/0/", 1)
    query = f"?period_kind={period.kind}&period_index={period.index}"
    return [
        _line(r, moved.get(r.pk), options, labels, statuses, f"{prefix}/{r.skp_id}/{suffix}{query}")
        for r in ratings
    ]


def _line(
    rating: BoardRating,
    move: Move | None,
    options: dict[str, str],
    labels: dict[str, str],
    statuses: dict[str, str],
    url: str,
) -> str:
    status = statuses[rating.status]
    moved = format_html(' → <strong data-testid="moved">{}</strong>', move.label) if move else ""
    choice = (
        format_html(
            '<select id="r-{}" name="r-{}" aria-labelledby="e-{}" data-testid="board-select">{}</select>',
            rating.pk,
            rating.pk,
            rating.pk,
            options[move.predikat.value if move else rating.predikat],
        )
        if rating.status == Rating.Status.DRAFT
        else status
    )
    return format_html(
        '<tr data-testid="board-row"><th scope="row" id="e-{}"><a href="{}">{}</a><br>'
        '<span class="muted">{}</span></th><td>{}</td><td>{} ({}){}</td><td>{}</td></tr>',
        rating.pk,
        url,
        rating.full_name,
        rating.position,
        rating.unit_name,
        labels[rating.predikat],
        status,
        moved,
        choice,
    )


def _page(
    request: HttpRequest, viewer: Viewer, simulation: Simulation, status: int = 200, **extra: Any
) -> HttpResponse:
    board = simulation.board
    moved = {move.rating_id: move for move in simulation.moves}
    htmx = request.headers.get("HX-Request") == "true"
    context = {
        "board": board,
        "simulation": simulation,
        "curve": simulation.curve,
        "moved": moved,
        "rows": [] if htmx else _lines(board.ratings, moved, board.period),
        "period_choices": PERIOD_CHOICES,
        **extra,
    }
    if htmx:
        return render(request, PANEL, context, status=status)
    return render_page(request, viewer, "performance/board.html", status, nav=NAV, **context)


@require_GET
@viewer_required
def unit_board(request: HttpRequest, viewer: Viewer, unit_id: int) -> HttpResponse:
    """A unit's ratings of a period: its curve as a chart against its allowed bands, and the
    simulator that moves drafted predikat around."""
    board = unit_board_for(viewer=viewer, unit_id=unit_id, period=period_of(request.GET))
    return _page(request, viewer, Simulation(board, [], board.curve))


@require_POST
@viewer_required
def unit_board_simulate(request: HttpRequest, viewer: Viewer, unit_id: int) -> HttpResponse:
    """The curve if the moved ratings were drafted so (nothing saved); or, with
    `action=apply`, redraft them as their appraiser (all or nothing)."""
    period = period_of(request.POST)
    asked = asked_values(request.POST)
    if request.POST.get("action") != "apply":
        try:
            simulation = board_simulate(viewer=viewer, unit_id=unit_id, period=period, asked=asked)
        except NotFound:
            raise
        except DomainError as error:
            board = unit_board_for(viewer=viewer, unit_id=unit_id, period=period)
            return _page(
                request, viewer, Simulation(board, [], board.curve), error.status, error=error
            )
        return _page(request, viewer, simulation)
    try:
        redrafted = services.ratings_redraft(
            actor=employee_of(viewer),
            unit_id=unit_id,
            period=(period.year, period.kind, period.index),
            asked=asked,
            at=timezone.now(),
            on=today(),
        )
    except NotFound:
        raise
    except DomainError as error:
        simulation = board_simulate(viewer=viewer, unit_id=unit_id, period=period, asked=asked)
        return _page(request, viewer, simulation, error.status, error=error)
    messages.success(request, _("%(count)d penilaian disusun ulang.") % {"count": len(redrafted)})
    return redirect(board_url(unit_id, period))
