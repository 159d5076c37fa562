"""A change of placement while an individual report waits (issue 11, "re-routes open steps
explicitly and audited, never silently"): the Surakarta Kabid who receives a JF's report is moved;
until someone re-routes it the step still names him, and the explicit re-route moves it to the new
Kabid with an audit event naming both (and the engine's own re-route event)."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound, PermissionDenied
from sikerja.organization import services_people
from sikerja.organization.models import Placement
from sikerja.teams.services.individual_reports import individual_report_decide
from sikerja.teams.services.individual_reroute import individual_report_reroute
from sikerja.workflows.models import WorkflowStep
from tests.organization.builders import build_org
from tests.teams.work.flow import AT, DAY, open_step_of
from tests.teams.work.helpers import replace_kabid
from tests.teams.work.test_individual_reports import jf, open_for, submit

pytestmark = pytest.mark.django_db
LATER = DAY + dt.timedelta(days=3)


def _rerouted(report) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            action="teams.individual_report_rerouted",
            object_type="teams.individualreport",
            object_id=str(report.pk),
        )
    )


def test_the_new_kabid_takes_over_the_jf_report_waiting_for_the_moved_one():
    org = build_org("surakarta-2023")
    report = submit(open_for(jf(org)))
    waiting = open_step_of(report.workflow_instance_id)
    former, successor = replace_kabid(org, AT, LATER)

    untouched = open_step_of(report.workflow_instance_id).actor_id
    with pytest.raises(PermissionDenied):
        individual_report_reroute(report_id=report.pk, by=former, at=AT, on=LATER)
    moved = individual_report_reroute(report_id=report.pk, by=successor, at=AT, on=LATER)

    now_waiting = open_step_of(report.workflow_instance_id)
    (event,) = _rerouted(report)
    assert (waiting.actor_id, untouched) == (former.pk, former.pk)
    assert moved == (former.pk, successor.pk)
    assert (now_waiting.step_key, now_waiting.actor_id, now_waiting.chain_index) == (
        "review",
        successor.pk,
        0,
    )
    assert WorkflowStep.objects.get(pk=waiting.pk).status == WorkflowStep.Status.CANCELLED
    assert (event.actor_label, event.at) == (successor.nip, AT)
    assert {k: event.after[k] for k in ("former", "former_name", "new", "new_name")} == {
        "former": str(former.pk),
        "former_name": former.full_name,
        "new": str(successor.pk),
        "new_name": "Kepala Bidang Baru",
    }
    assert AuditEvent.objects.filter(
        action="workflow.rerouted", object_id=str(report.workflow_instance_id)
    ).values_list("before", "after").get() == (
        {"step": waiting.pk, "actor": former.pk},
        {"step": now_waiting.pk, "actor": successor.pk},
    )
    # the new Kabid passes it on; the chain goes on to the unit head as before
    individual_report_decide(
        step_id=now_waiting.pk, by=successor, decision="acknowledge", at=AT, on=LATER
    )
    assert open_step_of(report.workflow_instance_id).actor_id == org.people["dinas"].pk


def test_the_reporter_may_re_route_and_an_official_still_in_post_is_not_moved():
    org = build_org("surakarta-2023")
    author = jf(org)
    report = submit(open_for(author))
    stranger = org.people["sekretariat"]

    assert individual_report_reroute(report_id=report.pk, by=author, at=AT, on=DAY) is None
    with pytest.raises(PermissionDenied):
        individual_report_reroute(report_id=report.pk, by=stranger, at=AT, on=DAY)
    former, successor = replace_kabid(org, AT, LATER)
    assert individual_report_reroute(report_id=report.pk, by=author, at=AT, on=LATER) == (
        former.pk,
        successor.pk,
    )
    assert len(_rerouted(report)) == 1


def test_the_reporter_moving_to_another_bidang_moves_the_step_to_the_new_appraiser():
    org = build_org("surakarta-2023")
    author = jf(org)
    report = submit(open_for(author))
    org.unit("bidang2", "dinas", "Bidang Kesehatan Masyarakat", "BIDANG", "ADMINISTRATOR")
    kabid2 = org.person("Kepala Bidang Kesmas")
    org.place(kabid2, org.heads["bidang2"])
    services_people.placement_end(
        actor=org.actor,
        placement=Placement.objects.get(employee=author, valid_to__isnull=True),
        valid_to=LATER,
        at=AT,
    )
    org.place(
        author, org.position("bidang2", "Analis Kebijakan", "FUNGSIONAL", "AHLI_MUDA"), start=LATER
    )

    assert individual_report_reroute(report_id=report.pk, by=author, at=AT, on=LATER) == (
        org.people["bidang"].pk,
        kabid2.pk,
    )


def test_a_received_report_has_nothing_to_re_route():
    org = build_org("surakarta-2023")
    report = submit(open_for(jf(org)))
    for key in ("bidang", "dinas"):
        individual_report_decide(
            step_id=open_step_of(report.workflow_instance_id).pk,
            by=org.people[key],
            decision="acknowledge",
            at=AT,
            on=DAY,
        )
    with pytest.raises(NotFound):
        individual_report_reroute(report_id=report.pk, by=report.author, at=AT, on=DAY)
