"""Geometry shared by the SVG and BPMN maps: nothing overlaps, arrows avoid boxes."""

from __future__ import annotations

import pytest

from sikerja.workflows.maps.layout import map_layout
from tests.workflows.maps.definitions import (
    cite_kotim,
    cite_surakarta,
    kotim_cross_pd,
    kotim_cross_unit,
    surakarta_voluntary,
    tricky,
)

CASES = [
    pytest.param(kotim_cross_unit, cite_kotim, id="kotim_cross_unit_case"),
    pytest.param(kotim_cross_pd, cite_kotim, id="kotim_cross_pd_case"),
    pytest.param(surakarta_voluntary, cite_surakarta, id="surakarta_voluntary_case"),
    pytest.param(tricky, cite_kotim, id="tricky_case"),
]


def _overlap(a, b):
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _crosses(start, end, rect):
    """Whether an axis-parallel segment runs through the inside of a rectangle."""
    (x1, y1), (x2, y2) = start, end
    if y1 == y2:
        return rect.y < y1 < rect.bottom and min(x1, x2) < rect.right and max(x1, x2) > rect.x
    return rect.x < x1 < rect.right and min(y1, y2) < rect.bottom and max(y1, y2) > rect.y


def _lane_of(layout, placed):
    return layout.lanes[placed.node.lane].rect


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_boxes_and_documents_never_overlap(build, cite):
    layout = map_layout(build(), cite=cite)

    shapes = [node.rect for node in layout.nodes] + [doc.rect for doc in layout.documents]

    overlapping = [
        (a, b) for index, a in enumerate(shapes) for b in shapes[index + 1 :] if _overlap(a, b)
    ]
    assert overlapping == []


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_every_node_its_notes_and_documents_sit_inside_its_lane(build, cite):
    layout = map_layout(build(), cite=cite)

    outside = []
    for placed in layout.nodes:
        lane = _lane_of(layout, placed)
        bottom = max([placed.rect.bottom, *(note.bottom for note in placed.notes)])
        if not (lane.y < placed.rect.y and bottom < lane.bottom and placed.rect.right < lane.right):
            outside.append(placed.node.key)
    for doc in layout.documents:
        lane = _lane_of(layout, layout.node(doc.edge.source))
        if not (lane.y < doc.rect.y and doc.rect.bottom < lane.bottom):
            outside.append(doc.ident)

    assert outside == []


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_arrows_are_orthogonal_and_run_from_the_source_side_into_the_target(build, cite):
    layout = map_layout(build(), cite=cite)

    for edge in layout.edges:
        source = layout.node(edge.edge.source).rect
        target = layout.node(edge.edge.target).rect
        first, last = edge.points[0], edge.points[-1]

        assert first[0] == source.right
        assert source.y < first[1] < source.bottom
        assert last in {(target.x, target.cy), (last[0], target.y)}
        assert target.x <= last[0] <= target.right
        for start, end in zip(edge.points, edge.points[1:], strict=False):
            assert start[0] == end[0] or start[1] == end[1]


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_arrows_never_run_through_other_boxes_or_documents(build, cite):
    layout = map_layout(build(), cite=cite)

    crossings = []
    for edge in layout.edges:
        ends = {edge.edge.source, edge.edge.target}
        obstacles = [node.rect for node in layout.nodes if node.node.key not in ends]
        obstacles += [doc.rect for doc in layout.documents]
        for start, end in zip(edge.points, edge.points[1:], strict=False):
            crossings += [(edge.edge.key, rect) for rect in obstacles if _crosses(start, end, rect)]

    assert crossings == []


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_each_document_tie_ends_on_the_first_segment_of_its_transition(build, cite):
    layout = map_layout(build(), cite=cite)

    edges = {edge.edge.key: edge for edge in layout.edges}
    for doc in layout.documents:
        (port_x, port_y), (turn_x, turn_y) = edges[doc.edge.key].points[:2]
        tie_x, tie_y = doc.tie[-1]

        assert tie_y == port_y == turn_y
        assert port_x < tie_x < turn_x


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_everything_fits_the_canvas(build, cite):
    layout = map_layout(build(), cite=cite)

    points = [point for edge in layout.edges for point in edge.points]
    rects = [lane.rect for lane in layout.lanes] + [doc.rect for doc in layout.documents]

    assert all(0 < x < layout.width and 0 < y < layout.height for x, y in points)
    assert all(rect.right < layout.width and rect.bottom < layout.height for rect in rects)
