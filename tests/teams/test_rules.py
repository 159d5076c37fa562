"""The permission matrix of teams/rules.py on the Surakarta demo world: every persona × every
question, and each "may" checked against its "which"."""

from __future__ import annotations

import pytest

from sikerja.organization.selectors import viewer_for
from sikerja.teams import rules
from sikerja.teams.services import team_propose
from tests.teams.world import NOW, ON, open_step, team_input

PERSONAS = (
    "bkpsdm",
    "sekda",
    "kepala_dinas",
    "kabid",
    "subkoordinator",
    "jf_ahli_muda",
    "pelaksana",
    "outsider",
)
#         bkpsdm sekda  kadis  kabid  subk   jf     plk    outsider
# The Subkoordinator appraises the proposed Pelaksana: an official the team's work names
# (`rules.teams_visible_to`); the Kepala Bidang appraises only a lead candidate, not yet on it.
SEE = (True, True, True, False, True, True, True, False)
DECIDE = (False, True, False, False, False, False, False, False)
MANAGE = (False, False, True, False, False, False, False, False)
FILL_LEAD = (False, True, False, False, False, False, False, False)


@pytest.fixture
def team(persona):
    return team_propose(
        requester=persona("kepala_dinas"),
        data=team_input(
            candidate_ids=[persona("jf_ahli_muda").pk],
            member_ids=[persona("pelaksana").pk],
            appraiser_consideration="Kompeten",
        ),
        at=NOW,
        on=ON,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("question", "expected"),
    [("see", SEE), ("decide", DECIDE), ("manage", MANAGE), ("fill_lead", FILL_LEAD)],
)
def test_the_matrix_case(team, user_of, question, expected):
    step = open_step(team)
    answers = []
    for name in PERSONAS:
        viewer = viewer_for(user_of(name), ON)
        answers.append(
            {
                "see": lambda v: rules.may_see_team(v, team),
                "decide": lambda v: rules.may_decide_step(v, step, ON),
                "manage": lambda v: rules.may_manage_team(v, team, ON),
                "fill_lead": lambda v: rules.may_fill_lead(v, team, ON),
            }[question](viewer)
        )

    assert tuple(answers) == expected


@pytest.mark.django_db
def test_may_see_agrees_with_which_and_every_employee_may_propose(team, user_of, other_tenant_user):
    for name in PERSONAS:
        viewer = viewer_for(user_of(name), ON)
        assert list(rules.teams_visible_to(viewer)) == (
            [team] if rules.may_see_team(viewer, team) else []
        )
        assert rules.may_form_team(viewer) is True
        assert rules.teams_managed_by(viewer, ON) == (
            [team] if rules.may_manage_team(viewer, team, ON) else []
        )
    stranger = viewer_for(other_tenant_user, ON)
    assert (rules.may_see_team(stranger, team), rules.may_manage_team(stranger, team, ON)) == (
        False,
        False,
    )
