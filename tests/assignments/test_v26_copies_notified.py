"""V-26 (product decision, SPEC 4.0.1 rule 6): the officials copied (tembusan) on an issued letter
are told in-app, with an email copy when they have an address, and a link to the assignment.
Their read access is tested with the assignment rules."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from sikerja.assignments.services import assignment_decide, assignment_request_submit
from sikerja.core.errors import RuleViolation
from sikerja.notifications.models import Notification
from sikerja.notifications.services import letter_copies_notify
from sikerja.organization.models import Employee
from tests.assignments.flow import NOW, ON, decide, letters, open_step, request_input
from tests.assignments.side_effects import nothing_written
from tests.organization.builders import add_agency, build_org


def _copied(employee: Employee) -> list[tuple[str, str, bool]]:
    return list(
        Notification.objects.filter(recipient=employee, kind="letter_copied")
        .order_by("pk")
        .values_list("title", "link", "emailed")
    )


@pytest.mark.django_db
def test_v26_lampiran_ii_b_2_a_3_e_kotim_the_three_officials_copied_on_the_letter_are_notified(
    django_capture_on_commit_callbacks,
):
    org = build_org("kotim-2023")
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    kaban, kabid_bappeda, kadis = (
        heads["BAPPEDA.root"],
        heads["BAPPEDA.bidang"],
        org.people["dinas"],
    )
    Employee.objects.filter(pk=kadis.pk).update(email="kadis@dinkes.example.go.id")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    data = request_input(candidate_ids=[jf.pk])
    assignment = assignment_request_submit(requester=org.people["bidang"], data=data, at=NOW, on=ON)
    # The Keputusan Sekda comes before the letter (SPEC 4.3.1 as revised).
    for decision in ("forward", "approve", "approve", "approve", "approve"):
        decide(assignment, decision)
    assert open_step(assignment).step_key == "letter"

    with django_capture_on_commit_callbacks(execute=True):
        decide(assignment, "approve")

    letter = letters(assignment)[-1]
    assert letter.doc_type == "ASSIGNMENT_LETTER"
    link = reverse("web:assignment-detail", args=[assignment.pk])
    title = f"Tembusan: Surat Penugasan nomor {letter.number}"
    # The target unit head, also its appraiser, signs: the copy to them is dropped.
    assert [copy["employee_id"] for copy in letter.cc] == [kaban.pk, kadis.pk]
    assert _copied(kaban) == [(title, link, False)]
    assert _copied(kadis) == [(title, link, True)]
    assert _copied(kabid_bappeda) == []
    (email,) = mail.outbox
    assert (email.to, email.subject) == (["kadis@dinkes.example.go.id"], f"[Sikerja] {title}")
    assert link in email.body


@pytest.mark.django_db
def test_v26_pasal_20_ayat_3_barut_the_kepala_pd_copied_on_the_request_is_notified_at_submission(
    django_capture_on_commit_callbacks,
):
    org = build_org("barut-2024")
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    data = request_input(candidate_ids=[jf.pk], other_arrangements="Tidak ada")

    with django_capture_on_commit_callbacks(execute=True):
        assignment = assignment_request_submit(
            requester=org.people["bidang"], data=data, at=NOW, on=ON
        )

    (request_letter,) = letters(assignment)
    assert [copy["employee_id"] for copy in request_letter.cc] == [heads["BAPPEDA.root"].pk]
    assert _copied(heads["BAPPEDA.root"]) == [
        (
            f"Tembusan: {request_letter.title} nomor {request_letter.number}",
            reverse("web:assignment-detail", args=[assignment.pk]),
            False,
        )
    ]


@pytest.mark.django_db
def test_v26_a_copy_is_notified_once_and_a_refused_decision_notifies_nobody(
    django_capture_on_commit_callbacks,
):
    org = build_org("barut-2024")
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    data = request_input(candidate_ids=[jf.pk], other_arrangements="Tidak ada")
    with django_capture_on_commit_callbacks(execute=True):
        assignment = assignment_request_submit(
            requester=org.people["bidang"], data=data, at=NOW, on=ON
        )
    step = open_step(assignment)
    replier = Employee.objects.get(pk=step.actor_id)

    again = letter_copies_notify(
        subject_type="assignments.assignment", subject_id=assignment.pk, after_letter_id=0
    )
    with nothing_written(), pytest.raises(RuleViolation):
        assignment_decide(step_id=step.pk, by=replier, decision="reject", at=NOW, on=ON)

    assert again == []
    assert Notification.objects.filter(kind="letter_copied").count() == 1
