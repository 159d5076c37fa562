"""A team's work: the lead's plan and its activities, members' work plans, expectation
dialogues, progress entries, feedback, monitoring, obstacles with their follow-ups, and rework.

Imported by `sikerja.teams.models`, so these are models of the teams app.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel
from sikerja.organization.models import Employee, Government


class TeamPlan(TimeStampedModel):
    """The lead's detailed plan of the team's activities (K1), set by the official the pack
    names where it names one."""

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Draf")
        SUBMITTED = "SUBMITTED", _("Diajukan")
        RETURNED = "RETURNED", _("Dikembalikan untuk diperbaiki")
        APPROVED = "APPROVED", _("Ditetapkan")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.OneToOneField("teams.Team", on_delete=models.CASCADE, related_name="plan")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)
    strategy = models.TextField(blank=True)
    expected_target = models.TextField(blank=True)
    drafted_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    approver = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["government", "approver", "status"], name="teamplan_approver_status"
            )
        ]

    def __str__(self) -> str:
        return f"{self.team_id} v{self.version} ({self.status})"


class PlanActivity(models.Model):
    """One activity of the plan: its output, target, schedule, budget and who carries it."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(TeamPlan, on_delete=models.CASCADE, related_name="activities")
    seq = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=250)
    output = models.CharField(max_length=250)
    target = models.CharField(max_length=250)
    starts_on = models.DateField()
    ends_on = models.DateField()
    budget = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    assignee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "plan", "seq"], name="planactivity_seq_unique"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="planactivity_period_order"
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="planactivity_budget"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class WorkPlan(TimeStampedModel):
    """A member's individual work plan in the team (A1), acknowledged by the lead."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="work_plans")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    content = models.TextField()
    target = models.CharField(max_length=250)
    submitted_at = models.DateTimeField()
    acknowledged_by = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "team", "employee"], name="workplan_one_per_member"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.employee_id}"


class ExpectationDialogue(models.Model):
    """A performance dialogue that set and clarified a member's expectations for the team's
    work (V-59), held with the unit head or the appraiser."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="dialogues")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    official = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    official_role = models.CharField(max_length=20)
    expectations = models.TextField()
    held_on = models.DateField()
    recorded_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["government", "team", "employee"], name="dialogue_team_employee")
        ]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.employee_id} ({self.held_on})"


class ProgressEntry(models.Model):
    """A member's report of progress on the team's work, with its evidence files."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="progress")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    activity = models.ForeignKey(
        PlanActivity, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reported_on = models.DateField()
    reported_at = models.DateTimeField()
    summary = models.TextField()
    percent_complete = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["government", "team", "reported_on"], name="progress_team_day"),
            models.Index(
                fields=["government", "employee", "reported_on"], name="progress_employee_day"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent_complete__lte=100), name="progress_percent_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.employee_id} {self.reported_on}"


class Feedback(models.Model):
    """Feedback on a member's work (K4; the appraiser's direction and input) by the lead, the
    appraiser or the unit head, as the pack names them."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="feedback")
    progress = models.ForeignKey(
        ProgressEntry, on_delete=models.CASCADE, null=True, blank=True, related_name="feedback"
    )
    about = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    by_role = models.CharField(max_length=20)
    text = models.TextField()
    given_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["government", "team", "about"], name="feedback_team_about")]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.by_role} → {self.about_id}"


class MonitoringRecord(models.Model):
    """Monitoring and evaluation of the team's work by the official the pack names, for a
    period (V-30 quarterly, V-30a periodic) or at any time."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="monitoring")
    by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    by_role = models.CharField(max_length=20)
    period = models.CharField(max_length=10)
    held_on = models.DateField()
    findings = models.TextField()
    direction = models.TextField(blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["government", "team", "period"], name="monitoring_team_period")
        ]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.period}"


class Obstacle(TimeStampedModel):
    """A problem or obstacle (permasalahan dan kendala) of the team's work, raised with its
    alternative recommendations (V-55) to the target the pack's route names (V-56)."""

    class Status(models.TextChoices):
        UNDER_DECISION = "UNDER_DECISION", _("Menunggu keputusan")
        DECIDED = "DECIDED", _("Diputuskan")
        COLLABORATION = "COLLABORATION", _("Diteruskan untuk kolaborasi")
        CLOSED = "CLOSED", _("Selesai")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="obstacles")
    raised_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField()
    scope = models.CharField(max_length=16)
    problem = models.TextField()
    recommendations = models.JSONField(default=list)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.UNDER_DECISION)
    targets = models.JSONField(default=list, help_text="V-56: first targets (employee ids)")
    collaborators = models.JSONField(default=list, help_text="heads where members sit")
    route_specified = models.BooleanField(default=True)
    decision = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["government", "team", "status"], name="obstacle_team_status")
        ]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.problem[:40]}"


class ObstacleFollowUp(models.Model):
    """A follow-up recorded on an obstacle: by its decider, by a unit head asked to
    collaborate, or by the lead."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="follow_ups")
    by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.obstacle_id}: {self.by_id}"


class Rework(TimeStampedModel):
    """Work that missed its target, to be improved by its owner (V-58: the unit head in
    Surakarta; elsewhere the level below, a product decision); opened by hand, or by a
    reviewer's return of the team's results (`evaluation`), whose review resumes when it is
    done."""

    class Status(models.TextChoices):
        OPEN = "OPEN", _("Perlu diperbaiki")
        DONE = "DONE", _("Sudah diperbaiki")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="rework")
    activity = models.ForeignKey(
        PlanActivity, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    owner_role = models.CharField(max_length=20)
    reason = models.TextField()
    opened_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField()
    status = models.CharField(max_length=4, choices=Status.choices, default=Status.OPEN)
    resolution = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    evaluation = models.ForeignKey(
        "teams.TeamEvaluation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rework",
    )

    class Meta:
        indexes = [
            models.Index(fields=["government", "owner", "status"], name="rework_owner_status")
        ]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.status}"
