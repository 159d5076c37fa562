"""Beranda, "what awaits me": the steps waiting for me by due date (overdue first), what I asked
and where it stands, the letters that name me, and the requests my roles let me start; the
roles and their citations are on the profile page. The clock is fixed (`timezone.now`)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from sikerja.documents.form import letter_name
from sikerja.documents.models import LetterParty
from sikerja.organization.selectors import resolver_for
from sikerja.regulations.loader import load_pack
from tests.assignments.web.test_world import client_for, cross_unit_request, open_step, partner_head
from tests.web.helpers import body, section, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    def set_to(at: dt.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: at)

    return set_to


def _items(html: str, testid: str) -> list[str]:
    parts = html.split(f'data-testid="{testid}"')[1:]
    return [text(part.split(">", 1)[1].split("</li>")[0]) for part in parts]


def _day(at: dt.datetime) -> str:
    return date_format(timezone.localtime(at).date())


def _requests(persona, now, today, count: int) -> list:
    return [
        cross_unit_request(persona, now, today, title=f"Kajian kebutuhan pegawai {n}")
        for n in range(count)
    ]


def test_a_step_waiting_for_me_shows_its_due_date(persona, now, today, clock):
    (request,) = _requests(persona, now, today, 1)
    clock(now + dt.timedelta(days=1))

    html = body(client_for(partner_head(request)), "/")

    assert _items(html, "waiting-item") == [
        f"Kajian kebutuhan pegawai 0 {open_step(request).label} "
        "Menunggu keputusan Anda Tenggat: 30 November 2026"
    ]
    assert "melewati tenggat" not in html


def test_overdue_steps_come_first_and_say_so(persona, now, today, clock):
    later = cross_unit_request(persona, now, today, title="Baru")
    earlier = cross_unit_request(persona, now - dt.timedelta(days=10), today, title="Lama")
    clock(now + dt.timedelta(days=1))

    html = body(client_for(partner_head(later)), "/")

    items = _items(html, "waiting-item")
    assert [item.split(" ")[0] for item in items] == ["Lama", "Baru"]
    assert items[0].endswith("Melewati tenggat: 20 November 2026")
    assert items[1].endswith("Tenggat: 30 November 2026")
    assert "1 langkah melewati tenggat." in text(html)
    assert open_step(earlier).due_at < now


def test_what_i_asked_shows_where_it_stands(client_of, persona, now, today, clock):
    (request,) = _requests(persona, now, today, 1)
    step = open_step(request)
    clock(now + dt.timedelta(days=1))

    html = body(client_of("kepala_dinas"), "/")

    assert _items(html, "requested-item") == [
        "Kajian kebutuhan pegawai 0 Berjalan "
        f"{step.label} — {step.actor_name} Diajukan {_day(request.created_at)}"
    ]


def test_letters_addressed_copied_or_signed_are_listed_with_my_part(
    client_of, persona, now, today, clock
):
    (request,) = _requests(persona, now, today, 1)
    head = partner_head(request)
    clock(now + dt.timedelta(days=1))
    parties = list(LetterParty.objects.filter(employee=head).select_related("letter"))

    html = body(client_for(head), "/")

    assert parties, "the request letter names the partner head"
    assert _items(html, "letter-item") == [
        f"{letter_name(p.letter)} {request.title} "
        f"{p.letter.number} · 23 November 2026 · {p.get_role_display()}"
        for p in parties
    ]


def test_the_actions_follow_my_position_and_the_pack(client_of):
    actions = {
        name: text(
            body(client_of(name), "/").split('data-testid="home-actions">')[1].split("</p>")[0]
        )
        for name in ("jf_ahli_muda", "kepala_dinas")
    }

    assert actions == {
        "jf_ahli_muda": "Ajukan penugasan Ajukan diri",
        "kepala_dinas": "Ajukan penugasan",
    }


def test_ajukan_diri_opens_the_form_as_a_voluntary_application(client_of):
    form = client_of("jf_ahli_muda").get("/penugasan/baru/?mode=VOLUNTARY").context["page"].form

    assert form["mode"].value() == "VOLUNTARY"


def test_roles_and_citations_are_on_the_profile_not_the_home_page(client_of, persona, today):
    jf = persona("jf_ahli_muda")
    answers = resolver_for(jf.government).roles_for(jf.pk, today)
    client = client_of("jf_ahli_muda")

    home = body(client, "/")
    profile = body(client, f"/pegawai/{jf.pk}/")

    assert 'data-role="' not in home
    for answer in answers:
        assert answer.citation in text(section(profile, answer.role))


WORK_TABLES = (
    'FROM "workflows_workflowstep"',
    'FROM "assignments_assignment"',
    'FROM "documents_letterparty"',
    'FROM "organization_delegation"',
)


def test_the_home_page_reads_the_same_queries_at_two_sizes(persona, now, today, clock):
    clock(now + dt.timedelta(days=1))
    first = _requests(persona, now, today, 1)
    head = partner_head(first[0])
    clients = {"requester": client_for(persona("kepala_dinas")), "head": client_for(head)}

    def count() -> dict[str, tuple[int, int]]:
        counts = {}
        for name, client in clients.items():
            with CaptureQueriesContext(connection) as queries:
                body(client, "/")
            work = [q for q in queries if any(table in q["sql"] for table in WORK_TABLES)]
            counts[name] = (len(queries), len(work))
        return counts

    count()  # the first visit warms the viewer's cached roles
    small = count()
    _requests(persona, now, today, 3)
    large = count()

    assert len(_items(body(clients["head"], "/"), "waiting-item")) == 4
    assert large == small
    # Delegations, waiting steps, my requests and my letters; the subjects' titles when waiting.
    assert {name: work for name, (_total, work) in large.items()} == {"requester": 4, "head": 5}


def test_in_english_the_step_is_named_by_the_pack_and_the_date_is_english(
    persona, now, today, clock
):
    (request,) = _requests(persona, now, today, 1)
    step = open_step(request)
    label_en = (
        load_pack(step.instance.pack_id)
        .data.workflows[step.instance.definition_key]
        .step(step.step_key)
        .label_en
    )
    client = client_for(partner_head(request))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    clock(now + dt.timedelta(days=1))

    with translation.override(settings.LANGUAGE_CODE):  # the request's English ends with it
        html = body(client, "/")

    assert _items(html, "waiting-item") == [
        f"Kajian kebutuhan pegawai 0 {label_en} Awaiting your decision Due: 30 November 2026"
    ]
