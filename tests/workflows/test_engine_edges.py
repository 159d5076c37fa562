"""Engine v2 at its edges: empty fan-outs, labels, unknown expressions, withdrawal of chains and
members' parts, and the defaults of a kind's hooks."""

from __future__ import annotations

import pytest

from sikerja.core.errors import NotFound, ValidationFailed
from sikerja.organization.resolver import Resolver
from sikerja.workflows import actors, engine, lifecycle
from sikerja.workflows.actors import ActorContext
from sikerja.workflows.hooks import SubjectHooks
from sikerja.workflows.maps import actor_lane_label
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.workflows.test_engine_kinds import (
    AT,
    ON,
    ChecklistParties,
    _open,
    _start,
    kind_pack,
)

__all__ = ["kind_pack"]


def _context(pack, persona, **parties) -> ActorContext:
    requester = persona("jf_ahli_muda")
    values = {"requester": requester.pk, "lead": persona("subkoordinator").pk} | parties
    return ActorContext(pack, "checklist", ChecklistParties(**values), requester.government_id, ON)


def test_a_fan_out_over_no_members_refuses_and_the_decision_before_it_is_undone(kind_pack, persona):
    pack, _hooks = kind_pack
    instance = _start(pack, persona, urgent=True, members=())
    lead_step = _open(instance)

    with pytest.raises(ValidationFailed) as refused:
        engine.step_decide(
            step_id=lead_step.pk, by=persona("subkoordinator"), decision="approve", at=AT, on=ON
        )

    assert refused.value.code == "no_members"
    assert _open(instance).pk == lead_step.pk
    assert WorkflowInstance.objects.filter(parent=instance).count() == 0


def test_lane_labels_come_from_the_registry_or_the_core_roles(kind_pack):
    assert actors.label("checklist", "checklist.lead", "en") == "Lead"
    assert actors.label("checklist", "requester.appraiser", "id") == (
        "Pejabat Penilai Kinerja (requester)"
    )
    assert actors.label("checklist", "member", "en") == "member"
    assert actors.label("checklist", "nobody.appraiser", "en") == "nobody.appraiser"
    assert actor_lane_label("checklist.lead", "en") == "Lead"


def test_core_roles_over_an_employee_party_follow_the_resolver(kind_pack, persona):
    pack, _hooks = kind_pack
    ctx = _context(pack, persona)
    requester = persona("jf_ahli_muda")
    resolver = Resolver(pack)

    owner = ctx.resolve("requester.performance_owner")
    official = ctx.resolve("requester.authorized_official")

    expected_owner = resolver.performance_owner(requester.pk, ON).person
    assert owner.employee_id == (expected_owner.employee_id if expected_owner else None)
    agency_id = actors.agency_of(actors.person_of(requester, ON).unit_id)
    expected = resolver.authorized_official(agency_id, ON).person
    assert (official.employee_id, official.rule) == (
        expected.employee_id,
        resolver.authorized_official(agency_id, ON).rule,
    )


def test_an_unnamed_party_resolves_to_nobody_and_an_unknown_expression_is_an_error(
    kind_pack, persona
):
    pack, _hooks = kind_pack
    ctx = _context(pack, persona)

    assert ctx.resolve("member").person is None
    assert ctx.resolve("member.appraiser").person is None
    with pytest.raises(KeyError):
        ctx.resolve("checklist.treasurer")


def test_an_unknown_flow_is_not_found(kind_pack):
    pack, _hooks = kind_pack

    with pytest.raises(NotFound):
        engine.definition_of(pack, "WF-NOPE")


def test_nobody_acts_on_a_step_the_engine_decides(kind_pack, persona):
    pack, _hooks = kind_pack
    instance = _start(pack, persona, urgent=True)
    engine.step_decide(
        step_id=_open(instance).pk, by=persona("subkoordinator"), decision="approve", at=AT, on=ON
    )

    fan_out = _open(instance)

    assert (fan_out.actor_id, fan_out.recorder_id) == (None, None)
    assert engine.may_act(fan_out, persona("sekda").pk, ON) is False


def test_withdrawing_cancels_the_pending_chain_nodes(kind_pack, persona):
    pack, _hooks = kind_pack
    instance = _start(pack, persona)

    lifecycle.instance_withdraw(instance_id=instance.pk, by=persona("jf_ahli_muda"), at=AT)

    statuses = set(instance.steps.filter(step_key="review").values_list("status", flat=True))
    instance.refresh_from_db()
    assert (instance.status, statuses) == ("WITHDRAWN", {"CANCELLED"})


def test_a_request_another_official_decided_is_not_withdrawn_and_members_stay_asked(
    kind_pack, persona
):
    pack, _hooks = kind_pack
    instance = _start(pack, persona, urgent=True)
    engine.step_decide(
        step_id=_open(instance).pk, by=persona("subkoordinator"), decision="approve", at=AT, on=ON
    )

    with pytest.raises(ValidationFailed) as refused:
        lifecycle.instance_withdraw(instance_id=instance.pk, by=persona("jf_ahli_muda"), at=AT)

    assert refused.value.code == "not_withdrawable"
    assert WorkflowInstance.objects.filter(parent=instance, status="OPEN").count() == 2


def test_only_the_requester_withdraws_and_a_closed_instance_is_not_rerouted(kind_pack, persona):
    pack, _hooks = kind_pack
    instance = _start(pack, persona, urgent=True)

    with pytest.raises(NotFound):
        lifecycle.instance_withdraw(instance_id=instance.pk, by=persona("kabid"), at=AT)
    lifecycle.instance_withdraw(instance_id=instance.pk, by=persona("jf_ahli_muda"), at=AT)
    with pytest.raises(NotFound):
        lifecycle.instance_reroute(
            instance_id=instance.pk, operator_label="bkpsdm", operator_user_id=None, at=AT, on=ON
        )


def test_a_kind_without_its_own_answers_gets_the_hooks_defaults():
    hooks = SubjectHooks()

    with pytest.raises(NotImplementedError):
        hooks.parties_from_json({})
    with pytest.raises(NotImplementedError):
        hooks.child_parties(ChecklistParties(requester=1, lead=2), 3)
    with pytest.raises(KeyError):
        hooks.evaluate("urgent", instance=WorkflowInstance(), data={}, on=ON)
    assert (
        hooks.check_decision(instance=WorkflowInstance(), step=None, decision="x", data={}, on=ON)
        == []
    )  # type: ignore[arg-type]
    assert hooks.document_body(instance=WorkflowInstance()) == {}
    assert hooks.describe([]) == {}
    assert WorkflowStep.Status.PENDING.label == "Menunggu giliran"
