"""V-26: officials copied (tembusan) on an assignment's letters may open it and its letters.

A product decision of SPEC 4.0.1: a copy is sent so that its recipient knows; knowing means
being able to open the assignment the letter belongs to.
"""

from __future__ import annotations

import pytest

from sikerja.assignments import rules
from sikerja.documents.models import LetterParty
from sikerja.documents.rules import may_read_letter
from sikerja.documents.services import letter_issue
from sikerja.workflows.models import WorkflowInstance
from tests.assignments.api.test_support import within_request
from tests.viewers import viewer_of

__all__ = ["viewer_of"]


def _copy_to(persona, assignment, now, today):
    outsider = persona("outsider")
    instance = WorkflowInstance.objects.get(
        subject_type="assignments.assignment", subject_id=assignment.pk, parent__isnull=True
    )
    kepala = persona("kepala_dinas")
    agency_id = kepala.placements.select_related("position__unit").get().position.unit.agency_id
    return letter_issue(
        government_id=kepala.government_id,
        doc_type="ASSIGNMENT_LETTER",
        title="Surat Penugasan",
        signer={
            "employee_id": kepala.pk,
            "name": kepala.full_name,
            "nip": kepala.nip,
            "agency_id": agency_id,
        },
        on_behalf_of="",
        addressees=[{"employee_id": persona("jf_ahli_muda").pk, "name": "JF"}],
        cc=[{"employee_id": outsider.pk, "name": outsider.full_name}],
        body={},
        citation="",
        workflow_instance_id=instance.pk,
        workflow_step_id=None,
        at=now,
        on=today,
    )


@pytest.mark.django_db
def test_v26_an_official_copied_on_a_letter_may_open_the_assignment(persona, viewer_of, now, today):
    assignment = within_request(persona, now, today)
    viewer = viewer_of("outsider")
    assert rules.may_see_assignment(viewer, assignment) is False

    letter = _copy_to(persona, assignment, now, today)

    assert rules.may_see_assignment(viewer, assignment) is True
    assert list(rules.assignments_visible_to(viewer).values_list("pk", flat=True)) == [
        assignment.pk
    ]
    assert may_read_letter(
        letter,
        employee_id=persona("outsider").pk,
        is_operator=False,
        government_id=viewer.government.pk,
    )
    assert sorted(LetterParty.objects.filter(letter=letter).values_list("role", flat=True)) == [
        "CC",
        "SIGNER",
        "TO",
    ]


@pytest.mark.django_db
def test_v26_someone_named_in_no_letter_still_may_not_open_it(persona, viewer_of, now, today):
    assignment = within_request(persona, now, today)
    _copy_to(persona, assignment, now, today)

    assert rules.may_see_assignment(viewer_of("pelaksana"), assignment) is False
