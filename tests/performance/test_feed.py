"""Assignments and teams flow in (SPEC §6.5, §10.1): an accepted penugasan or a team membership
proposes exactly one additional RHK in the assignee's SKP, owned by their home appraiser, who
accepts it (the RHK joins the SKP) or declines it with a reason."""

from __future__ import annotations

import pytest

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import assignment_request_submit
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied, StaleState, ValidationFailed
from sikerja.performance import services
from sikerja.performance.models import Rhk, RhkProposal
from sikerja.performance.services.feed import (
    rhk_proposal_accept,
    rhk_proposal_decline,
    rhk_proposals_from_instance,
    rhk_proposals_sync,
)
from sikerja.teams.models import TeamMember
from tests.assignments.flow import NOW, ON, decide, instance_of, request_input
from tests.organization.builders import add_agency, build_org
from tests.teams.test_v69_outside_members import propose, run_to_the_end
from tests.teams.world import decide as decide_team
from tests.teams.world import staff


def _appointed(org, jf, capture):
    """A within-unit appointment (Kotim WF-PEN-IN) acknowledged by the JF: accepted."""
    assignment = assignment_request_submit(
        requester=org.people["bidang"],
        data=request_input(candidate_ids=[jf.pk], competencies=[], expected_target="Kajian sah"),
        at=NOW,
        on=ON,
    )
    with capture(execute=True):
        decide(assignment, "acknowledge")
    return assignment


def _proposals():
    return list(
        RhkProposal.objects.order_by("pk").values_list(
            "employee_id", "source", "source_id", "appraiser_id", "status", "year"
        )
    )


@pytest.mark.django_db
def test_an_accepted_assignment_proposes_one_rhk_to_the_home_appraiser(
    django_capture_on_commit_callbacks,
):
    org = build_org("kotim-2023")
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")

    assignment = _appointed(org, jf, django_capture_on_commit_callbacks)

    kabid = org.people["bidang"]
    assert _proposals() == [(jf.pk, "ASSIGNMENT", assignment.pk, kabid.pk, "PROPOSED", 2026)]
    proposal = RhkProposal.objects.get()
    assert (proposal.title, proposal.target, proposal.skp_id) == (
        assignment.title,
        "Kajian sah",
        None,
    )
    assert proposal.appraiser_citation.startswith("Perbup Kotim 51/2023")
    assert (
        AuditEvent.objects.filter(
            action="performance.rhk_proposed", object_id=str(proposal.pk), actor_label="system"
        ).count()
        == 1
    )


@pytest.mark.django_db
def test_replays_of_an_accepted_assignment_propose_nothing_more(
    django_capture_on_commit_callbacks,
):
    org = build_org("kotim-2023")
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    assignment = _appointed(org, jf, django_capture_on_commit_callbacks)
    before = _proposals()

    again = rhk_proposals_from_instance(instance_id=instance_of(assignment).pk)
    replayed = rhk_proposals_sync(government_id=org.government.pk, at=NOW, on=ON)

    assert (again, replayed, _proposals()) == ([], [], before)
    assert AuditEvent.objects.filter(action="performance.rhk_proposed").count() == 1


@pytest.mark.django_db
def test_a_refused_or_open_assignment_proposes_nothing(django_capture_on_commit_callbacks):
    org = build_org("kotim-2023")
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    with django_capture_on_commit_callbacks(execute=True):
        assignment = assignment_request_submit(
            requester=org.people["bidang"], data=request_input(candidate_ids=[jf.pk]), at=NOW, on=ON
        )
        decide(assignment, "reject", reason="Tenaga dibutuhkan di unit")

    assert instance_of(assignment).status == "REJECTED"
    assert (rhk_proposals_sync(government_id=org.government.pk, at=NOW, on=ON), _proposals()) == (
        [],
        [],
    )


@pytest.fixture
def surakarta_team(django_capture_on_commit_callbacks):
    """A Surakarta team with a member of the Bidang and one from Bappeda, the outsider's own
    penugasan run to its end (V-69), every engine event delivered."""
    org = build_org("surakarta-2023")
    people = staff(org)
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    outsider = org.staff("Joko Widodo", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    with django_capture_on_commit_callbacks(execute=True):
        team = propose(org, people, outsider)
        decide_team(team, "approve", lead_id=people["ahli_muda"].pk)
        team = decide_team(team, "approve")
    link = TeamMember.objects.get(team=team, employee=outsider)
    with django_capture_on_commit_callbacks(execute=True):
        run_to_the_end(Assignment.objects.get(pk=link.assignment_id))
    return org, people, outsider, team


@pytest.mark.django_db
def test_each_team_member_gets_one_proposal_owned_by_their_home_appraiser(surakarta_team):
    org, people, outsider, team = surakarta_team

    rows = {row[0]: row for row in _proposals()}

    kabid, kabid_bappeda = org.people["bidang"], org.people["BAPPEDA.bidang"]
    assert rows == {
        people["ahli_muda"].pk: (
            people["ahli_muda"].pk,
            "TEAM",
            team.pk,
            kabid.pk,
            "PROPOSED",
            2026,
        ),
        people["pelaksana"].pk: (
            people["pelaksana"].pk,
            "TEAM",
            team.pk,
            RhkProposal.objects.get(employee=people["pelaksana"]).appraiser_id,
            "PROPOSED",
            2026,
        ),
        # The member from another Perangkat Daerah: their own (home) appraiser, not the owner's.
        outsider.pk: (outsider.pk, "TEAM", team.pk, kabid_bappeda.pk, "PROPOSED", 2026),
    }
    assert RhkProposal.objects.get(employee=people["ahli_muda"]).role == "LEAD"
    assert not RhkProposal.objects.filter(source="ASSIGNMENT").exists()


@pytest.mark.django_db
def test_replaying_a_team_proposes_nothing_more(surakarta_team):
    org, _people, _outsider, _team = surakarta_team
    before = _proposals()

    assert rhk_proposals_sync(government_id=org.government.pk, at=NOW, on=ON) == []
    assert _proposals() == before


def _proposal_with_skp(org, django_capture_on_commit_callbacks):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    skp = services.skp_create(actor=jf, year=2026, at=NOW, on=ON)
    _appointed(org, jf, django_capture_on_commit_callbacks)
    return jf, skp, RhkProposal.objects.get(employee=jf)


@pytest.mark.django_db
def test_the_appraiser_accepts_and_the_rhk_joins_the_skp_as_additional(
    django_capture_on_commit_callbacks,
):
    org = build_org("kotim-2023")
    _jf, skp, proposal = _proposal_with_skp(org, django_capture_on_commit_callbacks)

    accepted = rhk_proposal_accept(
        actor=org.people["bidang"], proposal_id=proposal.pk, at=NOW, on=ON
    )

    rhk = Rhk.objects.get(skp=skp)
    assert (accepted.status, accepted.skp_id, accepted.rhk_id) == ("ACCEPTED", skp.pk, rhk.pk)
    assert (rhk.kind, rhk.text, rhk.parent_id) == ("TAMBAHAN", proposal.title, None)
    assert list(rhk.indicators.values_list("approach", "target")) == [("KUALITATIF", "Kajian sah")]
    assert (
        AuditEvent.objects.filter(
            action="performance.rhk_proposal_accepted", object_id=str(proposal.pk)
        ).count()
        == 1
    )
    with pytest.raises(StaleState):
        rhk_proposal_accept(actor=org.people["bidang"], proposal_id=proposal.pk, at=NOW, on=ON)
    assert Rhk.objects.filter(skp=skp).count() == 1


@pytest.mark.django_db
def test_the_appraiser_declines_with_a_reason_and_nothing_joins_the_skp(
    django_capture_on_commit_callbacks,
):
    org = build_org("kotim-2023")
    _jf, skp, proposal = _proposal_with_skp(org, django_capture_on_commit_callbacks)
    kabid = org.people["bidang"]
    with pytest.raises(ValidationFailed) as missing:
        rhk_proposal_decline(actor=kabid, proposal_id=proposal.pk, reason="  ", at=NOW, on=ON)

    declined = rhk_proposal_decline(
        actor=kabid, proposal_id=proposal.pk, reason="Sudah RHK utama", at=NOW, on=ON
    )

    assert missing.value.code == "rhk_proposal_decline_reason_required"
    assert (declined.status, declined.decline_reason, declined.decided_by_id) == (
        "DECLINED",
        "Sudah RHK utama",
        kabid.pk,
    )
    assert not Rhk.objects.filter(skp=skp).exists()


@pytest.mark.django_db
def test_only_the_home_appraiser_decides_and_a_refusal_names_them(
    django_capture_on_commit_callbacks,
):
    org = build_org("kotim-2023")
    _jf, skp, proposal = _proposal_with_skp(org, django_capture_on_commit_callbacks)
    events = AuditEvent.objects.count()

    with pytest.raises(PermissionDenied) as refused:
        rhk_proposal_accept(actor=org.people["dinas"], proposal_id=proposal.pk, at=NOW, on=ON)

    assert (refused.value.rule, refused.value.citation) == (
        proposal.appraiser_rule,
        proposal.appraiser_citation,
    )
    proposal.refresh_from_db()
    assert (proposal.status, Rhk.objects.filter(skp=skp).count()) == ("PROPOSED", 0)
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_accepting_before_the_skp_is_drawn_up_is_refused(django_capture_on_commit_callbacks):
    org = build_org("kotim-2023")
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    _appointed(org, jf, django_capture_on_commit_callbacks)
    proposal = RhkProposal.objects.get(employee=jf)

    with pytest.raises(ValidationFailed) as refused:
        rhk_proposal_accept(actor=org.people["bidang"], proposal_id=proposal.pk, at=NOW, on=ON)

    assert refused.value.code == "rhk_proposal_without_skp"
    proposal.refresh_from_db()
    assert proposal.status == "PROPOSED"
