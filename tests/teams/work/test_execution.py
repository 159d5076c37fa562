"""Carrying out a team's work in every pack: progress with evidence, feedback by the officials
the pack names, monitoring (V-30, V-30a) and rework of off-target work (V-58)."""

from __future__ import annotations

import pytest

from sikerja.core.errors import PermissionDenied, StaleState, ValidationFailed
from sikerja.teams.models import EvidenceFile, Feedback, MonitoringRecord, ProgressEntry, Rework
from sikerja.teams.services.evidence import Upload
from sikerja.teams.services.execution import (
    feedback_give,
    monitoring_record,
    progress_report,
    rework_close,
    rework_open,
)
from sikerja.teams.services.planning import team_plan_decide
from tests.teams.work import samples
from tests.teams.work.helpers import actions, refused, submitted_plan
from tests.teams.work.packs import active_team
from tests.teams.world import NOW, ON

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_root")]


def report(team, member, uploads=(), **extra):
    return progress_report(
        team_id=team.pk,
        by=member,
        summary="12 dari 40 sarana terverifikasi",
        percent_complete=30,
        uploads=list(uploads),
        at=NOW,
        on=ON,
        **extra,
    )


def test_a_progress_entry_keeps_its_evidence_files(evidence_root):
    _org, people, team = active_team("cilegon-2023")

    entry = report(
        team,
        people["pelaksana"],
        [Upload("berita acara.pdf", samples.PDF), Upload("foto.jpg", samples.jpeg())],
    )

    assert (entry.employee_id, entry.percent_complete, entry.reported_on) == (
        people["pelaksana"].pk,
        30,
        ON,
    )
    assert list(
        EvidenceFile.objects.order_by("pk").values_list("owner_kind", "owner_id", "original_name")
    ) == [("progress", entry.pk, "berita acara.pdf"), ("progress", entry.pk, "foto.jpg")]
    assert len([p for p in evidence_root.rglob("*") if p.is_file()]) == 2
    assert actions(team)[-1] == "team.progress_reported"


def test_a_refused_evidence_file_refuses_the_entry_and_keeps_no_file(evidence_root):
    _org, people, team = active_team("cilegon-2023")

    error = refused(
        lambda: report(
            team, people["pelaksana"], [Upload("a.pdf", samples.PDF), Upload("b.pdf", samples.HTML)]
        ),
        ValidationFailed,
    )

    assert error.code == "evidence_type_refused"
    assert ProgressEntry.objects.count() == 0
    assert [p for p in evidence_root.rglob("*") if p.is_file()] == []


def test_progress_on_an_activity_needs_the_set_plan():
    org, people, team = active_team("kotim-2023")
    plan = submitted_plan(team, people["ahli_muda"])
    activity_id = plan.activities.get().pk

    before = refused(lambda: report(team, people["pelaksana"], activity_id=activity_id))
    team_plan_decide(team_id=team.pk, by=org.people["bidang"], approve=True, note="", at=NOW, on=ON)
    entry = report(team, people["pelaksana"], activity_id=activity_id)

    assert before.code == "plan_missing"
    assert entry.activity_id == activity_id


def test_someone_off_the_team_does_not_report_progress():
    _org, people, team = active_team("kotim-2023")

    error = refused(lambda: report(team, people["terampil"]), PermissionDenied)

    assert error.code == "permission_denied"


# Who gives a member feedback (`teamwork.feedback.by`): Surakarta the lead and the member's
# appraiser (the Kepala Bidang), not the Kepala Dinas; Kotim the lead and the unit head.
@pytest.mark.parametrize(
    ("pack_id", "giver", "allowed", "role"),
    [
        ("surakarta-2023", "ahli_muda", True, "team_lead"),
        ("surakarta-2023", "bidang", True, "appraiser"),
        ("surakarta-2023", "dinas", False, ""),
        ("kotim-2023", "ahli_muda", True, "team_lead"),
        ("kotim-2023", "bidang", True, "unit_head"),
        ("kotim-2023", "dinas", False, ""),
        ("blitar-2023", "bidang", True, "unit_head"),
        ("barut-2024", "terampil", False, ""),
    ],
)
def test_k4_feedback_comes_from_the_officials_the_pack_names_case(pack_id, giver, allowed, role):
    org, people, team = active_team(pack_id)
    by = people.get(giver) or org.people[giver]

    def give():
        return feedback_give(
            team_id=team.pk,
            by=by,
            about_id=people["pelaksana"].pk,
            text="Perbaiki format berita acara",
            at=NOW,
            on=ON,
        )

    if allowed:
        feedback = give()
        assert (feedback.by_id, feedback.about_id) == (by.pk, people["pelaksana"].pk)
        assert feedback.by_role == role
    else:
        refused(give, PermissionDenied)
        assert Feedback.objects.count() == 0


def _monitor(team, by, held_on=ON):
    return monitoring_record(
        team_id=team.pk,
        by=by,
        findings="Sesuai jadwal",
        direction="Lanjutkan",
        held_on=held_on,
        at=NOW,
        on=ON,
    )


@pytest.mark.parametrize(
    ("pack_id", "who", "period"),
    [
        ("surakarta-2023", "dinas", "2026-Q4"),
        ("surakarta-2023", "bidang", "2026-Q4"),
        ("kotim-2023", "bidang", "2026-11"),
        ("kotim-2023", "ahli_muda", "2026-11"),
        ("blitar-2023", "ahli_muda", "2026-11"),
        ("cilegon-2023", "bidang", "2026-11"),
        ("barut-2024", "bidang", "2026-11"),
    ],
)
def test_v30_v30a_the_team_is_monitored_by_whom_the_pack_names_for_its_period_case(
    pack_id, who, period
):
    org, people, team = active_team(pack_id)
    by = people.get(who) or org.people[who]

    record = _monitor(team, by)

    assert (record.by_id, record.period) == (by.pk, period)
    assert MonitoringRecord.objects.count() == 1


@pytest.mark.parametrize(
    ("pack_id", "who", "rule", "citation"),
    [
        (
            "surakarta-2023",
            "ahli_muda",
            "V-30",
            "Perwali Surakarta 32/2023 Lampiran IV 3.1.2 angka 2 huruf d; "
            "Perwali Surakarta 32/2023 Lampiran V huruf a (tim) angka 4",
        ),
        (
            "cilegon-2023",
            "ahli_muda",
            "V-30a",
            "Perwali Cilegon 17/2023 Lampiran C.2 (tim) huruf d",
        ),
        ("barut-2024", "ahli_muda", "V-30a", "Perbup Barut 18/2024 Pasal 28 ayat (3) huruf e"),
    ],
)
def test_v30_v30a_someone_the_pack_does_not_name_does_not_monitor_case(
    pack_id, who, rule, citation
):
    _org, people, team = active_team(pack_id)

    error = refused(lambda: _monitor(team, people[who]), PermissionDenied)

    assert (error.rule, error.citation) == (rule, citation)


def test_rework_v58_surakarta_lampiran_iv_3_1_2_angka_3_c_is_owned_by_the_unit_head():
    org, _people, team = active_team("surakarta-2023")
    head = org.people["dinas"]

    rework = rework_open(
        team_id=team.pk, by=head, reason="Data 5 sarana tidak valid", at=NOW, on=ON
    )
    done = rework_close(
        rework_id=rework.pk, by=head, resolution="Diverifikasi ulang", at=NOW, on=ON
    )
    again = refused(
        lambda: rework_close(rework_id=rework.pk, by=head, resolution="x", at=NOW, on=ON),
        StaleState,
    )

    assert (rework.owner_id, rework.owner_role) == (head.pk, "unit_head")
    assert done.status == Rework.Status.DONE
    assert again.code == "stale_state"
    event = actions(team)
    assert event[-2:] == ["team.rework_opened", "team.rework_closed"]


def test_rework_kotim_is_returned_to_the_lead_as_a_product_decision():
    org, people, team = active_team("kotim-2023")

    rework = rework_open(
        team_id=team.pk, by=org.people["bidang"], reason="Target belum tercapai", at=NOW, on=ON
    )
    not_owner = refused(
        lambda: rework_close(
            rework_id=rework.pk, by=org.people["bidang"], resolution="x", at=NOW, on=ON
        ),
        PermissionDenied,
    )

    assert (rework.owner_id, rework.owner_role) == (people["ahli_muda"].pk, "team_lead")
    assert not_owner.code == "permission_denied"


def test_rework_is_sent_by_the_unit_head_only():
    _org, people, team = active_team("surakarta-2023")

    error = refused(
        lambda: rework_open(team_id=team.pk, by=people["ahli_muda"], reason="x", at=NOW, on=ON),
        PermissionDenied,
    )

    assert error.code == "permission_denied"
