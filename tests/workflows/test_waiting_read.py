"""The inbox's reads (the delegations to the caller, the open steps with their instances) are
fixed statements that load what the ORM loaded, in two queries built without the ORM."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db.models.sql.compiler import SQLCompiler

from sikerja.organization import services_people
from sikerja.organization.models import Delegation, Government
from sikerja.workflows import selectors
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.workflows.test_engine_kinds import AT, ON, _open, _start, kind_pack

__all__ = ["kind_pack"]  # the fixture, shared with the engine's tests

STEP = [field.attname for field in WorkflowStep._meta.concrete_fields]
INSTANCE = [field.attname for field in WorkflowInstance._meta.concrete_fields]


def _values(row, names) -> dict:
    return {name: getattr(row, name) for name in names}


def _delegate(lead, delegate, scope: str) -> None:
    Delegation.objects.create(
        government_id=lead.government_id,
        from_employee=lead,
        to_employee=delegate,
        scope=scope,
        legal_basis="Surat Kuasa 1/2026",
        rule_id="V-41",
        valid_from=ON,
    )


def test_a_delegates_waiting_step_loads_as_select_related_loads_it(
    kind_pack, persona, django_assert_num_queries
):
    pack, _hooks = kind_pack
    step = _open(_start(pack, persona, urgent=True))
    lead, delegate = persona("subkoordinator"), persona("kabid")
    _delegate(lead, delegate, Delegation.Scope.APPRAISAL)
    expected = WorkflowStep.objects.select_related("instance").get(pk=step.pk)

    with (
        mock.patch.object(SQLCompiler, "as_sql", side_effect=AssertionError("ORM query")),
        django_assert_num_queries(2),
    ):
        waiting = selectors.waiting_steps(employee_id=delegate.pk, on=ON)
        loaded = [(w.step, w.step.instance, w.as_delegate_of) for w in waiting]

    assert [(_values(s, STEP), _values(i, INSTANCE), by) for s, i, by in loaded] == [
        (_values(expected, STEP), _values(expected.instance, INSTANCE), lead.pk)
    ]


def test_a_delegation_of_another_scope_or_another_subject_type_waits_for_nobody(kind_pack, persona):
    pack, _hooks = kind_pack
    step = _open(_start(pack, persona, urgent=True))
    lead, delegate = persona("subkoordinator"), persona("kabid")
    _delegate(lead, delegate, Delegation.Scope.APPOINTMENT)

    other_scope = selectors.waiting_steps(employee_id=delegate.pk, on=ON)
    own = selectors.waiting_steps(employee_id=lead.pk, on=ON)
    other_type = selectors.waiting_steps(employee_id=lead.pk, on=ON, subject_types=("lain.x",))

    assert (other_scope, [w.step.pk for w in own], other_type) == ([], [step.pk], [])


@pytest.mark.usefixtures("scope_cache")
def test_the_delegations_kept_under_the_stamp_are_read_again_after_a_new_delegation(
    kind_pack, persona, operator, django_assert_num_queries
):
    pack, _hooks = kind_pack
    step = _open(_start(pack, persona, urgent=True))
    lead, delegate = persona("subkoordinator"), persona("kabid")

    def government() -> Government:  # as the caller's account read gives it: the current stamp
        return Government.objects.get(pk=lead.government_id)

    before = government()
    assert selectors.waiting_steps(employee_id=delegate.pk, on=ON, government=before) == []
    with django_assert_num_queries(1):  # the delegations are kept: the open steps only
        assert selectors.waiting_steps(employee_id=delegate.pk, on=ON, government=before) == []

    services_people.delegation_create(
        actor=operator,
        from_employee=lead,
        to_employee=delegate,
        scope=Delegation.Scope.APPRAISAL,
        valid_from=ON,
        legal_basis="Surat Kuasa 2/2026",
        at=AT,
    )
    waiting = selectors.waiting_steps(employee_id=delegate.pk, on=ON, government=government())

    assert [(w.step.pk, w.as_delegate_of) for w in waiting] == [(step.pk, lead.pk)]
