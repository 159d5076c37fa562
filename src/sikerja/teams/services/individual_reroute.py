"""Re-routing an individual report's open step after a change of placement: the step waiting
for an official of the chain was addressed to the one resolved when it opened; when that
official (or the reporter, whose appraiser follows them) has moved, the engine's audited
re-route moves it to whoever holds the post on the day, and the report's own trail names both.
Explicit and audited, never silent (issue 11, "Bad input and safety"), as for a team's work
(`teams.services.reroute`)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound
from sikerja.organization.models import Employee
from sikerja.teams.individual.rules import individual_report_rerouters
from sikerja.teams.models import IndividualReport
from sikerja.teams.services.individual_reports import audit_individual
from sikerja.teams.services.work_common import refuse_unless
from sikerja.workflows.lifecycle import instance_reroute
from sikerja.workflows.models import WorkflowInstance, WorkflowStep


@transaction.atomic(durable=True)
def individual_report_reroute(
    *, report_id: int, by: Employee, at: dt.datetime, on: dt.date
) -> tuple[int, int] | None:
    """Move the report's open step to the official who holds its post on the day, as its
    author, that official, or the head of the report's unit on the day. Returns (former, new)
    official, or None when the step's official is still in post (nothing written).

    Raises NotFound (not in the viewer's government, or no open step), PermissionDenied
    (anyone else).
    """
    report = (
        IndividualReport.objects.select_for_update(of=("self",))
        .select_related("government")
        .filter(pk=report_id, government_id=by.government_id)
        .first()
    )
    if report is None or report.workflow_instance_id is None:
        raise NotFound()
    step = WorkflowStep.objects.filter(
        instance_id=report.workflow_instance_id,
        instance__status=WorkflowInstance.Status.OPEN,
        status=WorkflowStep.Status.OPEN,
    ).first()
    if step is None:
        raise NotFound()
    refuse_unless(
        by.pk in individual_report_rerouters(report, step, on),
        _(
            "Pengalihan dilakukan oleh pegawai pelapor, pejabat yang kini memegang jabatan "
            "penerimanya, atau Pimpinan Unit Organisasinya."
        ),
    )
    moved = instance_reroute(
        instance_id=step.instance_id,
        operator_label=by.full_name,
        operator_user_id=by.user_id,
        at=at,
        on=on,
    )
    if moved is None:
        return None
    former, new = step.actor_id, moved.actor_id
    audit_individual(
        report,
        by,
        "teams.individual_report_rerouted",
        at,
        step=moved.step_key,
        former=str(former),
        former_name=step.actor_name,
        new=str(new),
        new_name=moved.actor_name,
        rule=moved.actor_rule,
        citation=moved.actor_citation,
    )
    return (int(former or 0), int(new or 0))
