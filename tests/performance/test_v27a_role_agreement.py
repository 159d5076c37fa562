"""V-27a (Perwali Surakarta 32/2023 Pasal 21 ayat (1), Pasal 25 ayat (1)): a team lead and a
Pengendali sign a Perjanjian Kinerja of the tasks from the head of the agency or their direct
superior, with indicators; kept as a PK and cascaded into their SKP as the team's RHK (SPEC §6.2,
product decision). The other packs name no such PK (SILENT): refused with the rule."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from sikerja.accounts.models import Account
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.performance import services
from sikerja.performance.models import Rhk, RhkProposal, RoleAgreement
from sikerja.performance.services.feed import rhk_proposal_accept
from sikerja.performance.services.role_agreements import RoleIndicatorInput, role_agreement_set
from tests.clients import ApiClient
from tests.performance.test_feed import surakarta_team  # noqa: F401 (fixture)
from tests.teams.work.test_report_rules import kotim_team
from tests.teams.world import NOW, ON

TASKS = (
    RoleIndicatorInput("Mengoordinasikan pendataan", "Data sarana terverifikasi", "40 sarana"),
    RoleIndicatorInput("Melaporkan hasil tim", "Laporan triwulanan tepat waktu", "4 laporan"),
)


def _set(actor, team, role="LEAD", indicators=TASKS):
    return role_agreement_set(
        actor=actor, team_id=team.pk, role=role, year=2026, indicators=indicators, at=NOW, on=ON
    )


def _logged_in(org, employee) -> Client:
    """A page client logged in as an employee of a built pemda (given a login of their own)."""
    user = get_user_model().objects.create_user(username=f"uji-{employee.pk}")
    Employee.objects.filter(pk=employee.pk).update(user=user)
    Account.objects.create(user=user, government=org.government, role="EMPLOYEE")
    client = Client()
    client.force_login(user)
    return client


def _counts():
    return (RoleAgreement.objects.count(), AuditEvent.objects.count())


@pytest.mark.django_db
def test_v27a_pasal_21_ayat_1_the_leads_pk_is_set_by_the_superior_and_cascades_into_the_skp(
    surakarta_team,  # noqa: F811
):
    org, people, _outsider, team = surakarta_team
    lead, kabid = people["ahli_muda"], org.people["bidang"]

    first = _set(kabid, team)
    amended = _set(kabid, team, indicators=TASKS[:1])
    skp = services.skp_create(actor=lead, year=2026, at=NOW, on=ON)
    proposal = RhkProposal.objects.get(employee=lead, source="TEAM", source_id=team.pk)
    rhk_proposal_accept(actor=kabid, proposal_id=proposal.pk, at=NOW, on=ON)

    first.refresh_from_db()
    assert (first.version, first.is_current, first.employee_id) == (1, False, lead.pk)
    assert (amended.version, amended.is_current, amended.setter_rule) == (2, True, "V-27a")
    assert list(amended.indicators.values_list("task", "indicator", "target")) == [
        ("Mengoordinasikan pendataan", "Data sarana terverifikasi", "40 sarana")
    ]
    rhk = Rhk.objects.get(skp=skp)
    assert (rhk.kind, rhk.text) == ("TAMBAHAN", team.name)
    assert list(rhk.indicators.values_list("text", "target")) == [
        ("Data sarana terverifikasi", "40 sarana")
    ]
    assert (
        AuditEvent.objects.filter(action="performance.role_agreement_set", rule="V-27a").count()
        == 2
    )


@pytest.mark.django_db
def test_v27a_refusals_write_nothing(surakarta_team):  # noqa: F811
    org, people, _outsider, team = surakarta_team
    kabid = org.people["bidang"]
    before = _counts()

    with pytest.raises(ValidationFailed) as empty:
        _set(kabid, team, indicators=())
    with pytest.raises(PermissionDenied):
        _set(people["pelaksana"], team)
    with pytest.raises(ValidationFailed) as vacant:
        _set(kabid, team, role="PENGENDALI")

    assert (empty.value.code, vacant.value.code) == (
        "role_pk_indicators_required",
        "role_pk_role_vacant",
    )
    assert _counts() == before


@pytest.mark.django_db
def test_v27a_kotim_silent_names_no_lead_pk():
    org, _people, team = kotim_team()

    with pytest.raises(RuleViolation) as refused:
        _set(org.people["bidang"], team)

    assert (refused.value.code, refused.value.rule) == ("role_pk_not_provided", "V-27a")
    assert not RoleAgreement.objects.exists()


@pytest.mark.django_db
def test_v27a_the_api_sets_the_leads_pk(surakarta_team):  # noqa: F811
    org, people, _outsider, team = surakarta_team
    client = _logged_in(org, org.people["bidang"])
    body = {
        "role": "LEAD",
        "year": 2026,
        "indicators": [{"task": "Koordinasi", "indicator": "Data terverifikasi", "target": "40"}],
    }

    answer = ApiClient(client).post(
        f"/performance/teams/{team.pk}/role-agreements", body, **{"Idempotency-Key": "pk-lead"}
    )

    assert answer.status_code == 201, answer.json()
    assert (answer.json()["employee_id"], answer.json()["version"]) == (people["ahli_muda"].pk, 1)
    assert answer.json()["indicators"] == body["indicators"]


@pytest.mark.django_db
def test_v27a_the_superior_sets_the_leads_pk_from_the_leads_skp_page(surakarta_team):  # noqa: F811
    org, people, _outsider, _team = surakarta_team
    lead = people["ahli_muda"]
    skp = services.skp_create(actor=lead, year=2026, at=NOW, on=ON)
    proposal = RhkProposal.objects.get(employee=lead, source="TEAM")
    client = _logged_in(org, org.people["bidang"])

    before = client.get(reverse("web:skp-detail", args=[skp.pk])).content.decode()
    client.post(
        reverse("web:role-agreement-set", args=[skp.pk, proposal.pk]),
        {"task": "Koordinasi", "indicator": "Data terverifikasi", "target": "40"},
    )
    after = client.get(reverse("web:skp-detail", args=[skp.pk])).content.decode()

    assert 'data-testid="role-agreement-form"' in before
    assert after.count('data-testid="role-indicator"') == 1
    assert RoleAgreement.objects.get().employee_id == lead.pk
