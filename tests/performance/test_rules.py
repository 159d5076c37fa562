"""The permission matrix of performance/rules.py on the Surakarta demo world: every persona ×
every question on the JF's submitted SKP, each "may" checked against its "which", and tenant
isolation (the other government's Sekda sees none of it)."""

from __future__ import annotations

import pytest

from sikerja.performance import rules, services
from sikerja.performance.models import Skp
from tests.performance.world import NOW, ON, delegate, jf_skp

__all__ = ["viewer_of"]
from tests.viewers import PERSONAS, viewer_of

#          bkpsdm sekda  kadis  kabid  subk   jf     plk    outs   other
SEE = (True, True, True, True, False, True, False, False, False)
DECIDE = (False, False, False, True, False, False, False, False, False)
EDIT = (False, False, False, False, False, False, False, False, False)
RATE = (False, False, False, True, False, False, False, False, False)


@pytest.fixture
def submitted(world, persona):
    """The JF Ahli Muda's SKP, submitted to the kabid."""
    skp = jf_skp(persona)
    return services.skp_submit(actor=skp.employee, skp_id=skp.pk, at=NOW, on=ON)


def answers(viewer_of, question, skp):
    """The answer of each persona to one question about the SKP."""
    asked = {
        "see": lambda v: rules.may_see_skp(v, skp, ON),
        "decide": lambda v: rules.may_decide_skp(v, skp, ON),
        "edit": lambda v: v.employee_id is not None and rules.may_edit_skp(v.employee_id, skp),
        "rate": lambda v: v.employee_id is not None and rules.may_rate(v.employee_id, skp, ON)[0],
    }[question]
    return tuple(asked(viewer_of(name)) for name in PERSONAS)


@pytest.mark.parametrize(
    ("question", "expected"),
    [("see", SEE), ("decide", DECIDE), ("edit", EDIT), ("rate", RATE)],
)
def test_the_matrix_case(submitted, viewer_of, question, expected):
    assert answers(viewer_of, question, submitted) == expected


def test_may_see_matches_which_for_every_persona(submitted, viewer_of, persona):
    skps = list(Skp.objects.all())

    for name in PERSONAS:
        viewer = viewer_of(name)
        visible = set(rules.skps_visible_to(viewer, ON).values_list("pk", flat=True))
        assert {s.pk for s in skps if rules.may_see_skp(viewer, s, ON)} == visible, name


def test_may_decide_matches_which_for_every_persona(submitted, viewer_of):
    for name in PERSONAS:
        viewer = viewer_of(name)
        waiting = set(rules.skps_waiting_on(viewer, ON).values_list("pk", flat=True))
        assert waiting == ({submitted.pk} if rules.may_decide_skp(viewer, submitted, ON) else set())


def test_the_draft_is_edited_only_by_its_employee(world, persona, viewer_of):
    draft = jf_skp(persona)

    assert answers(viewer_of, "edit", draft) == tuple(name == "jf_ahli_muda" for name in PERSONAS)


def test_a_delegate_for_performance_management_sees_decides_and_rates(
    submitted, viewer_of, persona, operator
):
    delegate(operator, persona("kabid"), persona("outsider"), "PERF_MGMT")
    outsider = viewer_of("outsider")

    assert rules.may_see_skp(outsider, submitted, ON)
    assert rules.may_decide_skp(outsider, submitted, ON)
    assert rules.may_rate(outsider.employee_id, submitted, ON)[0]


def test_the_other_government_sees_no_skp(submitted, viewer_of):
    assert not rules.skps_visible_to(viewer_of("other_tenant"), ON).exists()
