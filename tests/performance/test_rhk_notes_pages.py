"""Feedback and evidence on the pages: beside each RHK on the SKP page (the employee answers
there) and on the rating form (about the period), given and attached from them, the download
answering only those who may see the SKP, the lead's page of the RHK their teams fed; constant
queries whatever the number of RHK and notes."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikerja.accounts.models import Account
from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Employee
from sikerja.performance.models import RhkEvidence, RhkFeedback
from sikerja.teams.models import TeamMember
from tests.performance.notes_world import attach, fed_member, fed_skp, give, stored_files
from tests.performance.test_ratings import draft
from tests.performance.world import rhk
from tests.teams.work import samples

pytestmark = pytest.mark.django_db


def detail_of(skp) -> str:
    return reverse("web:skp-detail", args=[skp.pk])


def rating_of(skp, index: int = 4) -> str:
    return f"{reverse('web:rating-form', args=[skp.pk])}?period_kind=QUARTERLY&period_index={index}"


def test_the_skp_page_shows_feedback_and_evidence_beside_each_rhk(
    team, persona, client_of, evidence_root
):
    skp = team["jf"]
    main = skp.rhks.get()
    give(persona("kabid"), main, "Tambah sekolah binaan", ("QUARTERLY", 4))
    attach(persona("jf_ahli_muda"), main, "daftar hadir.pdf")

    page = client_of("jf_ahli_muda").get(detail_of(skp)).content.decode()
    appraiser_page = client_of("kabid").get(detail_of(skp)).content.decode()

    assert page.count('data-testid="rhk-note"') == 1
    assert "Tambah sekolah binaan" in page
    assert "daftar hadir.pdf" in page
    # The employee answers feedback and attaches evidence; only the appraiser gives feedback.
    assert page.count('data-testid="feedback-ack-form"') == 1
    assert page.count('data-testid="feedback-form"') == 0
    assert page.count('data-testid="evidence-form"') == 1
    assert appraiser_page.count('data-testid="feedback-form"') == 1
    assert appraiser_page.count('data-testid="feedback-ack-form"') == 0


def test_the_appraiser_gives_feedback_from_the_rating_form_about_its_period(
    team, persona, client_of
):
    skp = team["jf"]
    main = skp.rhks.get()
    kabid = client_of("kabid")
    form = kabid.get(rating_of(skp)).content.decode()

    response = kabid.post(
        reverse("web:rhk-feedback-give", args=[skp.pk, main.pk]),
        {"text": "Laporan triwulan rapi", "period": "QUARTERLY:4", "back": "rating"},
    )
    shown = kabid.get(rating_of(skp)).content.decode()
    other_quarter = kabid.get(rating_of(skp, 3)).content.decode()

    assert 'name="period" value="QUARTERLY:4"' in form
    assert (response.status_code, response["Location"]) == (302, rating_of(skp))
    note = RhkFeedback.objects.get()
    assert (note.period_kind, note.period_index, note.giver_role) == ("QUARTERLY", 4, "APPRAISER")
    assert "Laporan triwulan rapi" in shown
    assert "Laporan triwulan rapi" not in other_quarter


def test_the_employee_acknowledges_and_replies_from_the_skp_page(team, persona, client_of):
    skp = team["jf"]
    note = give(persona("kabid"), skp.rhks.get(), "Perbaiki format laporan")
    own = client_of("jf_ahli_muda")
    listed = own.get(reverse("web:skp-mine")).content.decode()

    own.post(
        reverse("web:rhk-feedback-acknowledge", args=[skp.pk, note.pk]),
        {"reply": "Sudah saya ubah"},
    )
    page = own.get(detail_of(skp)).content.decode()

    assert listed.count('data-testid="unread-feedback"') == 1
    assert RhkFeedback.objects.get().reply == "Sudah saya ubah"
    assert 'data-testid="feedback-ack"' in page
    assert "Sudah saya ubah" in page
    assert 'data-testid="unread-feedback"' not in own.get(reverse("web:skp-mine")).content.decode()


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("jf_ahli_muda", 302),  # the employee: refused by the rule, the article shown
        ("kepala_dinas", 302),  # a superior sees the SKP but gives no feedback
        ("outsider", 404),  # cannot see the SKP
        ("other_tenant", 404),
    ],
)
def test_feedback_from_a_page_by_anyone_but_the_appraiser_is_refused_case(
    team, client_of, name, status
):
    skp = team["jf"]
    url = reverse("web:rhk-feedback-give", args=[skp.pk, skp.rhks.get().pk])

    response = client_of(name).post(url, {"text": "Catatan"}, follow=status == 302)

    assert response.status_code == (200 if status == 302 else 404)
    if status == 302:
        assert "Pasal 28 ayat (1) huruf b" in response.content.decode()
    assert not RhkFeedback.objects.exists()


def test_evidence_is_uploaded_from_the_skp_page_and_downloaded_as_kept(
    team, client_of, evidence_root
):
    skp = team["jf"]
    content = samples.png()

    response = client_of("jf_ahli_muda").post(
        reverse("web:rhk-evidence-upload", args=[skp.pk, skp.rhks.get().pk]),
        {"file": SimpleUploadedFile("foto.png", content, "image/png"), "period": ""},
    )
    kept = RhkEvidence.objects.get()
    download = client_of("kabid").get(reverse("web:rhk-evidence-download", args=[skp.pk, kept.pk]))

    assert (response.status_code, response["Location"]) == (302, detail_of(skp))
    assert (download.status_code, download.content) == (200, content)
    assert download["Content-Type"] == "image/png"
    assert download["Content-Disposition"] == 'attachment; filename="foto.png"'
    assert download["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("jf_ahli_muda", 200),
        ("kabid", 200),
        ("kepala_dinas", 200),
        ("bkpsdm", 200),
        ("subkoordinator", 404),
        ("outsider", 404),
        ("pelaksana", 404),
        ("other_tenant", 404),
    ],
)
def test_an_evidence_file_is_downloaded_only_by_those_who_see_the_skp_case(
    team, persona, client_of, evidence_root, name, status
):
    skp = team["jf"]
    kept = attach(persona("jf_ahli_muda"), skp.rhks.get())

    response = client_of(name).get(reverse("web:rhk-evidence-download", args=[skp.pk, kept.pk]))
    elsewhere = client_of(name).get(
        reverse("web:rhk-evidence-download", args=[team["sub"].pk, kept.pk])
    )

    assert response.status_code == status
    assert elsewhere.status_code == 404


def test_a_refused_upload_from_the_page_keeps_nothing(team, client_of, evidence_root):
    skp = team["jf"]
    before = AuditEvent.objects.count()

    response = client_of("jf_ahli_muda").post(
        reverse("web:rhk-evidence-upload", args=[skp.pk, skp.rhks.get().pk]),
        {"file": SimpleUploadedFile("../../skrip.pdf", samples.HTML, "application/pdf")},
        follow=True,
    )

    assert response.status_code == 200
    assert "Berkas bukti harus PDF" in response.content.decode()
    assert not RhkEvidence.objects.exists()
    assert stored_files(evidence_root) == []
    assert AuditEvent.objects.count() == before


def test_the_lead_gives_feedback_from_their_page_without_seeing_the_members_skp(
    django_capture_on_commit_callbacks,
):
    _org, lead, member, team, skp = fed_member(django_capture_on_commit_callbacks)
    client = Client()
    client.force_login(login_of(lead))
    fed = skp.rhks.get()

    page = client.get(reverse("web:feedback-led")).content.decode()
    response = client.post(
        reverse("web:rhk-feedback-give", args=[skp.pk, fed.pk]),
        {"text": "Analisis sudah tajam", "back": "lead"},
    )
    after = client.get(reverse("web:feedback-led")).content.decode()
    hidden = client.get(detail_of(skp))

    assert page.count('data-testid="led-rhk"') == 1
    assert member.full_name in page
    assert (response.status_code, response["Location"]) == (302, reverse("web:feedback-led"))
    assert RhkFeedback.objects.get().giver_role == "TEAM_LEAD"
    assert "Analisis sudah tajam" in after
    assert hidden.status_code == 404
    assert team.lead_id == lead.pk


def test_the_leads_page_keeps_its_queries_with_1_and_3_fed_rhk(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    _org, lead, member, team, skp = fed_member(
        django_capture_on_commit_callbacks, others=("ahli_pertama", "terampil")
    )
    client = Client()
    client.force_login(login_of(lead))
    give(lead, skp.rhks.get())
    client.get(reverse("web:feedback-led"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("web:feedback-led"))
    for other in TeamMember.objects.filter(team=team, role="MEMBER").exclude(employee=member):
        give(lead, fed_skp(other.employee).rhks.get(), "Lanjutkan")

    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(reverse("web:feedback-led")).content.decode()

    assert page.count('data-testid="led-rhk"') == 3
    assert page.count('data-testid="feedback"') == 3


def login_of(employee: Employee):
    """A login for an employee of a built organisation (they have none)."""
    user = get_user_model().objects.create_user(username=f"uji-{employee.pk}")
    Account.objects.create(user=user, government_id=employee.government_id, role="EMPLOYEE")
    Employee.objects.filter(pk=employee.pk).update(user=user)
    return user


def _notes(persona, skp, count: int) -> None:
    """Bring the SKP to `count` RHK, each with a feedback and an evidence file."""
    for _ in range(count - skp.rhks.count()):
        rhk(skp, kind="TAMBAHAN")
    for item in skp.rhks.all():
        if not item.feedback.exists():
            give(persona("kabid"), item, "Catatan", ("QUARTERLY", 4))
            attach(persona("jf_ahli_muda"), item)


def test_the_skp_page_and_the_rating_form_keep_their_queries_with_2_and_6_rhk_and_notes(
    team, persona, client_of, evidence_root, django_assert_num_queries
):
    from sikerja.performance.models import Skp

    skp = team["jf"]
    Skp.objects.filter(pk=skp.pk).update(status="DRAFT")  # RHK are added to a draft
    _notes(persona, skp, 2)
    Skp.objects.filter(pk=skp.pk).update(status="APPROVED")
    draft(persona("kabid"), skp)
    kabid, own = client_of("kabid"), client_of("jf_ahli_muda")
    kabid.get(detail_of(skp))
    with CaptureQueriesContext(connection) as small_detail:
        kabid.get(detail_of(skp))
    with CaptureQueriesContext(connection) as small_rating:
        kabid.get(rating_of(skp))
    with CaptureQueriesContext(connection) as small_own:
        own.get(detail_of(skp))
    Skp.objects.filter(pk=skp.pk).update(status="DRAFT")
    _notes(persona, skp, 6)
    Skp.objects.filter(pk=skp.pk).update(status="APPROVED")

    with django_assert_num_queries(len(small_detail.captured_queries)):
        detail = kabid.get(detail_of(skp)).content.decode()
    with django_assert_num_queries(len(small_rating.captured_queries)):
        rating = kabid.get(rating_of(skp)).content.decode()
    with django_assert_num_queries(len(small_own.captured_queries)):
        own_page = own.get(detail_of(skp)).content.decode()

    for page in (detail, rating, own_page):
        assert page.count('data-testid="rhk-note"') == 6
        assert page.count('data-testid="feedback"') == 6
        assert page.count('data-testid="evidence"') == 6
