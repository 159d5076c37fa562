"""Key the teams' child tables by government, and lead their unique constraints and indexes with
it (docs/scaling.md: every tenant table is keyed by government).

Members, lead candidates, plans and their activities, work plans, dialogues, progress,
feedback, monitoring, obstacles and their follow-ups, and rework get a `government`: added
nullable, filled from the parent row (the team; a plan's activities from the plan, an
obstacle's follow-ups from the obstacle) in one UPDATE per table, idempotent, the same on SQLite
and PostgreSQL, then made NOT NULL. Their unique constraints and indexes get the government in
front; they mean the same, as a team and its rows belong to one government.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

# (model, parent model, parent column), parents first.
CHILDREN = (
    ("teammember", "team", "team_id"),
    ("leadcandidate", "team", "team_id"),
    ("teamplan", "team", "team_id"),
    ("planactivity", "teamplan", "plan_id"),
    ("workplan", "team", "team_id"),
    ("expectationdialogue", "team", "team_id"),
    ("progressentry", "team", "team_id"),
    ("feedback", "team", "team_id"),
    ("monitoringrecord", "team", "team_id"),
    ("obstacle", "team", "team_id"),
    ("obstaclefollowup", "obstacle", "obstacle_id"),
    ("rework", "team", "team_id"),
)


def governments_fill(apps, schema_editor):
    for name, parent_name, column in CHILDREN:
        model = apps.get_model("teams", name)
        parent = apps.get_model("teams", parent_name)
        government = parent.objects.filter(pk=OuterRef(column)).values("government_id")[:1]
        model.objects.filter(government__isnull=True).update(government_id=Subquery(government))


def _government(null):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="organization.government",
    )


def _index(model, fields, name):
    return [
        migrations.RemoveIndex(model_name=model, name=name),
        migrations.AddIndex(model_name=model, index=models.Index(fields=fields, name=name)),
    ]


def _unique(model, fields, name, condition=None):
    return [
        migrations.RemoveConstraint(model_name=model, name=name),
        migrations.AddConstraint(
            model_name=model,
            constraint=models.UniqueConstraint(fields=fields, condition=condition, name=name),
        ),
    ]


NOT_ENDED = ~models.Q(status="ENDED")

class Migration(migrations.Migration):
    dependencies = [
        ("organization", "0006_tenancy_unique"),
        ("teams", "0006_tenancy_keys"),
    ]

    operations = [
        *(migrations.AddField(name, "government", _government(null=True)) for name, _, _ in CHILDREN),
        migrations.RunPython(governments_fill, migrations.RunPython.noop),
        *(
            migrations.AlterField(name, "government", _government(null=False))
            for name, _, _ in CHILDREN
        ),
        *_index("teammember", ["government", "employee", "status"], "teammember_employee_status"),
        *_index("teamplan", ["government", "approver", "status"], "teamplan_approver_status"),
        *_index("expectationdialogue", ["government", "team", "employee"], "dialogue_team_employee"),
        *_index("progressentry", ["government", "team", "reported_on"], "progress_team_day"),
        *_index("progressentry", ["government", "employee", "reported_on"], "progress_employee_day"),
        *_index("feedback", ["government", "team", "about"], "feedback_team_about"),
        *_index("monitoringrecord", ["government", "team", "period"], "monitoring_team_period"),
        *_index("obstacle", ["government", "team", "status"], "obstacle_team_status"),
        *_index("rework", ["government", "owner", "status"], "rework_owner_status"),
        *_unique(
            "teammember",
            ["government", "team", "employee"],
            "teammember_one_current_per_person",
            NOT_ENDED,
        ),
        *_unique(
            "teammember",
            ["government", "team"],
            "teammember_one_current_lead",
            models.Q(role="LEAD") & NOT_ENDED,
        ),
        *_unique("leadcandidate", ["government", "team", "employee"], "leadcandidate_unique"),
        *_unique("planactivity", ["government", "plan", "seq"], "planactivity_seq_unique"),
        *_unique("workplan", ["government", "team", "employee"], "workplan_one_per_member"),
    ]
