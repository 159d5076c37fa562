"""Writes for positions, employees, placements and delegations."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation, ValidationFailed
from sikerja.organization import checks
from sikerja.organization.access import access_changed
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import (
    CIVIL_SERVANT_TYPES,
    Delegation,
    Employee,
    Government,
    OrgUnit,
    Placement,
    Position,
)
from sikerja.organization.nip import InvalidNip, parse_nip
from sikerja.organization.rules import Actor
from sikerja.organization.services import _audit, _require_operator, pack_for
from sikerja.regulations.loader import LoadedPack


def position_create(
    *,
    actor: Actor,
    unit: OrgUnit,
    title: str,
    kind: str,
    at: dt.datetime,
    grade: str = "",
    jf_name: str = "",
    track: str = "",
    is_head: bool = False,
) -> Position:
    """Create a jabatan in a unit. Implements: G30/V-48 (who may head a unit), T-KEDUDUKAN/V-40."""
    pack = pack_for(unit.government)
    _require_operator(actor, unit.government, pack)
    _check_position_values(kind, grade)
    position = Position(
        government=unit.government,
        unit=unit,
        title=title,
        kind=kind,
        grade=grade,
        jf_name=jf_name,
        track=track,
        is_head=is_head,
    )
    checks.check_unit_head_kind(pack, position)
    head = None if is_head else Position.objects.filter(unit=unit, is_head=True).first()
    checks.check_position_placement(pack, position, head, kinds_below=_kinds_below(unit))
    with transaction.atomic():
        if is_head and Position.objects.filter(unit=unit, is_head=True).exists():
            raise ValidationFailed(
                code=OrgErrorCode.POSITION_OCCUPIED,
                message=_("Unit %(unit)s sudah memiliki jabatan pimpinan.") % {"unit": unit.name},
                fields={"is_head": _("Sudah ada.")},
            )
        position.save()
        access_changed(government_id=position.government_id)  # pages kept under the stamp
        _audit(actor, "position.created", position, at, after={"title": title, "kind": kind})
    return position


def _kinds_below(unit: OrgUnit) -> checks.KindsBelow:
    """Kinds of the positions in the unit and below it, other than its head (one query, lazy)."""

    def kinds() -> set[str]:
        return set(
            Position.objects.filter(
                unit__agency_id=unit.agency_id, unit__path__startswith=unit.path
            )
            .exclude(unit=unit, is_head=True)
            .values_list("kind", flat=True)
            .distinct()
        )

    return kinds


def _check_position_values(kind: str, grade: str) -> None:
    if kind not in Position.Kind.values:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Jenis jabatan tidak dikenal: %(kind)s") % {"kind": kind},
            fields={"kind": _("Nilai tidak dikenal.")},
        )
    if (kind == Position.Kind.FUNGSIONAL) != bool(grade) or (
        grade and grade not in Position.Grade.values
    ):
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_(
                "Jenjang wajib diisi untuk Jabatan Fungsional dan hanya untuk JF (diterima: %(grade)s)."
            )
            % {"grade": grade or "-"},
            fields={"grade": _("Jenjang tidak sesuai jenis jabatan.")},
        )


def employee_create(
    *,
    actor: Actor,
    government: Government,
    nip: str,
    name: str,
    employment_type: str,
    at: dt.datetime,
    front_title: str = "",
    back_title: str = "",
    email: str = "",
    competencies: list[str] | None = None,
) -> Employee:
    """Register a Pegawai ASN. Raises ValidationFailed for a bad or duplicate NIP."""
    _require_operator(actor, government, pack_for(government))
    values = employee_values(nip=nip, name=name, employment_type=employment_type)
    with transaction.atomic():
        if Employee.objects.filter(government=government, nip=values["nip"]).exists():
            raise duplicate_nip(str(values["nip"]))
        employee = Employee.objects.create(
            government=government,
            front_title=front_title,
            back_title=back_title,
            email=email,
            competencies=list(competencies or []),
            **values,
        )
        # Lists kept under the access stamp count this government's people (`listing`).
        access_changed(government_id=government.pk)
        _audit(actor, "employee.created", employee, at, after={"nip": employee.nip, "name": name})
    return employee


def duplicate_nip(nip: str) -> ValidationFailed:
    return ValidationFailed(
        code=OrgErrorCode.DUPLICATE_NIP,
        message=_("NIP %(nip)s sudah terdaftar.") % {"nip": nip},
        fields={"nip": _("NIP sudah terdaftar.")},
    )


def employee_values(*, nip: str, name: str, employment_type: str) -> dict[str, object]:
    """Validate the fields of an employee (shared with bulk import); raise ValidationFailed."""
    try:
        parsed = parse_nip(nip)
    except InvalidNip as exc:
        raise ValidationFailed(
            code=OrgErrorCode.INVALID_NIP, message=str(exc), fields={"nip": str(exc)}
        ) from exc
    if employment_type not in CIVIL_SERVANT_TYPES:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Jenis kepegawaian harus PNS atau PPPK (diterima: %(value)s).")
            % {"value": employment_type},
            fields={"employment_type": _("Nilai tidak dikenal.")},
        )
    if parsed.is_pppk != (employment_type == Employee.EmploymentType.PPPK):
        message = _("NIP menandai %(nip_type)s, tetapi jenis kepegawaian diisi %(given)s.") % {
            "nip_type": "PPPK" if parsed.is_pppk else "PNS",
            "given": employment_type,
        }
        raise ValidationFailed(
            code=OrgErrorCode.INVALID_NIP, message=message, fields={"nip": message}
        )
    if not name.strip():
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Nama pegawai wajib diisi."),
            fields={"name": _("Wajib diisi.")},
        )
    return {
        "nip": nip.strip().replace(" ", ""),
        "name": name.strip(),
        "employment_type": employment_type,
        "gender": parsed.gender,
        "birth_date": parsed.birth_date,
    }


def placement_create(
    *,
    actor: Actor,
    employee: Employee,
    position: Position,
    kind: str,
    valid_from: dt.date,
    decision_number: str,
    decision_date: dt.date,
    decided_by: str,
    at: dt.datetime,
    valid_to: dt.date | None = None,
    note: str = "",
    on: dt.date | None = None,
) -> Placement:
    """Place an employee in a position (definitive, Plt or Plh) from a date, citing the decision.

    With `on` (the day it is recorded), a decision dated after it is refused, as an import does.
    Implements: V-39 (staffing authority's decision), V-38 (one definitive placement at a time),
    V-47 (PPPK positions), T-KEDUDUKAN/V-40 (checked when the position is created).
    """
    pack = pack_for(employee.government)
    _require_operator(actor, employee.government, pack)
    _check_placement_input(
        pack, employee, position, kind, valid_from, valid_to, decision_number, decided_by
    )
    if on is not None:
        check_decision_date(decision_date, on)
    checks.check_pppk_position(pack, employee, position)
    with transaction.atomic():
        # Lock the employee row so that two concurrent placements cannot both pass the checks.
        Employee.objects.select_for_update().get(pk=employee.pk)
        _check_overlaps(pack, employee, position, kind, valid_from, valid_to)
        placement = Placement.objects.create(
            government=employee.government,
            employee=employee,
            position=position,
            kind=kind,
            valid_from=valid_from,
            valid_to=valid_to,
            decision_number=decision_number.strip(),
            decision_date=decision_date,
            decided_by=decided_by.strip(),
            note=note,
        )
        access_changed(government_id=employee.government_id)
        _audit(
            actor,
            "placement.created",
            placement,
            at,
            after={
                "employee": employee.nip,
                "position": position.pk,
                "kind": kind,
                "valid_from": valid_from.isoformat(),
                "decision": decision_number,
            },
            rule="V-39" if pack.citation_of("V-39") else "",
            citation=pack.citation_of("V-39"),
        )
    return placement


def _check_placement_input(
    pack: LoadedPack,
    employee: Employee,
    position: Position,
    kind: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
    decision_number: str,
    decided_by: str,
) -> None:
    if position.government_id != employee.government_id:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Jabatan tidak ditemukan pada pemerintah daerah ini."),
            fields={"position": _("Tidak ditemukan.")},
        )
    if kind not in Placement.Kind.values:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Jenis penempatan harus DEFINITIVE, PLT atau PLH."),
            fields={"kind": _("Nilai tidak dikenal.")},
        )
    if kind != Placement.Kind.DEFINITIVE and not position.is_head:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Plt./Plh. hanya untuk jabatan pimpinan unit."),
            fields={"kind": _("Jabatan ini bukan jabatan pimpinan.")},
        )
    if valid_to is not None and valid_to <= valid_from:
        raise ValidationFailed(
            code=OrgErrorCode.DATE_RANGE,
            message=_("Tanggal berakhir harus sesudah tanggal mulai."),
            fields={"valid_to": _("Harus sesudah tanggal mulai.")},
        )
    if not decision_number.strip() or not decided_by.strip():
        raise ValidationFailed(
            code=OrgErrorCode.DECISION_REQUIRED,
            message=_("Nomor keputusan dan pejabat yang menetapkan wajib diisi."),
            rule="V-39" if pack.citation_of("V-39") else "",
            citation=pack.citation_of("V-39"),
            fields={"decision_number": _("Wajib diisi.")},
        )


def check_decision_date(decision_date: dt.date, on: dt.date) -> None:
    """A placement's decision cannot be dated after the day it is recorded (as on import)."""
    if decision_date > on:
        raise ValidationFailed(
            code=OrgErrorCode.DATE_RANGE,
            message=_("Tanggal keputusan %(date)s sesudah tanggal pencatatan %(on)s.")
            % {"date": decision_date, "on": on},
            fields={"decision_date": _("Tidak boleh sesudah hari ini.")},
        )


def _overlapping(
    queryset: QuerySet[Placement], valid_from: dt.date, valid_to: dt.date | None
) -> QuerySet[Placement]:
    queryset = queryset.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=valid_from))
    if valid_to is not None:
        queryset = queryset.filter(valid_from__lt=valid_to)
    return queryset


def _check_overlaps(
    pack: LoadedPack,
    employee: Employee,
    position: Position,
    kind: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
) -> None:
    if kind == Placement.Kind.DEFINITIVE:
        mine = _overlapping(
            Placement.objects.filter(employee=employee, kind=kind), valid_from, valid_to
        )
        if mine.exists():
            raise RuleViolation(
                code=OrgErrorCode.PLACEMENT_OVERLAP,
                message=_(
                    "Pegawai sudah memiliki kedudukan definitif pada periode ini; akhiri dulu kedudukan lama."
                ),
                rule="V-38",
                citation=pack.citation_of("V-38"),
                fields={"valid_from": _("Tumpang tindih dengan kedudukan lain.")},
            )
    if position.is_head:
        taken = _overlapping(
            Placement.objects.filter(position=position, kind=kind), valid_from, valid_to
        )
        if kind == Placement.Kind.PLT:
            taken = _overlapping(
                Placement.objects.filter(
                    position=position, kind__in=[kind, Placement.Kind.DEFINITIVE]
                ),
                valid_from,
                valid_to,
            )
        if taken.exists():
            raise ValidationFailed(
                code=OrgErrorCode.POSITION_OCCUPIED,
                message=_("Jabatan %(title)s sudah diduduki (%(kind)s) pada periode ini.")
                % {"title": position.title, "kind": kind},
                fields={"position": _("Jabatan sudah terisi.")},
            )


def placement_end(
    *, actor: Actor, placement: Placement, valid_to: dt.date, at: dt.datetime
) -> Placement:
    """End a placement on a date (exclusive)."""
    _require_operator(actor, placement.employee.government, pack_for(placement.employee.government))
    if valid_to <= placement.valid_from:
        raise ValidationFailed(
            code=OrgErrorCode.DATE_RANGE,
            message=_("Tanggal berakhir harus sesudah tanggal mulai."),
            fields={"valid_to": _("Harus sesudah tanggal mulai.")},
        )
    with transaction.atomic():
        before = placement.valid_to
        Placement.objects.filter(pk=placement.pk).update(valid_to=valid_to)
        access_changed(government_id=placement.government_id)
        placement.refresh_from_db()
        _audit(
            actor,
            "placement.ended",
            placement,
            at,
            before={"valid_to": before.isoformat() if before else None},
            after={"valid_to": valid_to.isoformat()},
        )
    return placement


def delegation_create(
    *,
    actor: Actor,
    from_employee: Employee,
    to_employee: Employee,
    scope: str,
    valid_from: dt.date,
    legal_basis: str,
    at: dt.datetime,
    grades: list[str] | None = None,
    unit: OrgUnit | None = None,
    valid_to: dt.date | None = None,
) -> Delegation:
    """Record a delegation of an authority. Implements: V-41 (Blitar delegation by grade)."""
    government = from_employee.government
    pack = pack_for(government)
    _require_operator(actor, government, pack)
    grades = list(grades or [])
    _check_delegation_input(
        from_employee, to_employee, scope, grades, legal_basis, valid_from, valid_to
    )
    to_position = (
        Position.objects.filter(
            placements__in=Placement.objects.filter(employee=to_employee).effective_on(valid_from)
        )
        .select_related("unit")
        .first()
    )
    if scope in {Delegation.Scope.APPRAISAL, Delegation.Scope.PERF_MGMT}:
        checks.check_delegation(pack, grades=grades, to_position=to_position)
    role = pack.data.roles
    rule_id = role.delegation.rule if role else ""
    with transaction.atomic():
        delegation = Delegation.objects.create(
            government=government,
            from_employee=from_employee,
            to_employee=to_employee,
            scope=scope,
            grades=f",{','.join(grades)}," if grades else "",
            unit=unit,
            valid_from=valid_from,
            valid_to=valid_to,
            legal_basis=legal_basis.strip(),
            rule_id=rule_id,
        )
        access_changed(government_id=government.pk)
        _audit(
            actor,
            "delegation.created",
            delegation,
            at,
            after={
                "from": from_employee.nip,
                "to": to_employee.nip,
                "scope": scope,
                "grades": grades,
            },
            rule=rule_id,
            citation=pack.cite(role.delegation.citation) if role else "",
        )
    return delegation


def _check_delegation_input(
    from_employee: Employee,
    to_employee: Employee,
    scope: str,
    grades: list[str],
    legal_basis: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
) -> None:
    problems: dict[str, str] = {}
    if from_employee.pk == to_employee.pk:
        problems["to_employee"] = _("Tidak dapat mendelegasikan kepada diri sendiri.")
    if to_employee.government_id != from_employee.government_id:
        problems["to_employee"] = _("Penerima delegasi harus pegawai pemerintah daerah yang sama.")
    if scope not in Delegation.Scope.values:
        problems["scope"] = _("Nilai tidak dikenal.")
    unknown = [g for g in grades if g not in Position.Grade.values and g != "PLK"]
    if unknown:
        problems["grades"] = _("Jenjang tidak dikenal: %(list)s") % {"list": ", ".join(unknown)}
    if not legal_basis.strip():
        problems["legal_basis"] = _("Dasar hukum pendelegasian wajib diisi.")
    if valid_to is not None and valid_to <= valid_from:
        problems["valid_to"] = _("Harus sesudah tanggal mulai.")
    if problems:
        raise ValidationFailed(
            code=OrgErrorCode.DELEGATION_RULE,
            message=" ".join(problems.values()),
            fields=problems,
        )


def delegation_end(
    *, actor: Actor, delegation: Delegation, valid_to: dt.date, at: dt.datetime
) -> Delegation:
    """End a delegation on a date (exclusive)."""
    _require_operator(
        actor, delegation.from_employee.government, pack_for(delegation.from_employee.government)
    )
    if valid_to <= delegation.valid_from:
        raise ValidationFailed(
            code=OrgErrorCode.DATE_RANGE,
            message=_("Tanggal berakhir harus sesudah tanggal mulai."),
            fields={"valid_to": _("Harus sesudah tanggal mulai.")},
        )
    with transaction.atomic():
        Delegation.objects.filter(pk=delegation.pk).update(valid_to=valid_to)
        access_changed(government_id=delegation.government_id)
        delegation.refresh_from_db()
        _audit(actor, "delegation.ended", delegation, at, after={"valid_to": valid_to.isoformat()})
    return delegation
