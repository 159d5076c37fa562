"""The assignments app's part in the workflow engine: staff lists, V-24, letter bodies."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from sikerja.assignments import checks
from sikerja.assignments.errors import AssignmentErrorCode
from sikerja.assignments.models import Assignment, AssignmentCandidate
from sikerja.assignments.parties import PENUGASAN, AssignmentParties
from sikerja.core.errors import ValidationFailed
from sikerja.organization.models import Employee, OrgUnit, Placement
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import Decision, DocType, StepSpec
from sikerja.workflows.actors import Parties
from sikerja.workflows.hooks import RuleWarning, SubjectHooks, SubjectRef
from sikerja.workflows.models import WorkflowInstance

SUBJECT_TYPE = "assignments.assignment"

NAMING_DOCUMENTS = {
    DocType.ASSIGNMENT_LETTER,
    DocType.ORDER_LETTER,
    DocType.ASSIGNMENT_PROOF,
    DocType.STAFF_LIST,
    DocType.DECREE,
}


def _names_staff(step: StepSpec, decision: str) -> bool:
    documents = (
        step.documents.get(Decision(decision), ())
        if decision in Decision.__members__.values()
        else ()
    )
    return any(document.type in NAMING_DOCUMENTS for document in documents)


class AssignmentHooks(SubjectHooks):
    """Penugasan's part in the engine: a request, and each member's part of a team request."""

    subject_type = SUBJECT_TYPE

    def __init__(self, kind: str = PENUGASAN) -> None:
        self.kind = kind

    def parties_from_json(self, data: dict[str, Any]) -> Parties:
        return AssignmentParties.from_json(data)

    def child_parties(self, parent: Parties, member_id: int) -> Parties:
        assert isinstance(parent, AssignmentParties)  # noqa: S101 (parties of this kind)
        return parent.for_member(member_id)

    def children_closed(
        self, *, parent: WorkflowInstance, children: list[WorkflowInstance], step: StepSpec
    ) -> None:
        """V-69: a member whose own side refused leaves the request; the others go on."""
        answers = {
            int(child.parties["member"]): child.status == WorkflowInstance.Status.APPROVED
            for child in children
        }
        links = AssignmentCandidate.objects.filter(assignment_id=parent.subject_id)
        for accepted, answer in (
            (True, AssignmentCandidate.Answer.ACCEPTED),
            (False, AssignmentCandidate.Answer.DECLINED),
        ):
            chosen = [pk for pk, ok in answers.items() if ok is accepted]
            links.filter(employee_id__in=chosen).update(answer=answer)
        kept = [pk for pk in parent.parties.get("candidates", []) if answers.get(int(pk), True)]
        WorkflowInstance.objects.filter(pk=parent.pk).update(
            parties={**parent.parties, "candidates": kept}
        )
        del step

    def describe(self, instances: list[WorkflowInstance]) -> dict[int, SubjectRef]:
        """Title and page of each instance's assignment (one query)."""
        titles = dict(
            Assignment.objects.filter(pk__in={i.subject_id for i in instances}).values_list(
                "pk", "title"
            )
        )
        return {
            instance.pk: SubjectRef(
                title=titles.get(instance.subject_id, ""),
                url=reverse("web:assignment-detail", args=[instance.subject_id]),
            )
            for instance in instances
        }

    def check_decision(
        self,
        *,
        instance: WorkflowInstance,
        step: StepSpec,
        decision: str,
        data: dict[str, Any],
        on: dt.date,
    ) -> list[RuleWarning]:
        names_staff = _names_staff(step, decision)
        team_check = "V-35" in step.rules and decision == Decision.SUBMIT
        criteria = "V-24" in step.rules and decision == Decision.APPROVE
        if not (data.get("assignees") or names_staff or team_check or criteria):
            return []  # nothing of the subject to check (a plain submit)
        assignment = Assignment.objects.select_related("home_unit", "owner_unit").get(
            pk=instance.subject_id
        )
        pack = load_pack(instance.pack_id)
        assignees = self._assignees(assignment, data, on, pack)
        if names_staff and not assignees and not assignment.candidate_links.exists():
            raise ValidationFailed(
                code=AssignmentErrorCode.NO_CANDIDATES,
                message=_("Sebutkan Pejabat Fungsional/Pelaksana yang ditugaskan."),
                fields={"assignee_ids": _("Wajib diisi.")},
            )
        if team_check:
            return checks.team_form_warnings(pack, assignment)
        if criteria:
            people = assignees or list(assignment.candidates.all())
            return self._criteria_warnings(assignment, people)
        return []

    def _assignees(
        self, assignment: Assignment, data: dict[str, Any], on: dt.date, pack: LoadedPack
    ) -> list[Employee]:
        ids = [int(pk) for pk in data.get("assignees", [])]
        if not ids:
            return []
        people = list(Employee.objects.filter(pk__in=ids))
        if len(people) != len(set(ids)):
            raise ValidationFailed(
                code=AssignmentErrorCode.UNKNOWN_VALUE,
                message=_("Pegawai yang ditugaskan tidak ditemukan."),
                fields={"assignee_ids": _("Tidak ditemukan.")},
            )
        home = assignment.home_unit
        kinds = checks.assignable_kinds(pack, assignment.subject)
        for person in people:
            placement = (
                Placement.objects.effective_on(on)
                .filter(employee=person)
                .select_related("position__unit")
                .first()
            )
            placement = checks.assignee_check(pack, person, placement, kinds, on)
            if home is not None and not placement.position.unit.path.startswith(
                _agency_root_path(home)
            ):
                raise ValidationFailed(
                    code=AssignmentErrorCode.CANDIDATE_OUTSIDE,
                    message=_("%(name)s tidak berkedudukan di Perangkat Daerah yang dituju.")
                    % {"name": person.full_name},
                    fields={"assignee_ids": _("Di luar Perangkat Daerah yang dituju.")},
                )
        return people

    def _criteria_warnings(
        self, assignment: Assignment, people: list[Employee]
    ) -> list[RuleWarning]:
        pack = load_pack(assignment.government.pack_id)
        if not pack.warns("V-24"):
            return []
        wanted = {c.lower() for c in assignment.competencies}
        short = [p.full_name for p in people if not wanted <= {c.lower() for c in p.competencies}]
        if not short or not wanted:
            return []
        return [
            RuleWarning(
                rule="V-24",
                citation=pack.cite_rule("V-24"),
                message=_("Kompetensi %(names)s belum memenuhi kriteria permohonan (%(wanted)s).")
                % {"names": ", ".join(short), "wanted": ", ".join(assignment.competencies)},
            )
        ]

    def apply_decision(
        self, *, instance: WorkflowInstance, step: StepSpec, decision: str, data: dict[str, Any]
    ) -> None:
        """A staff list given with the decision becomes the assignment's people."""
        ids = [int(pk) for pk in data.get("assignees", [])]
        if not ids:
            return
        assignment_id = instance.subject_id
        AssignmentCandidate.objects.filter(assignment_id=assignment_id).exclude(
            employee_id__in=ids
        ).delete()
        existing = set(
            AssignmentCandidate.objects.filter(assignment_id=assignment_id).values_list(
                "employee_id", flat=True
            )
        )
        start = (
            AssignmentCandidate.objects.filter(assignment_id=assignment_id).aggregate(
                m=Max("order")
            )["m"]
            or 0
        ) + 1
        AssignmentCandidate.objects.bulk_create(
            AssignmentCandidate(
                government_id=instance.government_id,
                assignment_id=assignment_id,
                employee_id=pk,
                order=start + i,
            )
            for i, pk in enumerate(pk for pk in ids if pk not in existing)
        )
        instance.parties = {**instance.parties, "candidates": ids}
        WorkflowInstance.objects.filter(pk=instance.pk).update(parties=instance.parties)
        del step, decision

    def document_body(self, *, instance: WorkflowInstance) -> dict[str, Any]:
        assignment = Assignment.objects.select_related(
            "owner_unit__agency", "home_unit__agency", "external_government"
        ).get(pk=instance.subject_id)
        links = list(
            assignment.candidate_links.exclude(answer=AssignmentCandidate.Answer.DECLINED)
            .select_related("employee")
            .order_by("order")
        )
        positions = _positions_of([link.employee_id for link in links])
        people = [
            {
                "employee_id": link.employee_id,
                "name": link.employee.full_name,
                "nip": link.employee.nip,
                **positions.get(link.employee_id, {"position": "", "unit": ""}),
            }
            for link in links
        ]
        return {
            "assignment_id": assignment.pk,
            "title": assignment.title,
            "mode": assignment.mode,
            "mode_label": str(assignment.get_mode_display()),
            "subject": assignment.subject,
            "scope": assignment.scope,
            "scope_label": str(assignment.get_scope_display()),
            "purpose": assignment.purpose,
            "competencies": assignment.competencies,
            "expected_target": assignment.expected_target,
            "task_description": assignment.task_description,
            "individual_target": assignment.individual_target,
            "other_arrangements": assignment.other_arrangements,
            "team_name": assignment.team_name,
            "starts_on": assignment.starts_on.isoformat() if assignment.starts_on else "",
            "ends_on": assignment.ends_on.isoformat() if assignment.ends_on else "",
            "owner_unit": assignment.owner_unit.name,
            "owner_agency": assignment.owner_unit.agency.name,
            "home_unit": assignment.home_unit.name if assignment.home_unit else "",
            "home_agency": assignment.home_unit.agency.name if assignment.home_unit else "",
            "external_government": assignment.external_government.name
            if assignment.external_government
            else "",
            "assignees": people,
        }


def _positions_of(employee_ids: list[int]) -> dict[int, dict[str, str]]:
    """Latest position and unit of each employee (one query for the whole list)."""
    found: dict[int, dict[str, str]] = {}
    placements = (
        Placement.objects.filter(employee_id__in=employee_ids)
        .select_related("position__unit")
        .order_by("employee_id", "-valid_from")
    )
    for placement in placements:
        found.setdefault(
            placement.employee_id,
            {"position": placement.position.title, "unit": placement.position.unit.name},
        )
    return found


def _agency_root_path(unit: OrgUnit) -> str:
    return unit.path[:9]
