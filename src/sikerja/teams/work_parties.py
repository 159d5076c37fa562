"""The role map of a team's plan approval, reports and evaluation (kinds `plan`, `report` and
`evaluation`) and the actor expressions only a team's work can answer.

Parties: the `author` (who reports, or who submits the results), the team's `owner` unit, its
`lead`, the `member` a report on one member is about, and the team's `pengendali`
(Surakarta, V-67). Core expressions resolve through the organisation resolver
(`member.appraiser` is the member's own, home appraiser; `owner.agency_head` the head of the
owner's Perangkat Daerah).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation
from sikerja.organization.models import Placement
from sikerja.organization.officials import bkpsdm_operators
from sikerja.teams.errors import TeamErrorCode
from sikerja.workflows import actors
from sikerja.workflows.actors import ActorContext, ResolvedActor

REPORT = "report"
EVALUATION = "evaluation"
PLAN = "plan"
KINDS = (REPORT, EVALUATION, PLAN)


def _int(value: Any) -> int | None:
    return int(value) if value is not None else None


@dataclass
class WorkParties:
    """The sides of a report or an evaluation, stored on the workflow instance as JSON."""

    author: int
    owner_unit: int
    lead: int | None = None
    member: int | None = None
    pengendali: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "author": self.author,
            "owner_unit": self.owner_unit,
            "lead": self.lead,
            "member": self.member,
            "pengendali": self.pengendali,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WorkParties:
        return cls(
            author=int(data["author"]),
            owner_unit=int(data["owner_unit"]),
            lead=_int(data.get("lead")),
            member=_int(data.get("member")),
            pengendali=_int(data.get("pengendali")),
        )

    def employee(self, name: str) -> int | None:
        return {
            "author": self.author,
            "lead": self.lead,
            "member": self.member,
            "pengendali": self.pengendali,
        }.get(name)

    def employees(self, name: str) -> list[int]:
        return []

    def unit(self, name: str) -> int | None:
        return self.owner_unit if name == "owner" else None


def _parties(ctx: ActorContext) -> WorkParties:
    parties = ctx.parties
    assert isinstance(parties, WorkParties)  # noqa: S101 (registered for these kinds only)
    return parties


def _pengendali_or_appraiser(ctx: ActorContext, expression: str) -> ResolvedActor:
    """Surakarta: the lead reports through the Pengendali linked to the team (V-67), otherwise
    through the lead's appraiser (Pasal 26(3)b; SPEC 4.12)."""
    parties = _parties(ctx)
    if parties.pengendali is not None:
        person = actors.employee_role(ctx, expression, parties.pengendali, "")
        return ResolvedActor(
            expression,
            person.person,
            "V-67",
            ctx.pack.citation_of("V-67"),
            agency_id=person.agency_id,
        )
    reporter = parties.lead if parties.lead is not None else parties.author
    return actors.employee_role(ctx, expression, reporter, "appraiser")


def _lead_or_appraiser(ctx: ActorContext, expression: str) -> ResolvedActor:
    """Members report to the lead; while the lead post is vacant, to their appraiser
    (Surakarta, SPEC 4.12 and Appendix A, A40)."""
    parties = _parties(ctx)
    if parties.lead is not None:
        return actors.employee_role(ctx, expression, parties.lead, "")
    return actors.employee_role(ctx, expression, parties.author, "appraiser")


def _author(ctx: ActorContext, expression: str) -> ResolvedActor:
    return actors.employee_role(ctx, expression, _parties(ctx).author, "")


def field_unit_of(employee_id: int, on: dt.date) -> int | None:
    """The field unit (Bagian) BKPSDM recorded on the employee's position on the day (V-46)."""
    return (
        Placement.objects.effective_on(on)
        .filter(employee_id=employee_id)
        .order_by("kind")
        .values_list("position__field_unit_id", flat=True)
        .first()
    )


def _v46_refusal(ctx: ActorContext, code: TeamErrorCode, message: str) -> RuleViolation:
    return RuleViolation(
        code=code,
        message=message,
        rule="V-46",
        citation=ctx.pack.citation_of("V-46"),
        instead=bkpsdm_operators(ctx.government_id, ctx.on),
        next_step=_(
            "Minta operator BKPSDM mencatat Bagian bidang pada jabatan Anda (ubah jabatan), "
            "lalu sampaikan lagi."
        ),
    )


def _author_field_unit_head(ctx: ActorContext, expression: str) -> ResolvedActor:
    """V-46 (Surakarta Lampiran VI angka 1 huruf b): the Kepala Bagian for the field of the
    author's position, the Bagian BKPSDM recorded on it (a Setda JF Madya sits under the
    Asisten, so the tree cannot tell). Raises RuleViolation when none is recorded or the
    Bagian has no head."""
    field_unit = field_unit_of(_parties(ctx).author, ctx.on)
    if field_unit is None:
        raise _v46_refusal(
            ctx,
            TeamErrorCode.FIELD_UNIT_MISSING,
            _(
                "Laporan JF Ahli Madya Sekretariat Daerah disampaikan melalui Kepala Bagian "
                "bidangnya, tetapi Bagian bidang jabatan Anda belum dicatat. BKPSDM harus "
                "mencatatnya lebih dahulu."
            ),
        )
    found = actors.answer_actor(
        expression, ctx.resolver.head_of_unit(field_unit, ctx.on, "own_unit")
    )
    if found.person is None:
        raise _v46_refusal(
            ctx,
            TeamErrorCode.FIELD_UNIT_HEAD_VACANT,
            _("Jabatan Kepala Bagian bidang Anda lowong; BKPSDM perlu menetapkan Plt. atau Plh."),
        )
    return ResolvedActor(
        expression,
        found.person,
        "V-46",
        ctx.pack.citation_of("V-46"),
        agency_id=found.agency_id,
    )


def register_actors() -> None:
    """Register the role map of reports and evaluation and their own expressions."""
    for kind in KINDS:
        actors.declare_parties(
            kind,
            {
                "author": "employee",
                "lead": "employee",
                "member": "employee",
                "pengendali": "employee",
                "owner": "unit",
            },
        )
        actors.register(
            kind,
            "author",
            _author,
            ("Penyusun laporan atau hasil kerja", "Author of the report or results"),
        )
        actors.register(
            kind,
            "pengendali_or_appraiser",
            _pengendali_or_appraiser,
            ("Pengendali atau Pejabat Penilai Kinerja", "Pengendali or appraiser"),
        )
        actors.register(
            kind,
            "author.field_unit_head",
            _author_field_unit_head,
            ("Kepala Bagian bidang pegawai", "Kepala Bagian of the employee's field"),
        )
        actors.register(
            kind,
            "lead_or_appraiser",
            _lead_or_appraiser,
            ("Ketua tim (lowong: Pejabat Penilai Kinerja)", "Team lead (vacant: appraiser)"),
        )
