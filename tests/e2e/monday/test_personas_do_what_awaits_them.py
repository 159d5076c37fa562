"""Each demo persona logs in, sees on Beranda what awaits them, and does it: the Kepala Dinas
and the Sekda decide a step waiting for them, the JF accepts the letter of an appointment, and
those with nothing waiting start the request their roles offer (an appointment, picking staff
from the person picker, or a voluntary application); the regional head, who holds no post, has
nothing waiting and is offered no request. Four of them work on a 390 × 844 touch phone,
tapping rather than clicking.

The demo site is the one `make run` builds (the demo pemda and its sample requests); each test
acts on a step or a request no other test of the package touches.
"""

from __future__ import annotations

import re

import pytest

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import assignment_decide
from sikerja.organization.models import Employee, Placement
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.conftest import NOW, TODAY
from tests.e2e.htmx import wait_until_idle
from tests.e2e.monday.conftest import log_in, new_context

pytestmark = pytest.mark.e2e

DETAIL = re.compile(r"/penugasan/(\d+)/$")


@pytest.fixture
def as_persona(browser, db, demo_site, fresh_cache):
    """as_persona(name, phone=...) -> a tab signed in as that persona, on Beranda."""
    contexts = []

    def open_tab(persona: str, *, phone: bool = False):
        context = new_context(browser, demo_site, phone=phone)
        contexts.append(context)
        tab = context.new_page()
        log_in(tab, persona)
        return tab

    yield open_tab
    for context in contexts:
        context.close()


def _waiting(tab) -> list[str]:
    return [" ".join(text.split()) for text in tab.get_by_test_id("waiting-item").all_inner_texts()]


def _press(tab, locator, *, phone: bool) -> None:
    if phone:
        locator.tap()
    else:
        locator.click()


def _open_step(assignment_id: int) -> WorkflowStep:
    instance = WorkflowInstance.objects.get(
        subject_type="assignments.assignment", subject_id=assignment_id, parent__isnull=True
    )
    return instance.steps.get(status=WorkflowStep.Status.OPEN)


RENSTRA = "Pendampingan penyusunan renstra (menunggu keputusan)"
VOLUNTARY = "Pengajuan sukarela pengolahan data"
WITHIN = "Penugasan dalam unit"
BUTTONS = {"approve": "Setujui", "reject": "Tolak", "acknowledge": "Terima"}


@pytest.mark.parametrize(
    ("persona", "sample", "title", "decision", "phone"),
    [
        ("kepala_dinas", "Pengajuan sukarela (diajukan)", VOLUNTARY, "approve", False),
        # The Sekda's approval waits for the appraiser's recommendation: the Sekda refuses.
        ("sekda", RENSTRA, RENSTRA, "reject", True),
        # Once the Kepala Dinas has appointed the JF, the JF accepts the assignment letter.
        ("jf_ahli_muda", "Penugasan dalam unit (menunggu diterima)", WITHIN, "acknowledge", False),
    ],
    ids=["kepala_dinas", "sekda-phone", "jf_ahli_muda"],
)
def test_a_persona_sees_the_step_waiting_for_them_and_decides_it(
    as_persona, demo_site, persona, sample, title, decision, phone
):
    assignment_id = demo_site.assignment_ids[sample]
    step = _open_step(assignment_id)
    if decision == "acknowledge":  # the Kepala Dinas appoints first (through the service)
        assignment_decide(step_id=step.pk, by=step.actor, decision="approve", at=NOW, on=TODAY)
        step = _open_step(assignment_id)
    tab = as_persona(persona, phone=phone)

    before = _waiting(tab)
    _press(tab, tab.get_by_test_id("waiting-item").get_by_role("link", name=title), phone=phone)
    tab.wait_for_url(f"**/penugasan/{assignment_id}/")
    form = tab.get_by_test_id("decision-form")
    if decision == "reject":
        form.get_by_label("Alasan").fill("Pegawai yang diminta sedang menyelesaikan laporan.")
    label = BUTTONS[decision]
    _press(tab, form.get_by_role("button", name=label), phone=phone)
    tab.get_by_test_id("message").filter(has_text=f"Keputusan “{label}” tersimpan.").wait_for()
    tab.goto("/")
    after = _waiting(tab)

    assert [row for row in before if row.startswith(title)] == [
        f"{title} {step.label} Menunggu keputusan Anda Melewati tenggat: 30 November 2026"
    ]
    assert [row for row in after if row.startswith(title)] == []
    step.refresh_from_db()
    assert (step.status, step.decision, step.decided_by_id) == (
        WorkflowStep.Status.DECIDED,
        decision,
        demo_site.world.personas[persona],
    )


def _unit_of(employee_id: int):
    placement = Placement.objects.effective_on(TODAY).select_related("position__unit")
    return placement.filter(employee_id=employee_id).order_by("pk").first().position.unit


def _staff_below(unit, personas: dict[str, int]) -> Employee:
    """A JF or Pelaksana under the unit whom no request names yet and who is no persona (whose
    home page other tests read)."""
    named = Assignment.candidates.through.objects.values("employee_id")
    placement = (
        Placement.objects.effective_on(TODAY)
        .filter(
            position__unit__path__startswith=unit.path,
            position__kind__in=["FUNGSIONAL", "PELAKSANA"],
            kind="DEFINITIVE",
        )
        .exclude(employee_id__in=named)
        .exclude(employee_id__in=personas.values())
        .select_related("employee", "position")
        .order_by("position__unit__path", "pk")
        .first()
    )
    return placement.employee


def _fill_contents(tab, title: str) -> None:
    tab.get_by_label("Maksud dan tujuan").fill(f"{title} untuk kebutuhan unit")
    tab.get_by_label("Kompetensi yang dibutuhkan").fill("analisis data")
    tab.get_by_label("Target yang diharapkan").fill("Dokumen selesai dan disetujui")
    tab.get_by_label("Tanggal mulai").fill("2026-12-07")
    tab.get_by_label("Tanggal selesai").fill("2027-02-26")
    tab.get_by_label("Nama tim kerja").fill(f"Tim {title}")


def _start(tab, action: str, title: str, unit_id: int, *, phone: bool) -> None:
    """From Beranda, the form of the request the action offers, its subject and unit filled."""
    home_action = tab.get_by_test_id("home-actions").get_by_role("link", name=action)
    _press(tab, home_action, phone=phone)
    # The form's flow note comes from htmx: choose the unit only once the new page has loaded
    # and htmx has bound its change trigger, or the change is lost on a busy machine.
    tab.wait_for_url(re.compile(r"/penugasan/baru/"))
    wait_until_idle(tab)
    tab.get_by_label("Hal").fill(title)
    tab.get_by_label("Unit organisasi tujuan").select_option(str(unit_id))
    tab.get_by_test_id("flow-note").wait_for()


def _send(tab, title: str, *, phone: bool) -> tuple[Assignment, str]:
    """The rest of the form filled and sent: the request and the status its page shows."""
    _fill_contents(tab, title)
    _press(tab, tab.get_by_role("button", name="Kirim permohonan").last, phone=phone)
    tab.wait_for_url(DETAIL)
    match = DETAIL.search(tab.url)
    assert match is not None
    status = tab.get_by_test_id("assignment-status").inner_text()
    return Assignment.objects.get(pk=int(match.group(1))), status


@pytest.mark.parametrize(
    ("persona", "staff_of", "phone"),
    [
        ("kabid", "kabid", True),
        ("subkoordinator", "subkoordinator", False),
    ],
    ids=["kabid-phone", "subkoordinator"],
)
def test_a_persona_with_nothing_waiting_asks_for_staff_picked_from_the_person_picker(
    as_persona, demo_site, persona, staff_of, phone
):
    personas = demo_site.world.personas
    staff = _staff_below(_unit_of(personas[staff_of]), personas)
    title = f"Kajian beban kerja oleh {persona}"
    tab = as_persona(persona, phone=phone)

    waiting = tab.get_by_test_id("home-waiting").inner_text()
    _start(tab, "Ajukan penugasan", title, _unit_of(staff.pk).pk, phone=phone)
    wait_until_idle(tab)
    with tab.expect_response(lambda r: r.request.method == "POST" and "/penugasan/baru/" in r.url):
        tab.get_by_label("Cari pegawai (nama atau NIP)").fill(staff.name)
    person = tab.get_by_role("checkbox", name=re.compile(re.escape(staff.full_name)))
    _press(tab, person, phone=phone)
    assignment, status = _send(tab, title, phone=phone)

    assert waiting.split("\n")[-1] == "Tidak ada yang menunggu Anda."
    assert (assignment.title, assignment.mode, assignment.requester_id, status) == (
        title,
        Assignment.Mode.APPOINTMENT,
        personas[persona],
        "Berjalan",
    )
    assert list(assignment.candidates.values_list("pk", flat=True)) == [staff.pk]


@pytest.mark.parametrize(
    ("persona", "phone"),
    [("pelaksana", True), ("outsider", False), ("bkpsdm", False)],
    ids=["pelaksana-phone", "outsider", "bkpsdm"],
)
def test_an_employee_with_nothing_waiting_applies_to_join_a_unit(
    as_persona, demo_site, persona, phone
):
    applicant = demo_site.world.personas[persona]
    title = f"Pengajuan diri {persona}"
    tab = as_persona(persona, phone=phone)

    waiting = tab.get_by_test_id("home-waiting").inner_text()
    _start(tab, "Ajukan diri", title, _unit_of(applicant).pk, phone=phone)
    assignment, status = _send(tab, title, phone=phone)

    assert waiting.split("\n")[-1] == "Tidak ada yang menunggu Anda."
    assert (assignment.title, assignment.mode, assignment.requester_id, status) == (
        title,
        Assignment.Mode.VOLUNTARY,
        applicant,
        "Berjalan",
    )


def test_the_regional_head_sees_nothing_waiting_and_is_offered_no_request(as_persona):
    tab = as_persona("kepala_daerah", phone=True)

    waiting = tab.get_by_test_id("home-waiting").inner_text()
    actions = tab.get_by_test_id("home-actions").count()

    assert waiting.split("\n")[-1] == "Tidak ada yang menunggu Anda."
    assert actions == 0
