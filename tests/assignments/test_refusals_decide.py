"""Every refusal of assignment_decide at a staff-naming step, in Blitar's pack.

Each test asserts the stable code, the rule and citation where the refusal has one, that nothing
was written and that the step is still open, undecided.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sikerja.assignments.services import assignment_decide, assignment_recommend
from sikerja.core.errors import Official, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.workflows.models import WorkflowStep
from tests.assignments.flow import NOW, ON, open_step
from tests.assignments.refusals import PACK, PERWALI, nothing_written, request, submit
from tests.documents.users import login_for
from tests.organization.builders import Org, add_agency, build_org
from tests.organization.reread import reread, reread_org

pytestmark = pytest.mark.django_db


@dataclass
class Reviewing:
    """A cross-unit request naming nobody, at the Sekretaris' review, recommended already."""

    org: Org
    step: WorkflowStep
    sekretaris: Employee
    staff: Employee  # a Pelaksana of the Sekretariat
    outsider: Employee  # a Pelaksana of another Perangkat Daerah


def _reviewing() -> Reviewing:
    org = build_org(PACK)
    staff = org.staff("Sekar Ayu", "sekretariat", "PELAKSANA")
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    outsider = org.staff("Lukman Hakim", "BAPPEDA.bidang", "PELAKSANA")
    assignment = submit(org.people["bidang"], request(home_unit_id=org.units["sekretariat"].pk))
    step = open_step(assignment)
    sekretaris = org.people["sekretariat"]
    assert (step.step_key, step.actor_id, step.recommender_id) == (
        "review",
        sekretaris.pk,
        sekretaris.pk,
    )
    assignment_recommend(step_id=step.pk, by=sekretaris, text="Direkomendasikan.", at=NOW)
    return Reviewing(org, step, sekretaris, staff, outsider)


@pytest.fixture(scope="module")
def _built(module_db) -> Reviewing:
    return module_db(_reviewing)


@pytest.fixture
def reviewing(_built, db) -> Reviewing:
    """The request at the review, built once for the module; each test rolls back to it."""
    return Reviewing(
        org=reread_org(_built.org),
        step=reread(_built.step),
        sekretaris=reread(_built.sekretaris),
        staff=reread(_built.staff),
        outsider=reread(_built.outsider),
    )


def _refused_decision(error: type[Exception], reviewing: Reviewing, decision="approve", **kwargs):
    with nothing_written(), pytest.raises(error) as refused:
        assignment_decide(
            step_id=reviewing.step.pk,
            by=reviewing.sekretaris,
            decision=decision,
            at=NOW,
            on=ON,
            **kwargs,
        )
    step = WorkflowStep.objects.get(pk=reviewing.step.pk)
    assert (step.status, step.decision, step.decided_by_id) == (WorkflowStep.Status.OPEN, "", None)
    return refused.value


@pytest.mark.parametrize("decision", ["acknowledge", "frobnicate"])
def test_a_decision_the_step_does_not_offer_is_refused(reviewing, decision):
    refused = _refused_decision(ValidationFailed, reviewing, decision=decision)

    assert (refused.code, refused.rule, refused.citation, refused.fields) == (
        "invalid_decision",
        "",
        "",
        {"decision": "Pilih salah satu: approve, reject"},
    )


def test_approving_a_staff_naming_step_without_naming_anyone_is_refused(reviewing):
    refused = _refused_decision(ValidationFailed, reviewing)

    assert (refused.code, refused.fields) == ("no_candidates", {"assignee_ids": "Wajib diisi."})


def test_g34_pasal_1_angka_18_blitar_a_structural_official_named_at_the_decision_is_refused(
    reviewing,
):
    kasubbid = reviewing.org.people["subbidang"]

    refused = _refused_decision(RuleViolation, reviewing, assignee_ids=[kasubbid.pk])

    assert (refused.code, refused.rule, refused.citation) == (
        "candidate_kind",
        "G34",
        f"{PERWALI} Pasal 1 angka 18",
    )
    assert refused.message == (
        "Pejabat subbidang bukan Pejabat Fungsional/Pelaksana yang berkedudukan aktif."
    )


def test_v44_someone_without_a_placement_named_at_the_decision_is_refused(reviewing):
    unplaced = reviewing.org.person("Tanpa Kedudukan")
    operator = reviewing.org.staff("Sri Wahyuni", "bidang", "PELAKSANA")
    login_for(operator, government=reviewing.org.government, role="BKPSDM_ADMIN")

    refused = _refused_decision(RuleViolation, reviewing, assignee_ids=[unplaced.pk])

    assert (refused.code, refused.rule) == ("candidate_kind", "V-44")
    assert refused.instead == (
        Official(name=operator.full_name, position="Pengadministrasi Perkantoran"),
    )
    assert refused.next_step == (
        "Minta operator BKPSDM mencatat kedudukan Tanpa Kedudukan terlebih dahulu."
    )


def test_v44_pasal_14_ayat_1_blitar_the_decision_time_refusal_cites_the_article(reviewing):
    # Someone without a placement is refused under V-44; a structural official is refused under
    # the definition of Penugasan (G34, test above), each citing its own article.
    unplaced = reviewing.org.person("Tanpa Kedudukan")

    with pytest.raises(RuleViolation) as refused:
        assignment_decide(
            step_id=reviewing.step.pk,
            by=reviewing.sekretaris,
            decision="approve",
            at=NOW,
            on=ON,
            assignee_ids=[unplaced.pk],
        )

    assert (refused.value.rule, refused.value.citation) == ("V-44", f"{PERWALI} Pasal 14 ayat (1)")


def test_a_candidate_outside_the_target_perangkat_daerah_is_refused(reviewing):
    refused = _refused_decision(ValidationFailed, reviewing, assignee_ids=[reviewing.outsider.pk])

    assert (refused.code, refused.fields) == (
        "candidate_outside_unit",
        {"assignee_ids": "Di luar Perangkat Daerah yang dituju."},
    )


def test_an_unknown_person_named_at_the_decision_is_not_found(reviewing):
    missing = Employee.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1

    refused = _refused_decision(ValidationFailed, reviewing, assignee_ids=[missing])

    assert (refused.code, refused.fields) == ("unknown_value", {"assignee_ids": "Tidak ditemukan."})


def test_naming_a_pelaksana_of_the_sekretariat_is_accepted(reviewing):
    step = assignment_decide(
        step_id=reviewing.step.pk,
        by=reviewing.sekretaris,
        decision="approve",
        at=NOW,
        on=ON,
        assignee_ids=[reviewing.staff.pk],
    )

    assert (step.status, step.decision) == (WorkflowStep.Status.DECIDED, "approve")
