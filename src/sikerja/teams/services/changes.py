"""Changing an active team: replace a member, record and fill a lead vacancy, dissolve it,
expire it at the end of its period. Each is audited; where the team has an instrument, the
change is issued as a letter of the same kind [product decision, SPEC 4.9.1 step 9].
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import DateField, F, Value
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sikerja.core.errors import PermissionDenied, StaleState, ValidationFailed
from sikerja.documents.services import letter_issue
from sikerja.organization.models import Employee
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.teams import checks, membership, rules
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import Team, TeamMember
from sikerja.teams.parties import TEAM, TeamParties
from sikerja.teams.services.common import audit_team
from sikerja.teams.services.work_common import work_team
from sikerja.workflows.actors import ActorContext, employee_role
from sikerja.workflows.engine import justify
from sikerja.workflows.letters import party_snapshot

DOC_TYPE = {
    Team.Instrument.KEPUTUSAN: ("DECREE", gettext_lazy("Keputusan tentang %(change)s")),
    Team.Instrument.SURAT_PERINTAH: (
        "ORDER_LETTER",
        gettext_lazy("Surat Perintah tentang %(change)s"),
    ),
    Team.Instrument.SURAT_TUGAS: (
        "ASSIGNMENT_LETTER",
        gettext_lazy("Surat Penugasan tentang %(change)s"),
    ),
}


def _active_team(team_id: int, by: Employee) -> Team:
    return work_team(team_id, by, lock=True)


def _managed(team: Team, by: Employee, on: dt.date) -> None:
    if rules.team_manager(team, on) != by.pk:
        raise PermissionDenied(
            _("Perubahan tim kerja dilakukan oleh Pimpinan Unit Organisasi pemilik kinerja.")
        )


def _issue(
    team: Team, by: Employee, change: str, extra: list[int], at: dt.datetime, on: dt.date
) -> None:
    """The change as a letter of the team's instrument, signed by the deciding official and
    addressed to every current member and to the people it names (V-69)."""
    pack = load_pack(team.government.pack_id)
    doc_type, title = DOC_TYPE[Team.Instrument(team.instrument)]
    current = list(
        team.memberships.exclude(status=TeamMember.Status.ENDED).values_list(
            "employee_id", flat=True
        )
    )
    parties = TeamParties(
        requester=by.pk, owner_unit=team.owner_unit_id, lead=team.lead_id, members=current
    )
    ctx = ActorContext(pack, TEAM, parties, team.government_id, on)
    addressees = [party_snapshot(a) for a in ctx.resolve_all("members")]
    named = {a["employee_id"] for a in addressees}
    addressees += [
        party_snapshot(employee_role(ctx, "members", pk, "")) for pk in extra if pk not in named
    ]
    body: dict[str, Any] = {**membership.letter_body(team), "change": change}
    letter_issue(
        government_id=team.government_id,
        doc_type=doc_type,
        title=str(title % {"change": change}),
        signer=party_snapshot(employee_role(ctx, "owner.unit_head", by.pk, "")),
        on_behalf_of="",
        addressees=addressees,
        cc=[],
        body=body,
        citation="; ".join(pack.cite(c) for c in pack.data.workflows["WF-TEAM"].citations),
        workflow_instance_id=None,
        workflow_step_id=None,
        at=at,
        on=on,
    )


def team_member_replace(
    *,
    team_id: int,
    by: Employee,
    old_employee_id: int,
    new_employee_id: int,
    reason: str,
    at: dt.datetime,
    on: dt.date,
) -> Team:
    """Replace a member of an active team from a day (the lead: record a vacancy instead).

    Raises NotFound, PermissionDenied, ValidationFailed, RuleViolation (V-33 member kinds).
    """
    with transaction.atomic():
        team = _active_team(team_id, by)
        _managed(team, by, on)
        _reason_check(reason)
        old = team.memberships.filter(
            employee_id=old_employee_id, role=TeamMember.Role.MEMBER
        ).exclude(status=TeamMember.Status.ENDED)
        if not old.exists():
            raise ValidationFailed(
                code=TeamErrorCode.NOT_A_MEMBER,
                message=_("Pegawai itu bukan anggota tim ini."),
                fields={"old_employee_id": _("Bukan anggota.")},
            )
        pack = load_pack(team.government.pack_id)
        membership.members_check(pack, team, [new_employee_id], on)
        old.update(status=TeamMember.Status.ENDED, valid_to=_ending(on), end_reason=reason.strip())
        membership.join(
            team,
            [new_employee_id],
            role=TeamMember.Role.MEMBER,
            valid_from=max(on, team.starts_on),
            status=TeamMember.Status.ACTIVE,
        )
        _issue(
            team,
            by,
            _("Perubahan Anggota %(team)s") % {"team": team.name},
            [old_employee_id],
            at,
            on,
        )
        audit_team(
            team,
            by,
            "team.member_replaced",
            at,
            after={"old": old_employee_id, "new": new_employee_id, "reason": reason.strip()},
        )
    return team


def _reason_check(reason: str) -> None:
    if not reason.strip():
        raise ValidationFailed(
            code=TeamErrorCode.MISSING_FIELDS,
            message=_("Alasan perubahan wajib diisi."),
            fields={"reason": _("Wajib diisi.")},
        )


def team_lead_vacate(
    *, team_id: int, by: Employee, vacant_on: dt.date, reason: str, at: dt.datetime, on: dt.date
) -> Team:
    """Record that the lead's post fell vacant; the team stays active (V-31) and, where the
    pack sets one, the vacancy gets its deadline (V-13).

    Implements: V-13, V-31. Raises NotFound, PermissionDenied, ValidationFailed.
    """
    with transaction.atomic():
        team = _active_team(team_id, by)
        _managed(team, by, on)
        _reason_check(reason)
        if team.lead_id is None:
            raise ValidationFailed(
                code=TeamErrorCode.NOT_A_MEMBER, message=_("Tim kerja ini tidak memiliki ketua.")
            )
        pack = load_pack(team.government.pack_id)
        due = checks.vacancy_deadline(pack, vacant_on) if pack.binds("V-13") else None
        team.memberships.filter(role=TeamMember.Role.LEAD).exclude(
            status=TeamMember.Status.ENDED
        ).update(
            status=TeamMember.Status.ENDED, valid_to=_ending(vacant_on), end_reason=reason.strip()
        )
        before = team.lead_id
        Team.objects.filter(pk=team.pk).update(
            lead=None, lead_vacant_since=vacant_on, lead_due_on=due
        )
        audit_team(
            team,
            by,
            "team.lead_vacated",
            at,
            after={"lead": before, "vacant_on": vacant_on.isoformat(), "due_on": str(due or "")},
            rule="V-13" if due else "",
            citation=pack.citation_of("V-13") if due else "",
        )
    team.refresh_from_db()
    return team


def team_lead_fill(
    *,
    team_id: int,
    by: Employee,
    lead_id: int,
    at: dt.datetime,
    on: dt.date,
    justification: str = "",
) -> Team:
    """Appoint a new lead to a team whose lead is vacant, by the pack's appointer (V-32).

    Implements: V-04/V-36 (origin), V-05 (position), V-13 (met or overdue, recorded).
    Raises NotFound, PermissionDenied, ValidationFailed, RuleViolation.
    """
    with transaction.atomic():
        team = _active_team(team_id, by)
        if rules.lead_appointer(team, on) != by.pk:
            raise PermissionDenied(_("Ketua tim ditunjuk oleh pejabat yang ditetapkan peraturan."))
        if team.lead_id is not None:
            raise StaleState(_("Tim kerja ini sudah memiliki ketua."))
        pack = load_pack(team.government.pack_id)
        placement = _new_lead_check(pack, team, lead_id, on)
        warnings = checks.lead_origin_warnings(pack, team.owner_unit, placement, team.scope)
        justified = justify(warnings, justification)
        team.memberships.filter(employee_id=lead_id).exclude(status=TeamMember.Status.ENDED).update(
            status=TeamMember.Status.ENDED, valid_to=_ending(on), end_reason="ketua tim"
        )
        membership.join(
            team,
            [lead_id],
            role=TeamMember.Role.LEAD,
            valid_from=max(on, team.starts_on),
            status=TeamMember.Status.ACTIVE,
        )
        late = team.lead_due_on is not None and on > team.lead_due_on
        Team.objects.filter(pk=team.pk).update(
            lead_id=lead_id,
            lead_vacant_since=None,
            lead_due_on=None,
            justifications=[*team.justifications, *justified],
        )
        team.refresh_from_db()
        _issue(team, by, _("Penetapan Ketua %(team)s") % {"team": team.name}, [], at, on)
        audit_team(
            team, by, "team.lead_filled", at, after={"lead": lead_id, "overdue": late}, rule="V-13"
        )
    return team


def _new_lead_check(pack: LoadedPack, team: Team, lead_id: int, on: dt.date) -> Any:
    (person,) = membership.people(team.government_id, [lead_id], "lead_id")
    placement = checks.placement_of(pack, person, on)
    checks.lead_kind_check(pack, [placement])
    if pack.binds("V-36"):
        checks.transfer_check(pack, team.owner_unit, placement)
    return placement


def team_dissolve(*, team_id: int, by: Employee, reason: str, at: dt.datetime, on: dt.date) -> Team:
    """Dissolve an active team before its period ends [product decision, SPEC 4.9.1 step 9].

    Raises NotFound, PermissionDenied, ValidationFailed.
    """
    with transaction.atomic():
        team = _active_team(team_id, by)
        _managed(team, by, on)
        _reason_check(reason)
        _issue(team, by, _("Pembubaran %(team)s") % {"team": team.name}, [], at, on)
        _end(team, Team.Status.DISSOLVED, on, reason.strip())
        audit_team(team, by, "team.dissolved", at, after={"reason": reason.strip()})
    team.refresh_from_db()
    return team


def _end(team: Team, status: str, on: dt.date, reason: str) -> None:
    updated = Team.objects.filter(pk=team.pk, status=Team.Status.ACTIVE).update(
        status=status, ended_on=on, end_reason=reason
    )
    if updated != 1:
        raise StaleState(_("Tim kerja ini sudah berubah; muat ulang halaman."))
    team.memberships.exclude(status=TeamMember.Status.ENDED).update(
        status=TeamMember.Status.ENDED, valid_to=_ending(on)
    )


def _ending(day: dt.date) -> Greatest:
    """A membership ends on the day, or where it starts if it had not started yet."""
    return Greatest(Value(day, output_field=DateField()), F("valid_from"))


def teams_expire(*, government_id: int, at: dt.datetime, on: dt.date) -> list[int]:
    """Expire every active team of the government whose period ended before the day (V-64).

    Returns the ids of the teams expired, each with its own audit event (by the system).
    """
    expired = []
    with transaction.atomic():
        due = Team.objects.select_for_update().filter(
            government_id=government_id, status=Team.Status.ACTIVE, ends_on__lt=on
        )
        for team in due.order_by("pk"):
            _end(team, Team.Status.EXPIRED, team.ends_on, _("Jangka waktu tim berakhir."))
            audit_team(team, None, "team.expired", at, after={"ends_on": team.ends_on.isoformat()})
            expired.append(team.pk)
    return expired


def team_member_answer(*, assignment_id: int, approved: bool, at: dt.datetime) -> Team | None:
    """A pending member's own penugasan closed (V-69): approved, they join the team (active
    with it); refused or withdrawn, their membership ends. Audited as the system's act.
    """
    with transaction.atomic():
        link = (
            TeamMember.objects.select_for_update()
            .select_related("team")
            .filter(assignment_id=assignment_id, status=TeamMember.Status.PENDING)
            .first()
        )
        if link is None:
            return None
        team = link.team
        if not approved:
            status = TeamMember.Status.ENDED
        elif team.status == Team.Status.ACTIVE:
            status = TeamMember.Status.ACTIVE
        else:
            status = TeamMember.Status.PROPOSED
        TeamMember.objects.filter(pk=link.pk).update(
            status=status,
            valid_to=link.valid_from if not approved else None,
            end_reason="" if approved else _("Tidak disetujui pihak unitnya."),
        )
        action = "team.member_confirmed" if approved else "team.member_declined"
        audit_team(
            team,
            None,
            action,
            at,
            after={"employee": link.employee_id, "assignment": assignment_id},
            rule="V-69",
        )
    return team
