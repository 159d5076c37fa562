"""Engine v2: a new workflow kind is a pack entry plus a hooks module, no engine change.

The "checklist" kind below exists only in this test. It registers its variant, its typed role
map, one actor expression of its own and a guard vocabulary, and runs on the engine with a
guarded transition, a chain of officials of variable length and one child instance per member.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pytest
from django.core import checks

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound, StaleState
from sikerja.organization.models import Delegation, Employee
from sikerja.organization.resolver import Resolver
from sikerja.regulations import loader
from sikerja.regulations.schema.workflows import FlowCore, register_kind
from sikerja.workflows import actors, engine, events, hooks, selectors
from sikerja.workflows.actors import ActorContext, ResolvedActor
from sikerja.workflows.hooks import SubjectHooks, SubjectRef
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

PACK_ID = "kindtest-2026"
SUBJECT = "tests.checklist"
AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
ON = dt.date(2026, 11, 23)

FLOWS = """
[chains.review]
label = "Rantai pemeriksa"
label_en = "Review chain"
citation = { article = "Pasal 1" }
nodes = [
  { actor = "requester.appraiser" },
  { ascend_from = "requester.appraiser", until = "government.regional_secretary" },
]

[workflows.WF-CHECKLIST]
kind = "checklist"
id = "WF-CHECKLIST"
label = "Daftar periksa"
label_en = "Checklist"
items = ["rencana", "laporan"]
delegation_scope = "APPRAISAL"
citations = [{ article = "Pasal 1" }]
start = "submit"

[[workflows.WF-CHECKLIST.steps]]
id = "submit"
label = "Pemohon mengirim"
label_en = "The requester submits"
actor = "requester"
decisions = ["submit"]
next = { submit = "review" }
transitions = [{ decision = "submit", when = "urgent", to = "lead_check" }]
citation = { article = "Pasal 1" }

[[workflows.WF-CHECKLIST.steps]]
id = "lead_check"
label = "Ketua memeriksa segera"
label_en = "The lead checks at once"
actor = "checklist.lead"
decisions = ["approve", "reject"]
next = { approve = "members", reject = "@rejected" }
citation = { article = "Pasal 2" }

[[workflows.WF-CHECKLIST.steps]]
id = "review"
label = "Rantai pemeriksa menilai"
label_en = "The review chain assesses"
actor = "chain:review"
decisions = ["approve", "reject"]
next = { approve = "members", reject = "@rejected" }
citation = { article = "Pasal 3" }

[[workflows.WF-CHECKLIST.steps]]
id = "members"
label = "Setiap anggota menyatakan kesediaan"
label_en = "Each member consents"
actor = "system"
decisions = ["approve", "reject"]
next = { approve = "@approved", reject = "@rejected" }
fan_out = "members"
child = "WF-CHECKLIST-MEMBER"
join = "all"
citation = { article = "Pasal 4" }

[workflows.WF-CHECKLIST-MEMBER]
kind = "checklist_item"
id = "WF-CHECKLIST-MEMBER"
label = "Kesediaan anggota"
label_en = "A member's consent"
citations = [{ article = "Pasal 4" }]
start = "consent"

[[workflows.WF-CHECKLIST-MEMBER.steps]]
id = "consent"
label = "Pejabat Penilai Kinerja anggota memberi persetujuan"
label_en = "The member's appraiser consents"
actor = "member.appraiser"
decisions = ["approve", "reject"]
next = { approve = "@approved", reject = "@rejected" }
citation = { article = "Pasal 4 ayat (2)" }
"""


@register_kind
class ChecklistDefinition(FlowCore):
    kind: Literal["checklist"]
    items: tuple[str, ...]


@register_kind
class ChecklistItemDefinition(FlowCore):
    kind: Literal["checklist_item"]


@dataclass
class ChecklistParties:
    requester: int
    lead: int
    members: list[int] = field(default_factory=list)
    member: int | None = None
    urgent: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "requester": self.requester,
            "lead": self.lead,
            "members": self.members,
            "member": self.member,
            "urgent": self.urgent,
        }

    def employee(self, name: str) -> int | None:
        return {"requester": self.requester, "member": self.member}.get(name)

    def employees(self, name: str) -> list[int]:
        return list(self.members) if name == "members" else []

    def unit(self, name: str) -> int | None:
        return None


class ChecklistHooks(SubjectHooks):
    kind = "checklist"
    subject_type = SUBJECT
    conditions = frozenset({"urgent"})

    def __init__(self) -> None:
        self.closed: list[list[str]] = []

    def parties_from_json(self, data: dict[str, Any]) -> ChecklistParties:
        return ChecklistParties(**data)

    def child_parties(self, parent: Any, member_id: int) -> ChecklistParties:
        return replace(parent, member=member_id)

    def evaluate(self, condition: str, *, instance, data, on) -> bool:
        return bool(instance.parties["urgent"]) if condition == "urgent" else False

    def children_closed(self, *, parent, children, step) -> None:
        self.closed.append([child.status for child in children])

    def describe(self, instances):
        return {
            i.pk: SubjectRef(f"Daftar periksa {i.subject_id}", f"/cek/{i.subject_id}/")
            for i in instances
        }


class ChecklistItemHooks(ChecklistHooks):
    kind = "checklist_item"


def _lead(ctx: ActorContext, expression: str) -> ResolvedActor:
    return actors.employee_role(ctx, expression, ctx.parties.lead, "")  # type: ignore[attr-defined]


@pytest.fixture
def kind_pack(tmp_path, monkeypatch):
    """A pack beside the shipped ones, carrying the checklist flows; the kind registered."""
    for path in loader.PACKS_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    text = (loader.PACKS_DIR / "surakarta-2023.toml").read_text(encoding="utf-8")
    text = text.replace('id = "surakarta-2023"', f'id = "{PACK_ID}"', 1)
    (tmp_path / f"{PACK_ID}.toml").write_text(text + FLOWS, encoding="utf-8")
    monkeypatch.setattr(loader, "PACKS_DIR", tmp_path)
    loader.load_pack.cache_clear()
    parent_hooks, item_hooks = ChecklistHooks(), ChecklistItemHooks()
    hooks.register(parent_hooks)
    hooks.register(item_hooks)
    for kind in ("checklist", "checklist_item"):
        actors.declare_parties(kind, {"requester": "employee", "member": "employee"})
        actors.register(kind, "checklist.lead", _lead, ("Ketua", "Lead"))
    yield loader.load_pack(PACK_ID), parent_hooks
    loader.load_pack.cache_clear()


def _start(pack, persona, *, urgent=False, members=("jf_ahli_muda", "pelaksana"), subject_id=1):
    requester = persona("jf_ahli_muda")
    parties = ChecklistParties(
        requester=requester.pk,
        lead=persona("subkoordinator").pk,
        members=[persona(name).pk for name in members],
        urgent=urgent,
    )
    instance = engine.instance_start(
        government_id=requester.government_id,
        pack=pack,
        key="WF-CHECKLIST",
        subject_type=SUBJECT,
        subject_id=subject_id,
        parties=parties,
        requester_id=requester.pk,
        at=AT,
        on=ON,
    )
    first = instance.steps.get(status=WorkflowStep.Status.OPEN)
    engine.step_decide(step_id=first.pk, by=requester, decision="submit", at=AT, on=ON)
    return instance


def _open(instance: WorkflowInstance) -> WorkflowStep:
    return WorkflowStep.objects.get(instance=instance, status=WorkflowStep.Status.OPEN)


def _expected_chain(pack, requester: Employee) -> list[int]:
    resolver = Resolver(pack)
    appraiser = resolver.appraiser(requester.pk, ON).person
    sekda = resolver.regional_secretary(requester.government_id, ON).person
    ids = [appraiser.employee_id]
    for answer in resolver.chain_above_unit(appraiser.unit_id, ON):
        if answer.person is None or answer.person.employee_id == ids[-1]:
            continue
        ids.append(answer.person.employee_id)
        if answer.person.employee_id == sekda.employee_id:
            break
    return ids


def test_a_new_kind_runs_a_chain_node_by_node_then_one_child_per_member(kind_pack, persona):
    pack, parent_hooks = kind_pack
    instance = _start(pack, persona)
    expected = _expected_chain(pack, persona("jf_ahli_muda"))

    nodes = list(instance.steps.filter(step_key="review").order_by("seq"))
    assert [n.actor_id for n in nodes] == expected
    assert [n.status for n in nodes] == ["OPEN"] + ["PENDING"] * (len(expected) - 1)
    for node in nodes:
        engine.step_decide(
            step_id=node.pk,
            by=Employee.objects.get(pk=node.actor_id),
            decision="approve",
            at=AT,
            on=ON,
        )

    children = list(WorkflowInstance.objects.filter(parent=instance).order_by("pk"))
    assert [c.parties["member"] for c in children] == [
        persona("jf_ahli_muda").pk,
        persona("pelaksana").pk,
    ]
    assert {c.kind for c in children} == {"checklist_item"}
    for child in children:
        step = _open(child)
        resolver = Resolver(pack)
        assert step.actor_id == resolver.appraiser(child.parties["member"], ON).person.employee_id
        engine.step_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.actor_id),
            decision="approve",
            at=AT,
            on=ON,
        )
    instance.refresh_from_db()
    assert instance.status == WorkflowInstance.Status.APPROVED
    assert parent_hooks.closed == [["APPROVED", "APPROVED"]]
    fan_out = instance.steps.get(step_key="members")
    assert (fan_out.decision, fan_out.decided_by_id, fan_out.actor_id) == ("approve", None, None)


def test_one_member_refused_fails_a_join_of_all(kind_pack, persona):
    pack, parent_hooks = kind_pack
    instance = _start(pack, persona, urgent=True)
    lead_step = _open(instance)
    engine.step_decide(
        step_id=lead_step.pk, by=persona("subkoordinator"), decision="approve", at=AT, on=ON
    )
    first, second = WorkflowInstance.objects.filter(parent=instance).order_by("pk")

    step = _open(first)
    engine.step_decide(
        step_id=step.pk,
        by=Employee.objects.get(pk=step.actor_id),
        decision="reject",
        reason="Beban kerja penuh",
        at=AT,
        on=ON,
    )
    instance.refresh_from_db()
    assert instance.status == WorkflowInstance.Status.OPEN
    step = _open(second)
    engine.step_decide(
        step_id=step.pk, by=Employee.objects.get(pk=step.actor_id), decision="approve", at=AT, on=ON
    )

    instance.refresh_from_db()
    assert instance.status == WorkflowInstance.Status.REJECTED
    assert parent_hooks.closed == [["REJECTED", "APPROVED"]]


def test_a_guard_from_the_kinds_vocabulary_chooses_the_transition(kind_pack, persona):
    pack, _hooks = kind_pack

    urgent = _start(pack, persona, urgent=True, subject_id=1)
    normal = _start(pack, persona, urgent=False, subject_id=2)

    assert (_open(urgent).step_key, _open(urgent).actor_id) == (
        "lead_check",
        persona("subkoordinator").pk,
    )
    assert _open(normal).step_key == "review"


def test_a_chain_node_refused_cancels_the_nodes_after_it(kind_pack, persona):
    pack, _hooks = kind_pack
    instance = _start(pack, persona)
    node = _open(instance)

    engine.step_decide(
        step_id=node.pk,
        by=Employee.objects.get(pk=node.actor_id),
        decision="reject",
        reason="Belum lengkap",
        at=AT,
        on=ON,
    )

    instance.refresh_from_db()
    nodes = instance.steps.filter(step_key="review").order_by("seq")
    statuses = list(nodes.values_list("status", flat=True))
    assert instance.status == WorkflowInstance.Status.REJECTED
    assert statuses == ["DECIDED"] + ["CANCELLED"] * (len(statuses) - 1)


def test_a_subject_has_one_open_instance_at_a_time_and_several_over_time(kind_pack, persona):
    pack, _hooks = kind_pack
    first = _start(pack, persona, urgent=True)

    with pytest.raises(StaleState):
        _start(pack, persona, urgent=True)
    lead_step = _open(first)
    engine.step_decide(
        step_id=lead_step.pk,
        by=persona("subkoordinator"),
        decision="reject",
        reason="Tidak",
        at=AT,
        on=ON,
    )
    second = _start(pack, persona, urgent=True)

    assert WorkflowInstance.objects.filter(subject_type=SUBJECT, subject_id=1).count() == 2
    assert second.pk != first.pk


def test_the_delegation_scope_is_the_definitions(kind_pack, persona):
    pack, _hooks = kind_pack
    instance = _start(pack, persona, urgent=True)
    step = _open(instance)
    lead, delegate = persona("subkoordinator"), persona("kabid")

    def delegate_with(scope: str) -> Delegation:
        return Delegation.objects.create(
            government_id=lead.government_id,
            from_employee=lead,
            to_employee=delegate,
            scope=scope,
            legal_basis="Surat Kuasa 1/2026",
            rule_id="V-41",
            valid_from=ON,
        )

    appointment = delegate_with(Delegation.Scope.APPOINTMENT)
    assert engine.may_act(step, delegate.pk, ON) is False
    with pytest.raises(NotFound):
        engine.step_decide(step_id=step.pk, by=delegate, decision="approve", at=AT, on=ON)
    appointment.delete()
    delegate_with(Delegation.Scope.APPRAISAL)

    assert engine.may_act(step, delegate.pk, ON) is True
    waiting = selectors.waiting_steps(employee_id=delegate.pk, on=ON)
    assert [(w.step.pk, w.as_delegate_of) for w in waiting] == [(step.pk, lead.pk)]


def test_the_inbox_shows_every_kind_with_its_apps_title_and_page(kind_pack, persona):
    pack, _hooks = kind_pack
    instance = _start(pack, persona, urgent=True)

    entries = selectors.inbox(employee_id=persona("subkoordinator").pk, on=ON)

    mine = [e for e in entries if e.waiting.step.instance_id == instance.pk]
    assert [(e.subject.title, e.subject.url) for e in mine] == [("Daftar periksa 1", "/cek/1/")]


def test_step_opened_is_published_to_registered_handlers(
    kind_pack, persona, django_capture_on_commit_callbacks
):
    pack, _hooks = kind_pack
    seen: list[int] = []
    events.subscribe(events.STEP_OPENED, lambda step_id: seen.append(step_id))

    with django_capture_on_commit_callbacks(execute=True):
        instance = _start(pack, persona, urgent=True)

    assert seen[-1] == _open(instance).pk


def test_a_pack_naming_an_unregistered_actor_or_condition_fails_the_check(kind_pack, tmp_path):
    path = tmp_path / f"{PACK_ID}.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('actor = "checklist.lead"', 'actor = "checklist.leader"')
    text = text.replace('when = "urgent"', 'when = "urgnt"')
    path.write_text(text, encoding="utf-8")
    loader.load_pack.cache_clear()

    messages = [m.msg for m in checks.run_checks(tags=["packs"]) if m.id == "sikerja.W001"]

    assert messages == [
        f"pack {PACK_ID}, workflow WF-CHECKLIST: actor expression 'checklist.leader' is not known for kind 'checklist'",
        f"pack {PACK_ID}, workflow WF-CHECKLIST: condition 'urgnt' is not in the vocabulary of 'checklist'",
    ]


def test_packs_check_fails_on_an_unregistered_actor_naming_pack_and_flow(kind_pack, tmp_path):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    path = tmp_path / f"{PACK_ID}.toml"
    text = path.read_text(encoding="utf-8").replace('"checklist.lead"', '"checklist.leader"')
    path.write_text(text, encoding="utf-8")
    loader.load_pack.cache_clear()
    out = StringIO()

    with pytest.raises(CommandError, match="1 workflow problem"):
        call_command("packs", check=True, dir=tmp_path, stdout=out)

    assert out.getvalue().splitlines()[-1] == (
        f"{PACK_ID}.toml  INVALID  pack {PACK_ID}, workflow WF-CHECKLIST: actor expression "
        "'checklist.leader' is not known for kind 'checklist'"
    )


def test_an_unknown_kind_fails_the_pack_schema_naming_the_flow(kind_pack, tmp_path):
    path = tmp_path / f"{PACK_ID}.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('kind = "checklist_item"', 'kind = "checklst"'),
        encoding="utf-8",
    )
    loader.load_pack.cache_clear()

    with pytest.raises(
        loader.PackError, match=r"WF-CHECKLIST-MEMBER.*unknown workflow kind 'checklst'"
    ):
        loader.load_pack(PACK_ID)


def test_nothing_is_written_when_the_first_actor_is_missing(kind_pack, persona):
    pack, _hooks = kind_pack
    before = (WorkflowInstance.objects.count(), AuditEvent.objects.count())
    parties = ChecklistParties(requester=persona("jf_ahli_muda").pk, lead=persona("kabid").pk)
    broken = replace(parties, requester=0)

    with pytest.raises(Employee.DoesNotExist):
        engine.instance_start(
            government_id=persona("kabid").government_id,
            pack=pack,
            key="WF-CHECKLIST",
            subject_type=SUBJECT,
            subject_id=9,
            parties=broken,
            requester_id=parties.requester,
            at=AT,
            on=ON,
        )

    assert (WorkflowInstance.objects.count(), AuditEvent.objects.count()) == before
