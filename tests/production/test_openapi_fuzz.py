"""schemathesis against API v1's OpenAPI: every operation, as the BKPSDM operator and as a JF.

Each operation gets a bounded number of generated requests (positive and negative examples) per
role, sent in process through Django's WSGI handler with the role's Bearer token. Checks: no
server error (5xx) and every documented response matches its schema.
"""

from __future__ import annotations

import datetime as dt

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from sikerja.accounts.tokens import api_token_create

EXAMPLES = 12  # per operation and role: ~25 operations x 2 roles in about a minute

pytestmark = pytest.mark.slow


# Loaded at collection (pytest-django has set Django up by then): the schema needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def _connection_kept():
    """Keep the test's connection (and transaction) across requests, as Django's test client
    does: the WSGI handler closes old connections when a request starts and finishes."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _bearer(user, at) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_token_create(user=user, label='schemathesis', at=at)}"}


@pytest.fixture
def operator_bearer(_connection_kept, world, user_of, now) -> dict[str, str]:
    return _bearer(user_of("bkpsdm"), now)


@pytest.fixture
def jf_bearer(_connection_kept, world, user_of, now) -> dict[str, str]:
    return _bearer(user_of("jf_ahli_muda"), now)


def _call_and_validate(case, headers: dict[str, str]):
    return case.call_and_validate(
        headers=headers, checks=[not_a_server_error, response_schema_conformance]
    )


BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@BOUNDED
def test_as_the_bkpsdm_operator(case, operator_bearer):
    _call_and_validate(case, operator_bearer)


@schema.parametrize()
@BOUNDED
def test_as_a_jf(case, jf_bearer):
    _call_and_validate(case, jf_bearer)


def _reported(team, lead) -> tuple[int, int]:
    """The team made active, its reports opened and its results submitted for evaluation."""
    from sikerja.teams.models import TeamReport
    from sikerja.teams.services.evaluation import team_evaluation_submit
    from sikerja.teams.services.evidence import Upload
    from sikerja.teams.services.reports import team_reports_open
    from tests.teams.work.flow import AT, DAY
    from tests.teams.world import decide

    decide(team, "approve", lead_id=lead.pk)
    decide(team, "approve")
    team_reports_open(team_id=team.pk, at=AT, on=DAY)
    evaluation = team_evaluation_submit(
        team_id=team.pk,
        by=lead,
        results="Data terverifikasi",
        uploads=[Upload(name="hasil.pdf", content=b"%PDF-1.4\n%%EOF\n")],
        at=AT,
        on=DAY,
    )
    return TeamReport.objects.filter(team=team).order_by("pk").first().pk, evaluation.pk  # type: ignore[union-attr]


def _real_path_parameters(world, persona) -> dict[str, object]:
    """An existing object for every path parameter of a read, from the demo world with its
    sample requests: the generated examples above mostly name objects that do not exist."""
    from sikerja.assignments.models import Assignment
    from sikerja.documents.models import Letter
    from sikerja.organization.models import Placement
    from sikerja.teams.services import team_propose
    from sikerja.teams.services.evidence import Upload, evidence_save
    from sikerja.teams.services.individual_reports import (
        individual_evidence_upload,
        individual_report_create,
    )
    from sikerja.workflows.models import WorkflowInstance
    from tests.performance import objection_world
    from tests.performance.notes_world import attach
    from tests.teams.world import NOW, ON, team_input

    call_command("demo_requests")
    jf = persona("jf_ahli_muda")
    # the JF's signed rating and its objection, before the JF joins a team (V-59)
    objection = objection_world.jf_objection(persona)
    skp = objection.rating.skp
    team = team_propose(
        requester=persona("kepala_dinas"),
        data=team_input(candidate_ids=[jf.pk], appraiser_consideration="Kompeten"),
        at=NOW,
        on=ON,
    )
    evidence = evidence_save(
        team=team,
        by=jf,
        upload=Upload(name="bukti.pdf", content=b"%PDF-1.4\n%%EOF\n"),
        owner_kind="",
        owner_id=None,
        at=NOW,
        written=[],
    )
    report_id, evaluation_id = _reported(team, jf)
    rhk_evidence = attach(jf, skp.rhks.order_by("pk").first())  # about the year: still open
    individual = individual_report_create(by=jf, period_start=dt.date(2026, 10, 1), at=NOW, on=ON)
    individual_evidence = individual_evidence_upload(
        report_id=individual.pk,
        by=jf,
        upload=Upload(name="bukti.pdf", content=b"%PDF-1.4\n%%EOF\n"),
        at=NOW,
    )
    unit = (
        Placement.objects.select_related("position__unit")
        .get(employee=jf, kind="DEFINITIVE", valid_to__isnull=True)
        .position.unit
    )
    return {
        "nip": jf.nip,
        "agency_id": unit.agency_id,
        "unit_id": unit.pk,
        "assignment_id": Assignment.objects.filter(government_id=world.government_id)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first(),
        "letter_id": Letter.objects.filter(government_id=world.government_id)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first(),
        "team_id": team.pk,
        "evidence_id": evidence.pk,
        "report_id": report_id,
        "individual_report_id": individual.pk,
        "individual_evidence_id": individual_evidence.pk,
        "evaluation_id": evaluation_id,
        "skp_id": skp.pk,
        "file_id": rhk_evidence.pk,
        "rating_id": objection.rating_id,
        "objection_id": objection.pk,
        # the period of that rating, for reads that ask for one
        "year": objection.rating.skp.year,
        "period_kind": objection.rating.period_kind,
        "period_index": objection.rating.period_index,
        "key": WorkflowInstance.objects.filter(government_id=world.government_id)
        .values_list("definition_key", flat=True)
        .first(),
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("_connection_kept")
@pytest.mark.parametrize("role", ["bkpsdm", "jf_ahli_muda"])
def test_every_read_of_an_existing_object_matches_its_schema(
    world, persona, user_of, now, role, settings, tmp_path
):
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path
    real = _real_path_parameters(world, persona)
    headers = _bearer(user_of(role), now)
    reads = [op.ok() for op in schema.get_all_operations() if op.ok().method == "get"]
    statuses = {}

    for operation in reads:
        names = [parameter.name for parameter in operation.path_parameters]
        query = {
            parameter.name: real[parameter.name]
            for parameter in operation.query
            if parameter.is_required
        }
        case = operation.Case(
            path_parameters={name: real[name] for name in names}, query=query or None
        )
        statuses[operation.path] = _call_and_validate(case, headers).status_code

    assert len(statuses) == len(reads) == 44
    if role == "bkpsdm":  # the operator sees every object of the government, but the results
        # a leader weighs when setting a unit's level answer only that leader (SPEC 10.3 item 4)
        level_setter_only = statuses.pop("/api/v1/performance/units/{unit_id}/declared-results")
        assert (set(statuses.values()), level_setter_only) == ({200}, 404)
    else:  # a JF reads about themself and their requests; other objects are hidden (404)
        assert set(statuses.values()) == {200, 404}
        assert statuses["/api/v1/employees/{nip}"] == 200
