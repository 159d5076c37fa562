"""Every tenant table is keyed by government, so the schema can be distributed by government
(docs/scaling.md): a test over all of Sikerja's models.

- A model is a tenant table (a `government_id` column), a reference table (replicated to every
  node) or global (not tenant data), each listed with a reason.
- A tenant table's unique constraints include `government_id` (a distributed PostgreSQL such as
  Citus enforces uniqueness only within a shard) and its declared indexes lead with it.
- A tenant table's foreign keys point to tenant tables of the same government or to reference
  tables: checked on the rows of the demo world, two governments with every kind of row.

The lists below are exact: a new model, index or constraint that breaks the rule fails here,
and one brought into line must leave its list.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models

from sikerja.organization.models import Government
from sikerja.teams.demo import demo_teams
from tests.conftest import NOW, TODAY

GOVERNMENT = "government_id"

REFERENCE = {
    "organization.Government": "the tenants themselves: a small reference table on every node",
    "auth.User": "Django's logins; an Account ties a login to its government",
}
GLOBAL = {
    "accounts.ApiToken": "looked up by hash before the government is known; per login",
    "api.IdempotencyKey": "per login and key, kept for a day; routed with the request",
}
# Unique constraints (and unique fields) of tenant tables without government_id.
UNIQUE_WITHOUT_GOVERNMENT = {
    "audit.AuditChainHead.government_id": "is the government itself",
    "organization.Employee.user": "one login, one employee: a global rule (auth.User)",
    "accounts.Account.user": "one login, one government: a global rule (auth.User)",
    "documents.LetterRevocation.letter": "one revocation per letter (a one-to-one field, read "
    "with the letter in one join): becomes unique (government_id, letter_id) on distribution",
    "documents.Letter.verification_code": "random, globally unique: checked on a reference "
    "lookup table when distributed",
    "performance.RhkProposal.rhk": "the RHK a proposal became (a one-to-one field): becomes "
    "unique (government_id, rhk_id) on distribution",
    "teams.TeamPlan.team": "one plan per team (a one-to-one field, read with the team in one "
    "join): becomes unique (government_id, team_id) on distribution",
}
# Declared indexes of tenant tables that do not lead with government_id.
INDEX_NOT_LEADING = {
    "audit.AuditEvent.audit_event_object_idx": "the object's history, within a shard",
    "organization.OrgUnit.orgunit_agency_path": "subtree by agency: routed by government",
    "organization.Placement.placement_employee_from": "by employee: routed by government",
    "organization.Placement.placement_position_from": "by position: routed by government",
    "organization.Delegation.delegation_from_scope": "by delegator: routed by government",
    "documents.Letter.letter_workflow_instance": "by instance: routed by government",
    "documents.Letter.letter_workflow_step": "by step: routed by government",
    "documents.LetterParty.letterparty_employee_role": "the letters naming a person: routed",
    "notifications.Notification.notification_unread": "a person's unread: routed by government",
    "workflows.WorkflowInstance.wfinstance_requester_status": "by requester: routed",
    "organization.ImportJob.import_job_status_queued": "the import worker's queue over every "
    "government (the next queued job); a worker per node when distributed",
    "workflows.WorkflowInstance.wfinstance_subject": "by subject: routed by government",
    "workflows.WorkflowStep.wfstep_actor_status": "an inbox, by its person: routed by government",
    "workflows.WorkflowStep.wfstep_recorder_status": "by person: routed by government",
    "workflows.WorkflowStep.wfstep_recommender_status": "by person: routed by government",
    "teams.Team.team_owner_status": "by unit: routed by government",
    "teams.TrainingNeedItem.training_item_open_idx": "a person's open needs: routed by government",
}
# Foreign keys of tenant tables allowed to point at another government's row.
ACROSS_GOVERNMENTS = {
    "assignments.Assignment.external_government": "a request to another government (V-22): "
    "a reference to the Government table",
}


def _models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("sikerja.")]


def _is_tenant(model: type[models.Model]) -> bool:
    return any(field.column == GOVERNMENT for field in model._meta.concrete_fields)


def _columns(model: type[models.Model], names) -> list[str]:
    return [model._meta.get_field(name.lstrip("-")).column for name in names]


def _tenants() -> list[type[models.Model]]:
    return [m for m in _models() if _is_tenant(m)]


def test_every_model_is_a_tenant_table_or_listed_with_a_reason():
    unkeyed = {m._meta.label for m in _models() if not _is_tenant(m)}

    assert unkeyed == (set(REFERENCE) | set(GLOBAL)) - {"auth.User"}


def test_unique_constraints_of_tenant_tables_include_the_government():
    found = set()
    for model in _tenants():
        label = model._meta.label
        for constraint in model._meta.constraints:
            fields = getattr(constraint, "fields", ())
            if fields and GOVERNMENT not in _columns(model, fields):
                found.add(f"{label}.{constraint.name}")
        for field in model._meta.concrete_fields:
            if field.unique and not field.primary_key and field.column != GOVERNMENT:
                found.add(f"{label}.{field.name}")
            if field.unique and field.column == GOVERNMENT:
                found.add(f"{label}.{field.column}")

    assert found == set(UNIQUE_WITHOUT_GOVERNMENT)


def test_declared_indexes_of_tenant_tables_lead_with_the_government():
    found = {
        f"{model._meta.label}.{index.name}"
        for model in _tenants()
        for index in model._meta.indexes
        if _columns(model, index.fields)[0] != GOVERNMENT
    }

    assert found == set(INDEX_NOT_LEADING)


def _more_team_work(team_id: int) -> None:
    """On the other government's team at work: the rows the demo does not make (a dialogue, a
    work plan acknowledged, monitoring, the obstacle decided and followed up, rework), through
    the services as the officials its pack names."""
    from sikerja.organization.models import Employee
    from sikerja.teams import rules
    from sikerja.teams.models import Obstacle, Team
    from sikerja.teams.services import execution, obstacles, planning

    team = Team.objects.select_related("government").get(pk=team_id)
    head = Employee.objects.get(pk=rules.team_manager(team, TODAY))
    lead = Employee.objects.get(pk=team.lead_id)
    member = team.memberships.exclude(employee=lead).first().employee
    day = {"at": NOW, "on": TODAY}
    planning.expectation_dialogue_record(
        team_id=team_id, by=head, employee_id=member.pk, expectations="Target", held_on=TODAY, **day
    )
    planning.work_plan_submit(team_id=team_id, by=member, content="Rencana", target="20", **day)
    planning.work_plan_acknowledge(team_id=team_id, by=lead, employee_id=member.pk, **day)
    execution.monitoring_record(
        team_id=team_id, by=head, findings="Sesuai", direction="", held_on=TODAY, **day
    )
    obstacle = Obstacle.objects.get(team_id=team_id)
    decider = Employee.objects.get(pk=obstacle.targets[0])
    obstacles.obstacle_decide(
        obstacle_id=obstacle.pk, by=decider, decision="Lanjutkan", collaborate=False, **day
    )
    obstacles.obstacle_follow_up(
        obstacle_id=obstacle.pk, by=decider, text="Selesai", close=True, **day
    )
    execution.rework_open(team_id=team_id, by=head, reason="Belum sesuai target", **day)


def _tenant_foreign_keys():
    for model in _tenants():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.column != GOVERNMENT:
                yield model, field


def test_foreign_keys_of_tenant_tables_point_to_tenant_or_reference_tables():
    wrong = {
        f"{model._meta.label}.{field.name}"
        for model, field in _tenant_foreign_keys()
        if not _is_tenant(field.related_model) and field.related_model._meta.label not in REFERENCE
    }

    assert wrong == set()


@pytest.mark.django_db
def test_no_row_refers_to_a_row_of_another_government(world, settings, tmp_path):
    call_command("demo_requests")  # requests, steps and letters in every state
    call_command("demo_performance")  # PKs, SKPs, RHK, ratings and unit levels
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"
    for government in Government.objects.filter(
        pk__in=[world.government_id, world.other_government_id]
    ).order_by("pk"):
        # teams in every state, with their plans, progress, evidence, feedback, obstacles,
        # reports and evaluation
        outcomes = demo_teams(government=government, at=NOW, on=TODAY)
    _more_team_work(outcomes[3].team_id)
    call_command("performance_feed_sync")  # the RHK the approved requests and teams propose
    counts = {}
    for model, field in _tenant_foreign_keys():
        label = f"{model._meta.label}.{field.name}"
        if not _is_tenant(field.related_model) or label in ACROSS_GOVERNMENTS:
            continue
        other = f"{field.name}__{GOVERNMENT}"
        rows = model.objects.filter(**{f"{field.name}__isnull": False})
        counts[label] = (
            rows.count(),
            rows.exclude(**{other: models.F(GOVERNMENT)}).count(),
        )

    assert {label: across for label, (_, across) in counts.items() if across} == {}
    assert {label for label, (total, _) in counts.items() if not total} == {
        "organization.Delegation.from_employee",  # the demo has no delegation
        "organization.Delegation.to_employee",
        "organization.Delegation.unit",
        "organization.Position.field_unit",  # ... nor a position's recorded field (V-46)
        "workflows.WorkflowStep.recorder",  # ... nor a step of another government's official
        "documents.LetterRevocation.letter",  # ... nor a revoked letter
        "documents.LetterFile.letter",  # ... nor a letter's stored PDF
        "notifications.Notification.recipient",  # notifications are sent on commit
        "notifications.StepReminder.step",  # ... and reminders by the daily command
        "teams.Team.pengendali",  # ... nor a team's Pengendali
        "teams.ProgressEntry.activity",  # ... nor progress or rework tied to a plan activity
        "teams.Rework.activity",
        "teams.Rework.evaluation",  # ... nor rework opened by an evaluation's return
        "performance.RhkProposal.decided_by",  # ... nor a proposed RHK decided by its appraiser
        "performance.RhkProposal.rhk",  # ... so none became an RHK
        "performance.PkActivity.agreement",  # the demo's PKs are unit PKs, without activities
        "performance.Objection.decided_by",  # the demo's objection is pending
        "performance.Consideration.rating",  # ... nor a Kepala Bagian's consideration (V-46)
        "performance.Consideration.given_by",
        "performance.Consideration.recorded_by",
        "performance.ActivityItemTarget.dialogue",  # ... nor an activity-item target (V-60)
        "performance.ActivityItemTarget.set_by",
        "performance.ActivityItemTarget.rhk",
        "performance.RoleAgreement.employee",  # ... nor a lead's or Pengendali's PK (V-27a)
        "performance.RoleAgreement.set_by",
        "performance.RoleAgreementIndicator.agreement",
    }
