"""V-69: each member of a team request is consulted, addressed and acknowledges individually.

Kotim (Perbup Kotim 51/2023 Lampiran II.B.2.a.2)a) and 2)e)): a cross-unit team request asks
each member's own appraiser, each consenting member gets their own letter, the decree names
every member, and each acknowledges; nothing is derived from the first-named candidate.
"""

from __future__ import annotations

import pytest

from sikerja.assignments.models import AssignmentCandidate
from sikerja.assignments.services import assignment_decide, assignment_request_submit
from sikerja.documents.models import Letter
from sikerja.organization import services, services_people
from sikerja.organization.models import Employee
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.assignments.flow import NOW, ON, decide, instance_of, party_ids, request_input
from tests.organization.builders import build_org

PACK = "kotim-2023"


@pytest.fixture
def team():
    """A Kabid requesting two JF from two other units, each with their own appraiser."""
    org = build_org(PACK)
    org.units["bidang2"] = services.unit_create(
        actor=org.actor,
        parent=org.units["dinas"],
        name="Bidang Kesehatan Masyarakat",
        unit_type="BIDANG",
        at=NOW,
    )
    head = services_people.position_create(
        actor=org.actor,
        unit=org.units["bidang2"],
        title="Kepala Bidang Kesehatan Masyarakat",
        kind="ADMINISTRATOR",
        is_head=True,
        at=NOW,
    )
    kabid2 = org.person("Pejabat bidang2")
    org.place(kabid2, head)
    first = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    second = org.staff("Rudi Hartono", "bidang2", "FUNGSIONAL", "AHLI_MUDA")
    return org, kabid2, first, second


def _submit(org, members):
    return assignment_request_submit(
        requester=org.people["bidang"],
        data=request_input(
            subject="TEAM", team_name="Tim Kajian", candidate_ids=[m.pk for m in members]
        ),
        at=NOW,
        on=ON,
    )


def _children(assignment) -> list[WorkflowInstance]:
    return list(WorkflowInstance.objects.filter(parent=instance_of(assignment)).order_by("pk"))


def _open_children(assignment) -> list[WorkflowStep]:
    return list(
        WorkflowStep.objects.filter(
            instance__parent=instance_of(assignment), status=WorkflowStep.Status.OPEN
        ).order_by("instance_id")
    )


def _decide(step: WorkflowStep, decision: str, **kwargs) -> None:
    if decision == "approve" and step.recommender_id:
        from sikerja.assignments.services import assignment_recommend

        assignment_recommend(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.recommender_id),
            text="Direkomendasikan.",
            at=NOW,
        )
    assignment_decide(
        step_id=step.pk,
        by=Employee.objects.get(pk=step.actor_id),
        decision=decision,
        at=NOW,
        on=ON,
        **kwargs,
    )


def _letters(assignment, doc_type: str) -> list[Letter]:
    family = [instance_of(assignment).pk, *(c.pk for c in _children(assignment))]
    return list(
        Letter.objects.filter(workflow_instance_id__in=family, doc_type=doc_type).order_by("pk")
    )


@pytest.mark.django_db
def test_v69_lampiran_ii_b_2_a_2_a_each_members_own_appraiser_is_asked(team):
    org, kabid2, first, second = team

    assignment = _submit(org, [first, second])

    steps = _open_children(assignment)
    assert [(s.step_key, s.actor_id) for s in steps] == [
        ("review", org.people["sekretariat"].pk),
        ("review", kabid2.pk),
    ]
    assert [s.recommender_id for s in steps] == [org.people["sekretariat"].pk, kabid2.pk]
    parent = instance_of(assignment).steps.get(status=WorkflowStep.Status.OPEN)
    assert (parent.step_key, parent.actor_id, parent.actor_expression) == ("review", None, "system")


@pytest.mark.django_db
def test_v69_lampiran_ii_b_2_a_2_e_each_member_gets_a_letter_the_decree_names_all_each_acknowledges(
    team,
):
    org, kabid2, first, second = team
    assignment = _submit(org, [first, second])

    for step in _open_children(assignment):
        _decide(step, "approve")
    decide(assignment, "approve")
    for step in _open_children(assignment):
        _decide(step, "approve")
    receipts = _open_children(assignment)
    for step in receipts:
        _decide(step, "acknowledge")

    letters = _letters(assignment, "ASSIGNMENT_LETTER")
    assert [(party_ids([x.signer]), party_ids(x.addressees)) for x in letters] == [
        ([org.people["sekretariat"].pk], [first.pk]),
        ([kabid2.pk], [second.pk]),
    ]
    (decree,) = _letters(assignment, "DECREE")
    assert party_ids(decree.addressees) == [first.pk, second.pk]
    assert [(s.step_key, s.actor_id) for s in receipts] == [
        ("receive", first.pk),
        ("receive", second.pk),
    ]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED
    answers = AssignmentCandidate.objects.filter(assignment=assignment).order_by("order")
    assert list(answers.values_list("employee_id", "answer")) == [
        (first.pk, "ACCEPTED"),
        (second.pk, "ACCEPTED"),
    ]


@pytest.mark.django_db
def test_v69_a_member_whose_side_refuses_leaves_the_request_and_the_others_go_on(team):
    org, kabid2, first, second = team
    assignment = _submit(org, [first, second])
    refused, approved = _open_children(assignment)

    _decide(refused, "reject", reason="Sedang menyusun laporan keuangan.")
    assert instance_of(assignment).status == WorkflowInstance.Status.OPEN
    _decide(approved, "approve")
    decide(assignment, "approve")
    decide(assignment, "approve")

    (decree,) = _letters(assignment, "DECREE")
    assert party_ids(decree.addressees) == [second.pk]
    (letter,) = _letters(assignment, "ASSIGNMENT_LETTER")
    assert (party_ids([letter.signer]), party_ids(letter.addressees)) == ([kabid2.pk], [second.pk])
    receive = instance_of(assignment).steps.get(status=WorkflowStep.Status.OPEN)
    assert (receive.step_key, receive.actor_id) == ("receive", second.pk)
    answers = AssignmentCandidate.objects.filter(assignment=assignment).order_by("order")
    assert list(answers.values_list("answer", flat=True)) == ["DECLINED", "ACCEPTED"]
    (reply,) = _letters(assignment, "INVOLVEMENT_REPLY")
    assert party_ids([reply.signer]) == [org.people["sekretariat"].pk]


@pytest.mark.django_db
def test_v69_when_every_members_side_refuses_the_request_is_rejected(team):
    org, _kabid2, first, second = team
    assignment = _submit(org, [first, second])

    for step in _open_children(assignment):
        _decide(step, "reject", reason="Tidak tersedia.")

    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED
    assert instance_of(assignment).steps.filter(status=WorkflowStep.Status.OPEN).count() == 0


@pytest.mark.django_db
def test_v69_the_scope_is_the_widest_among_the_members_not_the_first_named(team):
    org, _kabid2, _first, second = team
    same_unit = org.staff("Sari Wulandari", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")

    assignment = _submit(org, [same_unit, second])

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_UNIT", "WF-PEN-UO")
    assert assignment.home_unit_id == org.units["bidang2"].pk


@pytest.mark.django_db
def test_v69_the_requester_withdraws_and_every_members_part_closes(team):
    from sikerja.assignments.services import assignment_withdraw

    org, _kabid2, first, second = team
    assignment = _submit(org, [first, second])

    assignment_withdraw(assignment=assignment, by=org.people["bidang"], at=NOW)

    assert [c.status for c in _children(assignment)] == ["WITHDRAWN", "WITHDRAWN"]
    assert _open_children(assignment) == []


@pytest.mark.django_db
def test_v69_every_pack_consults_each_member_on_its_team_flows():
    from sikerja.regulations.loader import load_pack
    from sikerja.regulations.schema.workflows import PenugasanDefinition

    for pack_id in ("kotim-2023", "blitar-2023", "surakarta-2023", "cilegon-2023", "barut-2024"):
        pack = load_pack(pack_id)
        assert pack.binds("V-69"), pack_id
        for key, definition in pack.data.workflows.items():
            if not isinstance(definition, PenugasanDefinition) or "TEAM" not in definition.subjects:
                continue
            home_side = [
                s.id
                for s in definition.steps
                if (s.actor.startswith("home.") or s.actor == "candidate")
                and s.id != definition.start
            ]
            per_member = [s.id for s in definition.steps if s.per_member]
            assert per_member == home_side, (pack_id, key)


@pytest.mark.django_db
def test_v69_the_timeline_shows_each_members_part_after_the_step_that_asked_them(team):
    from sikerja.assignments.selectors import assignment_detail, with_status
    from sikerja.organization.rules import Viewer

    org, kabid2, first, second = team
    assignment = _submit(org, [first, second])
    _decide(_open_children(assignment)[0], "approve")
    viewer = Viewer(
        user_id=0,
        username="kabid",
        government=org.government,
        employee_id=org.people["bidang"].pk,
        is_admin=False,
        sees_government=False,
    )

    detail = assignment_detail(viewer=viewer, assignment_id=assignment.pk)
    listed = with_status(type(assignment).objects.filter(pk=assignment.pk)).get()

    assert detail.instance == instance_of(assignment)
    assert [(s.step_key, s.actor_id, s.status) for s in detail.steps] == [
        ("request", org.people["bidang"].pk, "DECIDED"),
        ("review", None, "OPEN"),
        ("review", org.people["sekretariat"].pk, "DECIDED"),
        ("review", kabid2.pk, "OPEN"),
    ]
    assert (listed.wf_instance_id, listed.wf_step_actor) == (
        instance_of(assignment).pk,
        "Setiap anggota (2 orang)",
    )


@pytest.mark.django_db
def test_v69_lampiran_ii_b_2_a_2_a_the_request_letter_goes_to_each_members_own_appraiser(team):
    org, kabid2, first, second = team

    assignment = _submit(org, [first, second])

    (request,) = _letters(assignment, "INVOLVEMENT_REQUEST")
    assert party_ids(request.addressees) == [org.people["sekretariat"].pk, kabid2.pk]
