"""Opening steps: one actor, one node per person of a chain, or one child per member.

Every actor is snapshotted on its step row when the step is created; chain nodes after the
first wait as PENDING with their actor already resolved, so the whole route is visible at once.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Max
from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation, ValidationFailed
from sikerja.organization.officials import bkpsdm_operators
from sikerja.organization.resolver import Person
from sikerja.regulations.schema.workflows import (
    SYSTEM_ACTOR,
    ChainNode,
    FlowCore,
    StepSpec,
    chain_name,
)
from sikerja.workflows import events
from sikerja.workflows.actors import ActorContext, ResolvedActor, answer_actor
from sikerja.workflows.due_dates import step_due_at
from sikerja.workflows.errors import WorkflowErrorCode
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

MEMBERS = "members"
"""The role-map party a `per_member` step fans out over (the members a subject names)."""
MEMBER_STEP = "#"
"""Separates a flow key from a per-member step id in a child's definition key."""


def next_seq(instance: WorkflowInstance) -> int:
    return (instance.steps.aggregate(top=Max("seq"))["top"] or 0) + 1


def open_step(
    instance: WorkflowInstance,
    definition: FlowCore,
    spec: StepSpec,
    ctx: ActorContext,
    *,
    at: dt.datetime,
    seq: int | None = None,
) -> WorkflowStep:
    """Make a step of the definition the instance's current one and open it for its resolved
    actor(s); return the open row. `seq` is the next row's when the caller knows it (the
    instance's newest row is one it has just written)."""
    WorkflowInstance.objects.filter(pk=instance.pk).update(current_step=spec.id)
    instance.current_step = spec.id
    return open_rows(instance, definition, spec, ctx, seq or next_seq(instance), at=at)


def open_rows(
    instance: WorkflowInstance,
    definition: FlowCore,
    spec: StepSpec,
    ctx: ActorContext,
    seq: int,
    *,
    at: dt.datetime,
) -> WorkflowStep:
    """Write the rows of a step that is already the instance's current one, from `seq` on;
    return the open row."""
    if spec.fan_out:
        members = _members(ctx, spec.fan_out, spec)
        return _open_fan_out(instance, spec, ctx, members, spec.child, seq=seq, at=at)
    if spec.per_member and len(ctx.parties.employees(MEMBERS)) > 1:
        members = ctx.parties.employees(MEMBERS)
        child = f"{instance.definition_key}{MEMBER_STEP}{spec.id}"
        return _open_fan_out(instance, spec, ctx, members, child, seq=seq, at=at)
    if spec.is_chain:
        actors = resolve_chain(ctx, chain_name(spec.actor), spec)
    else:
        actors = [_required(ctx.resolve(spec.actor), spec, ctx)]
    recommender = ctx.resolve(spec.recommendation_from).person if spec.recommendation_from else None
    rows = [
        _row(instance, spec, actor, ctx, seq=seq + index, index=index, length=len(actors), at=at)
        for index, actor in enumerate(actors)
    ]
    for row in rows:
        row.recommender_id = recommender.employee_id if recommender else None
    WorkflowStep.objects.bulk_create(rows)
    first = _first_row(instance, rows, seq)
    events.publish_on_commit(events.STEP_OPENED, step_id=first.pk)
    return first


def _first_row(instance: WorkflowInstance, rows: list[WorkflowStep], seq: int) -> WorkflowStep:
    """The first row written, as written: the databases give the new rows' ids back (SQLite
    from 3.35, PostgreSQL always); read it only where they do not."""
    written: int | None = rows[0].pk
    if written is not None:
        return rows[0]
    return instance.steps.get(seq=seq)


def _required(actor: ResolvedActor, spec: StepSpec, ctx: ActorContext) -> ResolvedActor:
    """The step's official; a vacant post is refused, naming the BKPSDM operators, who set a
    Plt. or Plh. for it."""
    if actor.person is None and actor.recorder is None:
        raise RuleViolation(
            code=WorkflowErrorCode.NO_ACTOR,
            message=_(
                "Langkah “%(step)s” tidak dapat dibuka: tidak ada pejabat yang menduduki jabatan itu."
            )
            % {"step": spec.label},
            rule=actor.rule,
            citation=actor.citation,
            instead=bkpsdm_operators(ctx.government_id, ctx.on),
            next_step=_(
                "Minta operator BKPSDM menetapkan Plt. atau Plh. pada jabatan itu, lalu coba lagi."
            ),
        )
    return actor


def _row(
    instance: WorkflowInstance,
    spec: StepSpec,
    actor: ResolvedActor,
    ctx: ActorContext,
    *,
    seq: int,
    index: int,
    length: int,
    at: dt.datetime,
) -> WorkflowStep:
    person = actor.person
    return WorkflowStep(
        government_id=instance.government_id,
        instance=instance,
        seq=seq,
        step_key=spec.id,
        label=spec.label,
        chain_index=index,
        chain_length=length,
        actor_expression=actor.expression,
        actor_id=actor.employee_id if not actor.external else None,
        actor_name=person.name if person else actor.agency_name,
        actor_position=person.position_title if person else "",
        actor_acting=person.acting if person else "",
        actor_rule=actor.rule,
        actor_citation=actor.citation,
        recorder_id=actor.recorder.employee_id if actor.external and actor.recorder else None,
        status=WorkflowStep.Status.OPEN if index == 0 else WorkflowStep.Status.PENDING,
        opened_at=at,
        due_at=step_due_at(at, spec.deadline_days, ctx.pack.parameters.deadline_days_count),
        citation=ctx.pack.cite(spec.citation),
    )


def chain_rest(ctx: ActorContext, spec: StepSpec, index: int) -> list[ResolvedActor]:
    """The nodes of a chain step from place `index` on, resolved on the context's day (the top
    official when the chain has grown shorter)."""
    actors = resolve_chain(ctx, chain_name(spec.actor), spec)
    return actors[min(index, len(actors) - 1) :]


def reopen_chain(
    instance: WorkflowInstance,
    spec: StepSpec,
    ctx: ActorContext,
    index: int,
    *,
    at: dt.datetime,
) -> WorkflowStep:
    """Open a chain again from place `index` (re-routing after a placement change): the nodes
    decided before it stay, the rest are resolved anew; return the open node."""
    actors = chain_rest(ctx, spec, index)
    seq = next_seq(instance)
    length = index + len(actors)
    rows = [
        _row(
            instance, spec, actor, ctx, seq=seq + offset, index=index + offset, length=length, at=at
        )
        for offset, actor in enumerate(actors)
    ]
    for offset, row in enumerate(rows):
        row.status = WorkflowStep.Status.OPEN if offset == 0 else WorkflowStep.Status.PENDING
    WorkflowStep.objects.bulk_create(rows)
    first = _first_row(instance, rows, seq)
    events.publish_on_commit(events.STEP_OPENED, step_id=first.pk)
    return first


def resolve_chain(ctx: ActorContext, name: str, spec: StepSpec) -> list[ResolvedActor]:
    """The officials of a chain on the day, in order, consecutive repeats collapsed."""
    chain = ctx.pack.data.chains[name]
    found: list[ResolvedActor] = []
    for index, node in enumerate(chain.nodes):
        for actor in _node(ctx, name, index, node):
            if actor.person is None:
                continue
            if found and found[-1].employee_id == actor.employee_id:
                continue
            found.append(actor)
    if not found:
        _required(
            ResolvedActor(f"chain:{name}", None, "", ctx.pack.cite(chain.citation)), spec, ctx
        )
    return found


def _node(ctx: ActorContext, name: str, index: int, node: ChainNode) -> list[ResolvedActor]:
    if node.actor:
        return [ctx.resolve(node.actor)]
    start = ctx.resolve(node.ascend_from).person
    if start is None or start.unit_id is None:
        return []
    if node.first_of:
        return _first_of(ctx, f"chain:{name}#{index}", start, node.first_of)
    until = ctx.resolve(node.until).employee_id if node.until else None
    climbed = []
    for answer in ctx.resolver.chain_above_unit(start.unit_id, ctx.on):
        climbed.append(answer_actor(f"chain:{name}#{index}", answer))
        if until is not None and answer.person and answer.person.employee_id == until:
            break
    return climbed


def _first_of(
    ctx: ActorContext, expression: str, start: Person, kinds: tuple[str, ...]
) -> list[ResolvedActor]:
    """The nearest head above `start` (climbing from their unit) whose position is of one of
    the kinds; none when no such head holds a post."""
    assert start.unit_id is not None  # noqa: S101 (checked by the caller)
    for answer in ctx.resolver.chain_above_unit(start.unit_id, ctx.on):
        person = answer.person
        if person is None or person.employee_id == start.employee_id:
            continue
        if person.position_kind in kinds:
            return [answer_actor(expression, answer)]
    return []


def _members(ctx: ActorContext, party: str, spec: StepSpec) -> list[int]:
    members = ctx.parties.employees(party)
    if not members:
        raise ValidationFailed(
            code=WorkflowErrorCode.NO_MEMBERS,
            message=_("Langkah “%(step)s” memerlukan paling sedikit satu anggota.")
            % {"step": spec.label},
        )
    return members


def _open_fan_out(
    instance: WorkflowInstance,
    spec: StepSpec,
    ctx: ActorContext,
    members: list[int],
    child: str,
    *,
    seq: int,
    at: dt.datetime,
) -> WorkflowStep:
    """A step decided by the engine once every member's child instance has closed."""
    from sikerja.workflows.engine import instance_start
    from sikerja.workflows.hooks import hooks_for

    step = WorkflowStep.objects.create(
        government_id=instance.government_id,
        instance=instance,
        seq=seq,
        step_key=spec.id,
        label=spec.label,
        actor_expression=SYSTEM_ACTOR,
        actor_name=_("Setiap anggota (%(count)s orang)") % {"count": len(members)},
        opened_at=at,
        citation=ctx.pack.cite(spec.citation),
    )
    hooks = hooks_for(instance.kind)
    for member_id in members:
        instance_start(
            government_id=instance.government_id,
            pack=ctx.pack,
            key=child,
            subject_type=instance.subject_type,
            subject_id=instance.subject_id,
            parties=hooks.child_parties(ctx.parties, member_id),
            requester_id=instance.requester_id,
            at=at,
            on=ctx.on,
            parent=instance,
            party_key=f"s{seq}.m{member_id}",
        )
    return step
