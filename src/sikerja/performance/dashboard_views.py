"""Thin HTML view of an agency's performance dashboard: a unit (the agency's root unless
`unit` names one) counted over its subtree, and a page of its children. A child's own
children open in place (htmx asks the same page for the child, which answers only the rows:
the child's, then its first page of children); without script the same link opens the child
as its own page. Rows are written once each with format_html."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sikerja.core.errors import NotFound
from sikerja.organization.http import render_page, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.performance.board_views import period_of
from sikerja.performance.dashboard import PAGE, AgencyDashboard, UnitRow, agency_dashboard_for
from sikerja.performance.forms import PERIOD_CHOICES

NAV = "performance"
ROWS = "performance/includes/dashboard_rows.html"
MAX_DEPTH_CLASS = 6


def _int(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise NotFound()
    return int(value)


@require_GET
@viewer_required
def agency_performance(request: HttpRequest, viewer: Viewer, agency_id: int) -> HttpResponse:
    """An agency's predikat per unit for a period (chart and table): level, curve, progress;
    one level at a time (`unit`, `offset`)."""
    dashboard = agency_dashboard_for(
        viewer=viewer,
        agency_id=agency_id,
        period=period_of(request.GET),
        unit_id=_int(request.GET.get("unit")),
        offset=_int(request.GET.get("offset")) or 0,
    )
    links = Links(agency_id, dashboard)
    if request.headers.get("HX-Request") == "true":
        return render(request, ROWS, {"rows": links.rows(inline=True)})
    return render_page(
        request,
        viewer,
        "performance/dashboard.html",
        dashboard=dashboard,
        bars=[_bar(index, row) for index, row in enumerate(dashboard.all_rows)],
        rows=links.rows(inline=False),
        trail=[(links.unit(pk), name) for pk, name in dashboard.trail],
        previous=links.page(dashboard.offset - PAGE) if dashboard.offset else "",
        next=links.page(dashboard.offset + PAGE) if dashboard.more else "",
        period_choices=PERIOD_CHOICES,
        nav=NAV,
    )


def _bar(index: int, row: UnitRow) -> str:
    """One unit's stacked bar in the dashboard's SVG (numbers written unlocalised)."""
    segments = format_html_join(
        "",
        '<rect x="{}" y="10" width="{}" height="16" fill="{}"><title>{}</title></rect>',
        ((str(x), str(width), colour, label) for x, width, colour, label in row.segments),
    )
    return format_html(
        '<text x="0" y="{}0" dy="22" font-size="11" fill="#222">{}</text>'
        '<g transform="translate(250 {}0)"><rect x="0" y="10" width="300" height="16" '
        'fill="#eeeeee"></rect>{}</g>',
        index,
        Truncator(row.name).chars(36),
        index,
        segments,
    )


class Links:
    """The dashboard's rows and the addresses they link to (the period kept in each)."""

    def __init__(self, agency_id: int, dashboard: AgencyDashboard) -> None:
        period = dashboard.period
        self.dashboard = dashboard
        self.base = reverse("web:agency-performance", args=[agency_id])
        self.period = {
            "year": str(period.year),
            "period_kind": period.kind,
            "period_index": str(period.index),
        }
        self.board_prefix, self.board_suffix = reverse("web:unit-board", args=[0]).split("/0/", 1)

    def unit(self, unit_id: int) -> str:
        return f"{self.base}?{urlencode({**self.period, 'unit': str(unit_id)})}"

    def page(self, offset: int) -> str:
        query = {**self.period, "unit": str(self.dashboard.unit.unit_id), "offset": str(offset)}
        return f"{self.base}?{urlencode(query)}"

    def board(self, unit_id: int) -> str:
        return f"{self.board_prefix}/{unit_id}/{self.board_suffix}?{urlencode(self.period)}"

    def rows(self, *, inline: bool) -> list[SafeString]:
        """The unit's row, its children's, and (opened in place) a link to the rest."""
        dashboard = self.dashboard
        rows = [self._row(dashboard.unit, is_open=True)]
        rows.extend(self._row(row, is_open=False) for row in dashboard.rows)
        if inline and dashboard.more:
            rows.append(
                format_html(
                    '<tr class="{}"><td colspan="10"><a href="{}" data-testid="dashboard-all">{}'
                    "</a></td></tr>",
                    _depth_class(dashboard.unit.depth + 1),
                    self.unit(dashboard.unit.unit_id),
                    _("Lihat semua %(count)d sub-unit") % {"count": dashboard.unit.children},
                )
            )
        return rows

    def _name(self, row: UnitRow, *, is_open: bool) -> SafeString:
        name = (
            format_html('<a href="{}">{}</a>', self.board(row.unit_id), row.name)
            if row.level
            else format_html("{}", row.name)
        )
        if is_open or not row.children:
            return name
        return format_html(
            '{}<br><a href="{}" hx-get="{}" hx-target="closest tr" hx-swap="outerHTML" '
            'data-testid="dashboard-open">{}</a>',
            name,
            self.unit(row.unit_id),
            self.unit(row.unit_id),
            _("Tampilkan %(count)d sub-unit") % {"count": row.children},
        )

    def _row(self, row: UnitRow, *, is_open: bool) -> SafeString:
        curve = (
            "—"
            if row.holds is None
            else _("terpenuhi")
            if row.holds
            else format_html(
                "<strong>{}</strong><ul>{}</ul>",
                _("tidak terpenuhi"),
                format_html_join("", "<li>{}</li>", ((m,) for m in row.breaches)),
            )
        )
        shares = format_html_join(
            "", "<td>{} ({}%)</td>", ((n, pct) for _v, _l, n, _s, pct in row.shares)
        )
        return format_html(
            '<tr class="{}" data-testid="dashboard-row" data-unit="{}"><th scope="row">{}</th>'
            "<td>{}</td>{}<td>{}</td><td>{} / {}</td><td>{} / {}</td></tr>",
            _depth_class(row.depth),
            row.unit_id,
            self._name(row, is_open=is_open),
            row.level_label or "—",
            shares,
            curve,
            row.approved,
            row.skps,
            row.signed,
            row.total,
        )


def _depth_class(depth: int) -> str:
    return f"dash-depth-{min(depth, MAX_DEPTH_CLASS)}"
