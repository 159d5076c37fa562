"""Thin HTML views of an agency's performance dashboard and of a unit's ratings board: the unit's curve as a chart against its allowed
bands, and the curve simulator (htmx: each change answers the curve; nothing is saved until the
head applies it, which redrafts the moved ratings in one transaction).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sikerja.core.errors import DomainError, NotFound
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.performance import services
from sikerja.performance.board import Period, Simulation, board_simulate, unit_board_for
from sikerja.performance.commands import employee_of
from sikerja.performance.dashboard import agency_dashboard_for
from sikerja.performance.forms import PERIOD_CHOICES
from sikerja.performance.models import Rating
from sikerja.performance.simulator import SEPARATOR, Move, pair_choices, pair_of

NAV = "performance"
PREFIX = "r-"
PANEL = "performance/includes/curve_panel.html"


def period_of(data: QueryDict) -> Period:
    """The period asked for (year, kind, index), this year's first quarter by default."""
    kinds = {kind for kind, _label in PERIOD_CHOICES}
    kind = str(data.get("period_kind") or "QUARTERLY")
    try:
        year = int(data.get("year") or today().year)
        index = int(data.get("period_index") or 1)
    except ValueError:
        raise NotFound() from None
    if kind not in kinds or not 2000 <= year <= 2100 or not 1 <= index <= 12:
        raise NotFound()
    return Period(year, kind, index)


def asked_pairs(data: QueryDict) -> dict[int, tuple[str, str]]:
    """The simulator's rows: `r-<rating id>` → "RESULT|BEHAVIOUR"."""
    asked = {}
    for key, value in data.items():
        pair = pair_of(str(value))
        if key.startswith(PREFIX) and key[len(PREFIX) :].isdigit() and pair is not None:
            asked[int(key[len(PREFIX) :])] = pair
    return asked


def board_url(unit_id: int, period: Period) -> str:
    query = urlencode(
        {"year": str(period.year), "period_kind": period.kind, "period_index": str(period.index)}
    )
    return f"{reverse('web:unit-board', args=[unit_id])}?{query}"


def _options(board_choices: list[tuple[str, list[tuple[str, str]]]]) -> dict[str, str]:
    """The simulator's <option>s rendered once per selected pair (nine at most), so a board of
    a thousand rows does not render nine thousand options through the template engine."""

    def render(selected: str) -> str:
        return format_html_join(
            "",
            '<optgroup label="{}">{}</optgroup>',
            (
                (
                    group,
                    format_html_join(
                        "",
                        '<option value="{}"{}>{}: {}</option>',
                        (
                            (v, mark_safe(" selected") if v == selected else "", group, t)
                            for v, t in pairs
                        ),
                    ),
                )
                for group, pairs in board_choices
            ),
        )

    return {value: render(value) for _group, pairs in board_choices for value, _text in pairs}


def _row(
    rating: Rating, move: Move | None, options: dict[str, str]
) -> tuple[Rating, Move | None, str]:
    pair = (move.result_rating, move.behaviour_rating) if move else None
    result, behaviour = pair or (rating.result_rating, rating.behaviour_rating)
    return rating, move, options.get(f"{result}{SEPARATOR}{behaviour}", "")


def _page(
    request: HttpRequest, viewer: Viewer, simulation: Simulation, status: int = 200, **extra: Any
) -> HttpResponse:
    board = simulation.board
    moved = {move.rating_id: move for move in simulation.moves}
    htmx = request.headers.get("HX-Request") == "true"
    options = {} if htmx else _options(pair_choices(board.pack))
    context = {
        "board": board,
        "simulation": simulation,
        "curve": simulation.curve,
        "moved": moved,
        "rows": [] if htmx else [_row(r, moved.get(r.pk), options) for r in board.ratings],
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
    asked = asked_pairs(request.POST)
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


@require_GET
@viewer_required
def agency_performance(request: HttpRequest, viewer: Viewer, agency_id: int) -> HttpResponse:
    """An agency's predikat per unit for a period (chart and table): level, curve, progress."""
    dashboard = agency_dashboard_for(
        viewer=viewer, agency_id=agency_id, period=period_of(request.GET)
    )
    return render_page(
        request,
        viewer,
        "performance/dashboard.html",
        dashboard=dashboard,
        period_choices=PERIOD_CHOICES,
        nav=NAV,
    )
