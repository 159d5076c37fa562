"""Training-need proposals (V-62) through the services: the unit head proposes a person's
competence gaps to BKPSDM, who schedules or declines; refusals write nothing; a need is proposed
once while open; two concurrent decisions: exactly one wins; the pack's footing (Blitar Pasal
29(2) binds; the silent packs offer it as a product decision).

The Blitar world: a Bidang whose four JF and Pelaksana sit on teams asking for "analisis data",
which none of them holds (tests/teams/test_workload.py).
"""

from __future__ import annotations

import datetime as dt
import threading
import tomllib
from pathlib import Path

import pytest
from django.db import connection
from pydantic import ValidationError

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import DomainError, PermissionDenied, StaleState
from sikerja.notifications.models import Notification
from sikerja.organization import services_people
from sikerja.organization.rules import Actor
from sikerja.regulations.loader import PACKS_DIR, load_pack
from sikerja.regulations.schema.pack import Pack
from sikerja.teams.training import (
    Decision,
    ProposalInput,
    training_proposal_decide,
    training_proposal_submit,
)
from sikerja.teams.training_models import TrainingNeedItem, TrainingNeedProposal
from sikerja.teams.workload import training_offer
from tests.documents.users import login_for
from tests.teams.test_workload import _blitar_unit_with_an_uneven_load
from tests.teams.world import NOW, ON

BLITAR_V62 = "Perwali Blitar 6/2023 Pasal 29 ayat (2)"
LATER = NOW + dt.timedelta(hours=2)
SCHEDULED = Decision(
    schedule=True, scheduled_on=dt.date(2027, 2, 8), programme="Diklat Analisis Data"
)


def _counts() -> tuple[int, int, int]:
    return (
        TrainingNeedProposal.objects.count(),
        TrainingNeedItem.objects.count(),
        AuditEvent.objects.count(),
    )


def _refused(call, error=DomainError):
    before = _counts()
    with pytest.raises(error) as raised:
        call()
    assert _counts() == before
    return raised.value


def _propose(org, people, *, by=None, who="pelaksana", competencies=None, unit="bidang"):
    data = ProposalInput(
        unit_id=org.units[unit].pk,
        employee_id=people[who].pk,
        competencies=competencies or ["Analisis Data"],
        reason="Tim pendataan membutuhkan analisis data",
    )
    return training_proposal_submit(by=by or org.people["bidang"], data=data, at=NOW, on=ON)


def _operator(org, employee=None) -> Actor:
    user = login_for(employee, government=org.government, role="BKPSDM_ADMIN")
    return Actor(
        user_id=user.pk,
        label=user.username,
        government_id=org.government.pk,
        employee_id=employee.pk if employee else None,
        is_bkpsdm_admin=True,
    )


@pytest.fixture
def blitar():
    return _blitar_unit_with_an_uneven_load()


@pytest.mark.django_db
def test_v62_pasal_29_ayat_2_the_unit_head_proposes_a_gap_to_bkpsdm_citing_the_article(
    blitar, django_capture_on_commit_callbacks
):
    org, people = blitar
    hr = org.staff("Operator Kepegawaian", "sekretariat", "PELAKSANA")
    _operator(org, hr)

    with django_capture_on_commit_callbacks(execute=True):
        proposal = _propose(org, people)

    assert (proposal.status, proposal.competencies) == ("SUBMITTED", ["analisis data"])
    assert (proposal.rule, proposal.citation) == ("V-62", BLITAR_V62)
    assert (proposal.unit_id, proposal.proposed_by_id, proposal.proposed_on) == (
        org.units["bidang"].pk,
        org.people["bidang"].pk,
        ON,
    )
    event = AuditEvent.objects.get(action="training.proposed")
    assert (event.object_id, event.rule, event.citation) == (str(proposal.pk), "V-62", BLITAR_V62)
    note = Notification.objects.get(kind="training_proposed")
    assert (note.recipient_id, note.params["name"]) == (hr.pk, people["pelaksana"].full_name)


@pytest.mark.django_db
def test_v62_the_head_of_the_agency_above_and_its_performance_delegate_may_propose(blitar):
    org, people = blitar
    services_people.delegation_create(
        actor=org.actor,
        from_employee=org.people["dinas"],
        to_employee=org.people["subbidang"],
        scope="PERF_MGMT",
        grades=["TERAMPIL"],
        valid_from=ON,
        legal_basis="Surat Kuasa Kepala Dinas Nomor 800/3/2026",
        at=NOW,
    )

    by_kadis = _propose(org, people, by=org.people["dinas"], who="pelaksana")
    by_deputy = _propose(org, people, by=org.people["subbidang"], who="terampil")

    assert (by_kadis.proposed_by_id, by_deputy.proposed_by_id) == (
        org.people["dinas"].pk,
        org.people["subbidang"].pk,
    )


BLITAR_V41 = "Perwali Blitar 6/2023 Pasal 17 ayat (1) dan ayat (2)"


def _delegate_to_subbidang(org, grades, unit=None):
    """The Kepala Dinas delegates performance management to the Kepala Sub Bidang (a Pengawas,
    who may take the Keterampilan grades and the Ahli Pertama, V-41)."""
    return services_people.delegation_create(
        actor=org.actor,
        from_employee=org.people["dinas"],
        to_employee=org.people["subbidang"],
        scope="PERF_MGMT",
        grades=grades,
        unit=org.units[unit] if unit else None,
        valid_from=ON,
        legal_basis="Surat Kuasa Kepala Dinas Nomor 800/3/2026",
        at=NOW,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["pelaksana", "ahli_pertama"], ids=lambda w: f"{w}_case")
def test_v41_a_delegate_for_the_terampil_grade_may_not_propose_for_another_grade(blitar, who):
    org, people = blitar
    _delegate_to_subbidang(org, ["TERAMPIL"])
    deputy = org.people["subbidang"]

    error = _refused(lambda: _propose(org, people, by=deputy, who=who), PermissionDenied)
    allowed = _propose(org, people, by=deputy, who="terampil")

    assert (error.code, error.rule, error.citation) == ("permission_denied", "V-41", BLITAR_V41)
    assert "Surat Kuasa Kepala Dinas Nomor 800/3/2026" in error.message
    assert allowed.proposed_by_id == deputy.pk


@pytest.mark.django_db
def test_v41_a_delegate_limited_to_a_unit_proposes_only_below_it_and_never_for_themself(blitar):
    org, people = blitar
    _delegate_to_subbidang(org, ["TERAMPIL", "AHLI_PERTAMA"], unit="subbidang")
    deputy = org.people["subbidang"]
    below = org.staff("Eko Prasetyo", "subbidang", "FUNGSIONAL", "TERAMPIL")
    people = {**people, "below": below, "self": deputy}

    outside = _refused(lambda: _propose(org, people, by=deputy, who="terampil"), PermissionDenied)
    themself = _refused(lambda: _propose(org, people, by=deputy, who="self"), PermissionDenied)
    # within the delegation's unit the limit passes; the person's lack of a gap refuses next
    within = _refused(lambda: _propose(org, people, by=deputy, who="below"))
    by_head = _propose(org, people, by=org.people["bidang"], who="terampil")

    assert (outside.rule, outside.citation) == ("V-41", BLITAR_V41)
    assert (themself.rule, themself.citation) == ("V-41", BLITAR_V41)
    assert within.code == "training_not_a_gap"
    assert by_head.proposed_by_id == org.people["bidang"].pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who", ["ahli_muda", "subbidang", "sekretariat"], ids=lambda w: f"{w}_case"
)
def test_v62_someone_who_neither_heads_the_unit_nor_holds_its_delegation_is_refused(blitar, who):
    org, people = blitar
    by = org.people.get(who) or people[who]

    error = _refused(lambda: _propose(org, people, by=by), PermissionDenied)

    assert (error.code, error.rule, error.citation) == ("permission_denied", "V-62", BLITAR_V62)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "competencies", "code"),
    [
        ("pelaksana", ["manajemen risiko"], "training_not_a_gap"),
        ("pelaksana", [" "], "training_competencies_required"),
        ("sekretariat", ["analisis data"], "training_person_not_in_unit"),
    ],
    ids=["not_a_gap_case", "nothing_chosen_case", "outside_the_unit_case"],
)
def test_a_proposal_for_what_is_not_a_gap_of_a_person_of_the_unit_is_refused(
    blitar, who, competencies, code
):
    org, people = blitar

    error = _refused(lambda: _propose(org, people, who=who, competencies=competencies))

    assert error.code == code


@pytest.mark.django_db
def test_the_same_open_need_is_refused_clearly_until_bkpsdm_declines_it(blitar):
    org, people = blitar
    first = _propose(org, people)

    error = _refused(lambda: _propose(org, people, by=org.people["dinas"]))
    training_proposal_decide(
        actor=_operator(org),
        proposal_id=first.pk,
        decision=Decision(schedule=False, reason="Anggaran diklat 2027 habis"),
        at=LATER,
        on=ON,
    )
    again = _propose(org, people)

    assert (error.code, list(error.fields)) == ("training_need_already_proposed", ["competencies"])
    assert "analisis data" in error.message
    assert ON.isoformat() in error.message
    assert again.status == "SUBMITTED"
    assert list(
        TrainingNeedItem.objects.filter(is_open=True).values_list("proposal_id", flat=True)
    ) == [again.pk]


@pytest.mark.django_db
def test_bkpsdm_schedules_a_proposal_with_its_date_and_programme_and_tells_both_sides(
    blitar, django_capture_on_commit_callbacks
):
    org, people = blitar
    proposal = _propose(org, people)
    operator = _operator(org)

    with django_capture_on_commit_callbacks(execute=True):
        decided = training_proposal_decide(
            actor=operator, proposal_id=proposal.pk, decision=SCHEDULED, at=LATER, on=ON
        )

    assert (decided.status, decided.scheduled_on, decided.programme) == (
        "SCHEDULED",
        dt.date(2027, 2, 8),
        "Diklat Analisis Data",
    )
    assert (decided.decided_by_id, decided.decided_at) == (operator.user_id, LATER)
    event = AuditEvent.objects.get(action="training.scheduled")
    assert (event.actor_user_id, event.rule) == (operator.user_id, "V-62")
    told = sorted(
        Notification.objects.filter(kind="training_decided").values_list("recipient_id", flat=True)
    )
    assert told == sorted([org.people["bidang"].pk, people["pelaksana"].pk])
    # A scheduled need stays open: proposing it again is refused.
    assert _refused(lambda: _propose(org, people)).code == "training_need_already_proposed"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("decision", "code"),
    [
        (Decision(schedule=True, programme="Diklat"), "training_decision_invalid"),
        (Decision(schedule=True, scheduled_on=dt.date(2027, 2, 8)), "text_required"),
        (Decision(schedule=False, reason=" "), "text_required"),
    ],
    ids=["no_date_case", "no_programme_case", "no_reason_case"],
)
def test_an_incomplete_decision_is_refused(blitar, decision, code):
    org, people = blitar
    proposal = _propose(org, people)

    error = _refused(
        lambda: training_proposal_decide(
            actor=_operator(org), proposal_id=proposal.pk, decision=decision, at=LATER, on=ON
        )
    )

    assert (error.code, TrainingNeedProposal.objects.get().status) == (code, "SUBMITTED")


@pytest.mark.django_db
def test_only_bkpsdm_decides_and_a_decided_proposal_is_not_decided_again(blitar):
    org, people = blitar
    proposal = _propose(org, people)
    head = Actor(
        user_id=None,
        label="kabid",
        government_id=org.government.pk,
        employee_id=org.people["bidang"].pk,
    )
    operator = _operator(org)

    denied = _refused(
        lambda: training_proposal_decide(
            actor=head, proposal_id=proposal.pk, decision=SCHEDULED, at=LATER, on=ON
        ),
        PermissionDenied,
    )
    training_proposal_decide(
        actor=operator, proposal_id=proposal.pk, decision=SCHEDULED, at=LATER, on=ON
    )
    stale = _refused(
        lambda: training_proposal_decide(
            actor=operator,
            proposal_id=proposal.pk,
            decision=Decision(schedule=False, reason="Tidak ada kuota"),
            at=LATER,
            on=ON,
        ),
        StaleState,
    )

    assert (denied.rule, denied.citation) == ("V-62", BLITAR_V62)
    assert (stale.code, TrainingNeedProposal.objects.get().status) == ("stale_state", "SCHEDULED")


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_bkpsdm_operators_deciding_one_proposal_at_once_exactly_one_wins(blitar):
    org, people = blitar
    proposal = _propose(org, people)
    first, second = (
        _operator(org),
        _operator(org, org.staff("Operator Dua", "sekretariat", "PELAKSANA")),
    )
    decline = Decision(schedule=False, reason="Tidak ada kuota")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def run(actor: Actor, decision: Decision) -> None:
        barrier.wait()
        try:
            training_proposal_decide(
                actor=actor, proposal_id=proposal.pk, decision=decision, at=LATER, on=ON
            )
            outcomes.append("won")
        except StaleState:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(first, SCHEDULED)),
        threading.Thread(target=run, args=(second, decline)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["stale", "won"]
    decided = AuditEvent.objects.filter(action__in=["training.scheduled", "training.declined"])
    assert decided.count() == 1
    assert TrainingNeedProposal.objects.get().status in {"SCHEDULED", "DECLINED"}


@pytest.mark.parametrize("pack_id", ["kotim-2023", "surakarta-2023", "cilegon-2023", "barut-2024"])
def test_v62_a_silent_pack_offers_the_proposal_as_a_labelled_product_decision(pack_id):
    pack = load_pack(pack_id)

    offer = training_offer(pack)

    assert (offer.offered, offer.required, offer.rule_id) == (True, False, "")
    assert offer.citation == (
        f"keputusan produk (tidak diatur dalam peraturan); {pack.citation_of('V-62')}"
    )
    assert offer.note.startswith("Peraturan ini tidak mewajibkan usulan kebutuhan pelatihan")


def test_v62_blitar_offers_the_proposal_as_its_duty_citing_pasal_29_ayat_2():
    offer = training_offer(load_pack("blitar-2023"))

    assert (offer.offered, offer.required, offer.rule_id, offer.citation) == (
        True,
        True,
        "V-62",
        BLITAR_V62,
    )


def _raw(pack_id: str, *, without: str = "", training: dict | None = None) -> dict:
    raw = tomllib.loads((PACKS_DIR / f"{pack_id}.toml").read_text())
    for part in sorted(Path(PACKS_DIR).glob(f"{pack_id}.*.toml")):
        if part.name == without:
            continue
        for key, value in tomllib.loads(part.read_text()).items():
            if isinstance(value, list):
                raw.setdefault(key, []).extend(value)
            else:
                raw.setdefault(key, {}).update(value)
    if training is not None:
        raw["training"] = training
    return raw


@pytest.mark.parametrize(
    ("pack_id", "without", "training"),
    [
        ("blitar-2023", "blitar-2023.training.toml", None),
        ("blitar-2023", "", {"offered": False}),
        ("kotim-2023", "", {"offered": True}),
    ],
    ids=["blitar_without_the_table_case", "blitar_not_offered_case", "silent_as_duty_case"],
)
def test_a_pack_whose_training_table_contradicts_its_v62_does_not_load(pack_id, without, training):
    with pytest.raises(ValidationError, match="V-62"):
        Pack.model_validate(_raw(pack_id, without=without, training=training))
