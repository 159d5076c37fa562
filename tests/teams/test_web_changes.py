"""The active team's change pages: the owner unit's head replaces a member, records the lead's
vacancy (its V-13 due date shown, overdue flagged) and dissolves the team, each with a reason;
the Sekda (Surakarta's appointer, V-32) fills the lead; everyone else gets "not found"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Placement
from sikerja.regulations.loader import load_pack
from sikerja.teams.models import Team, TeamMember
from sikerja.teams.services import changes
from tests.clients import _empty_cache, client_of
from tests.teams.test_web_pages import detail_url, propose
from tests.teams.world import NOW, ON, counts, decide

__all__ = ["_empty_cache", "client_of"]


def active_team(persona) -> Team:
    """The Kepala Dinas's team, the JF lead chosen by the Sekda and set by Keputusan."""
    team = propose(persona)
    decide(team, "approve", lead_id=persona("jf_ahli_muda").pk)
    return decide(team, "approve")


def change_url(team, slug: str) -> str:
    return reverse("web:team-change", args=[team.pk, slug])


def colleague(persona):
    """A Pelaksana of the Kepala Dinas's agency who is not a persona."""
    agency = (
        Placement.objects.effective_on(ON)
        .filter(employee=persona("pelaksana"))
        .values_list("position__unit__agency_id", flat=True)
        .first()
    )
    return (
        Placement.objects.effective_on(ON)
        .filter(position__unit__agency_id=agency, position__kind="PELAKSANA")
        .exclude(employee__user__isnull=False)
        .order_by("pk")
        .first()
        .employee
    )


def vacate(team, persona, vacant_on: dt.date) -> Team:
    return changes.team_lead_vacate(
        team_id=team.pk,
        by=persona("kepala_dinas"),
        vacant_on=vacant_on,
        reason="Ketua tim mutasi",
        at=NOW,
        on=ON,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "links"),
    [
        ("kepala_dinas", ["ganti-anggota", "kosongkan-ketua", "bubarkan"]),
        ("sekda", []),
        ("jf_ahli_muda", []),
        ("pelaksana", []),
    ],
)
def test_the_team_page_offers_each_change_to_who_may_make_it_case(client_of, persona, name, links):
    team = active_team(persona)

    page = client_of(name).get(detail_url(team))

    assert [link.slug for link in page.context["extras"].changes] == links
    html = page.content.decode()
    assert f'href="{reverse("web:process-map", args=["WF-TEAM"])}"' in html
    answers = [client_of(name).get(change_url(team, slug)).status_code for slug in links]
    assert answers == [200] * len(links)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["sekda", "jf_ahli_muda", "pelaksana", "outsider"])
def test_someone_who_may_not_change_the_team_gets_not_found_case(client_of, persona, name):
    team = active_team(persona)
    before = counts()

    shown = client_of(name).get(change_url(team, "bubarkan"))
    posted = client_of(name).post(change_url(team, "bubarkan"), {"reason": "Selesai lebih awal"})

    assert (shown.status_code, posted.status_code) == (404, 404)
    assert counts() == before


@pytest.mark.django_db
def test_the_unit_head_replaces_a_member_with_a_reason_and_a_letter(client_of, persona):
    team = active_team(persona)
    old, new = persona("pelaksana"), colleague(persona)
    before = counts()
    last_event = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first()

    answer = client_of("kepala_dinas").post(
        change_url(team, "ganti-anggota"),
        {"old_employee_id": old.pk, "new_employee_id": new.pk, "reason": "Tugas belajar"},
    )

    assert (answer.status_code, answer.url) == (302, detail_url(team))
    assert list(
        TeamMember.objects.filter(team=team, role="MEMBER")
        .order_by("pk")
        .values_list("employee_id", "status", "end_reason")
    ) == [(old.pk, "ENDED", "Tugas belajar"), (new.pk, "ACTIVE", "")]
    assert counts()[3] == before[3] + 1
    assert list(
        AuditEvent.objects.filter(pk__gt=last_event).order_by("pk").values_list("action", flat=True)
    ) == ["letter.issued", "team.member_replaced"]


@pytest.mark.django_db
def test_a_change_without_its_reason_is_refused_at_the_field_and_writes_nothing(client_of, persona):
    team = active_team(persona)
    before = counts()

    answer = client_of("kepala_dinas").post(
        change_url(team, "ganti-anggota"),
        {"old_employee_id": persona("pelaksana").pk, "new_employee_id": colleague(persona).pk},
    )

    assert (answer.status_code, answer.context["page"].error.code) == (400, "team_fields_missing")
    assert answer.context["page"].form.errors["reason"] == ["Wajib diisi."]
    assert counts() == before


@pytest.mark.django_db
def test_v13_pasal_27_ayat_2_the_vacancy_gets_its_due_date_and_the_team_stays_active(
    client_of, persona
):
    team = active_team(persona)

    answer = client_of("kepala_dinas").post(
        change_url(team, "kosongkan-ketua"), {"vacant_on": "2026-11-02", "reason": "Mutasi"}
    )

    team.refresh_from_db()
    assert answer.status_code == 302
    assert (team.status, team.lead_id, team.lead_vacant_since, team.lead_due_on) == (
        "ACTIVE",
        None,
        dt.date(2026, 11, 2),
        dt.date(2027, 1, 31),
    )
    event = AuditEvent.objects.filter(action="team.lead_vacated").get()
    assert (event.rule, event.citation) == ("V-13", load_pack("surakarta-2023").cite_rule("V-13"))


@pytest.mark.django_db
def test_v13_an_overdue_vacancy_is_flagged_and_the_sekda_fills_it(client_of, persona):
    team = vacate(active_team(persona), persona, dt.date(2026, 6, 10))
    lead = persona("jf_ahli_muda")
    sekda = client_of("sekda")

    page = sekda.get(change_url(team, "isi-ketua"))
    filled = sekda.post(change_url(team, "isi-ketua"), {"lead_id": lead.pk})

    assert page.context["page"].lead_overdue is True
    html = page.content.decode()
    assert 'data-testid="lead-overdue"' in html
    assert "31 Juli 2026" in html
    assert filled.status_code == 302
    team.refresh_from_db()
    assert (team.lead_id, team.lead_vacant_since, team.lead_due_on) == (lead.pk, None, None)
    event = AuditEvent.objects.filter(action="team.lead_filled").get()
    assert (event.after["overdue"], event.rule) == (True, "V-13")


@pytest.mark.django_db
def test_only_the_appointer_fills_the_lead(client_of, persona):
    team = vacate(active_team(persona), persona, dt.date(2026, 11, 2))

    links = client_of("kepala_dinas").get(detail_url(team)).context["extras"].changes
    answer = client_of("kepala_dinas").get(change_url(team, "isi-ketua"))

    assert [link.slug for link in links] == ["ganti-anggota", "bubarkan"]
    assert answer.status_code == 404


@pytest.mark.django_db
def test_the_unit_head_dissolves_the_team_with_a_reason(client_of, persona):
    team = active_team(persona)

    answer = client_of("kepala_dinas").post(
        change_url(team, "bubarkan"), {"reason": "Kegiatan dibatalkan"}
    )

    team.refresh_from_db()
    assert answer.status_code == 302
    assert (team.status, team.end_reason, team.ended_on) == (
        "DISSOLVED",
        "Kegiatan dibatalkan",
        ON,
    )
    assert list(TeamMember.objects.filter(team=team).values_list("status", flat=True)) == [
        "ENDED",
        "ENDED",
    ]
