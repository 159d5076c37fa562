"""The objection's rules in their three shapes (STYLE §5): for every persona, the objections it
may decide are exactly those waiting on it, and those it may open exactly those it sees."""

from __future__ import annotations

import pytest

from sikerja.organization.selectors import viewer_for
from sikerja.performance import rules
from sikerja.performance.models import Objection
from tests.conftest import TODAY
from tests.performance.objection_world import filed, signed_rating

PERSONAS = (
    "bkpsdm",
    "sekda",
    "kepala_dinas",
    "kabid",
    "subkoordinator",
    "jf_ahli_muda",
    "outsider",
)


@pytest.fixture
def objections(team, persona):
    """The JF's and the subkoordinator's objections, both waiting for the Kepala Dinas."""
    kabid = persona("kabid")
    waiting = filed(persona("jf_ahli_muda"), signed_rating(kabid, team["jf"]))
    return {
        "waiting": waiting,
        "sub": filed(persona("subkoordinator"), signed_rating(kabid, team["sub"])),
    }


@pytest.mark.parametrize("name", PERSONAS)
def test_may_decide_matches_which_for_every_persona(objections, user_of, name):
    viewer = viewer_for(user_of(name), TODAY)

    decidable = {
        o.pk for o in Objection.objects.all() if rules.may_decide_objection(viewer, o, TODAY)
    }

    assert decidable == set(rules.objections_waiting_on(viewer, TODAY).values_list("pk", flat=True))
    expected = {objections["waiting"].pk, objections["sub"].pk} if name == "kepala_dinas" else set()
    assert decidable == expected


@pytest.mark.parametrize(
    ("name", "sees"),
    [
        ("bkpsdm", {"waiting", "sub"}),
        ("sekda", {"waiting", "sub"}),
        ("kepala_dinas", {"waiting", "sub"}),
        ("kabid", {"waiting", "sub"}),
        ("subkoordinator", {"sub"}),
        ("jf_ahli_muda", {"waiting"}),
        ("outsider", set()),
    ],
)
def test_who_sees_which_objection_case(objections, user_of, name, sees):
    viewer = viewer_for(user_of(name), TODAY)

    visible = set(rules.objections_visible_to(viewer, TODAY).values_list("pk", flat=True))

    assert visible == {objections[key].pk for key in sees}
