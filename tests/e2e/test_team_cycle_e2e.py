"""Browser test of one team from planning to "declared complete": the lead plans, the unit head
(the Kepala Dinas) sets the plan, the member reports progress with an evidence file, the unit
head opens the unit's workload page from the navigation (its charts, no serious accessibility
violation), the lead reports (with the member's results) and each official of the report chain
receives it, the lead submits the team's results and each official of the evaluation chain (the
Kepala Bidang, then the Kepala Dinas who declares it) decides them on target; after that the
team's pages offer no form."""

from __future__ import annotations

import pytest

from sikerja.organization.models import Employee
from sikerja.teams.models import Team, TeamEvaluation, TeamReport
from sikerja.teams.services.reports import team_reports_open
from sikerja.workflows.models import WorkflowStep
from tests.e2e.htmx import wait_until_idle
from tests.e2e.test_team_work_e2e import _log_in, _serious, fill_plan
from tests.teams.test_web_pages import propose
from tests.teams.work import samples
from tests.teams.work.flow import AT, DAY
from tests.teams.world import decide

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _evidence_root(settings, tmp_path):
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"


def _as(browser, live_server, username: str, url: str):
    context, tab = _log_in(browser, live_server, username)
    tab.goto(url)
    wait_until_idle(tab)
    return context, tab


def _submit(tab, locator) -> None:
    with tab.expect_navigation():
        locator.click()
    wait_until_idle(tab)


def _open_step(instance_id: int | None) -> WorkflowStep | None:
    return WorkflowStep.objects.filter(
        instance_id=instance_id, status=WorkflowStep.Status.OPEN
    ).first()


def _username(step: WorkflowStep) -> str:
    return Employee.objects.select_related("user").get(pk=step.actor_id).user.username


def _plan_and_set(browser, live_server, work_url: str) -> None:
    context, lead = _as(browser, live_server, "jf_ahli_muda", work_url)
    form = lead.get_by_test_id("plan-form")
    fill_plan(form)
    _submit(lead, form.get_by_role("button", name="Simpan dan ajukan"))
    context.close()

    context, head = _as(browser, live_server, "kepala_dinas", work_url)
    decision = head.get_by_test_id("plan-decision-form")
    _submit(head, decision.get_by_role("button", name="Tetapkan"))
    context.close()


def _workload_seen_by_the_unit_head(browser, live_server, work_url: str) -> dict[str, object]:
    """The unit head follows the navigation to the unit's workload: its two charts and the
    people it lists first (the most loaded)."""
    context, head = _as(browser, live_server, "kepala_dinas", work_url)
    _submit(head, head.get_by_role("link", name="Beban kerja", exact=True))
    charts = head.locator("svg[role=img]").count()
    names = head.get_by_test_id("load-row").locator("th a").all_inner_texts()
    violations = _serious(head)
    context.close()
    return {"charts": charts, "rows": sorted(names[:2]), "violations": violations}


def _report_progress(browser, live_server, work_url: str, evidence) -> None:
    context, member = _as(browser, live_server, "pelaksana", work_url)
    progress = member.get_by_test_id("progress-form")
    progress.get_by_label("Uraian kemajuan").fill("40 sarana terverifikasi")
    progress.get_by_label("Persentase selesai").fill("100")
    progress.get_by_label("Berkas bukti (data dukung)").set_input_files(str(evidence))
    _submit(member, progress.get_by_role("button", name="Laporkan kemajuan"))
    context.close()


def _lead_reports(browser, live_server, report: TeamReport, evidence) -> list[int]:
    url = f"/tim-kerja/laporan/{report.pk}/"
    context, lead = _as(browser, live_server, "jf_ahli_muda", url)
    form = lead.get_by_test_id("report-submit-form")
    form.get_by_label("Isi laporan").fill("Pendataan 40 sarana selesai")
    form.get_by_label("Data dukung (PDF, gambar, dokumen kantor)").set_input_files(str(evidence))
    form.locator("textarea[name^=result_]").fill("Pendataan tepat waktu")
    _submit(lead, form.get_by_role("button", name="Sampaikan"))
    context.close()
    receivers = []
    report.refresh_from_db()
    while (step := _open_step(report.workflow_instance_id)) is not None:
        receivers.append(step.actor_id)
        context, official = _as(browser, live_server, _username(step), url)
        decision = official.get_by_test_id("report-decision-form")
        _submit(official, decision.get_by_role("button", name="Terima"))
        context.close()
    return receivers


def _evaluate(browser, live_server, team: Team, evidence) -> list[int]:
    context, lead = _as(browser, live_server, "jf_ahli_muda", f"/tim-kerja/{team.pk}/")
    form = lead.get_by_test_id("results-submit-form")
    form.get_by_label("Hasil kerja tim").fill("Data 40 sarana terverifikasi")
    form.get_by_label("Data dukung").set_input_files(str(evidence))
    _submit(lead, form.get_by_role("button", name="Sampaikan hasil untuk dievaluasi"))
    context.close()
    evaluation = TeamEvaluation.objects.get(team=team)
    url = f"/tim-kerja/evaluasi/{evaluation.pk}/"
    deciders = []
    while (step := _open_step(evaluation.workflow_instance_id)) is not None:
        deciders.append(step.actor_id)
        context, official = _as(browser, live_server, _username(step), url)
        decision = official.get_by_test_id("evaluation-decision-form")
        decision.get_by_label("Hasil sesuai dengan target yang diharapkan").check()
        approve = decision.get_by_role("button", name="Sesuai target: teruskan / nyatakan selesai")
        _submit(official, approve)
        context.close()
    return deciders


def test_a_team_goes_from_its_plan_to_declared_complete_in_the_browser(
    browser, live_server, transactional_db, world, persona, tmp_path
):
    team = propose(persona)
    decide(team, "approve", lead_id=persona("jf_ahli_muda").pk)
    team = decide(team, "approve")
    work_url = f"/tim-kerja/{team.pk}/pelaksanaan/"
    evidence = tmp_path / "berita acara.pdf"
    evidence.write_bytes(samples.PDF)

    _plan_and_set(browser, live_server, work_url)
    _report_progress(browser, live_server, work_url, evidence)
    workload = _workload_seen_by_the_unit_head(browser, live_server, work_url)
    team_reports_open(team_id=team.pk, at=AT, on=DAY)  # the daily command, for December
    receivers = _lead_reports(browser, live_server, TeamReport.objects.get(kind="LEAD"), evidence)
    deciders = _evaluate(browser, live_server, team, evidence)
    context, head = _as(browser, live_server, "kepala_dinas", work_url)
    work_page = head.content()
    head.goto(f"/tim-kerja/{team.pk}/")
    wait_until_idle(head)
    detail_page = head.content()
    context.close()

    team.refresh_from_db()
    assert team.status == Team.Status.COMPLETED
    assert TeamReport.objects.get(kind="LEAD").status == "RECEIVED"
    chain = [persona("kabid").pk, persona("kepala_dinas").pk]
    assert (receivers, deciders) == (chain, chain)
    assert "Dinyatakan selesai" in detail_page
    for form in ("plan-form", "progress-form", "obstacle-form", "results-submit-form"):
        assert f'data-testid="{form}"' not in work_page + detail_page
    lead, member = persona("jf_ahli_muda").full_name, persona("pelaksana").full_name
    assert (workload["charts"], workload["violations"]) == (2, [])
    assert workload["rows"][:2] == sorted([lead, member])
