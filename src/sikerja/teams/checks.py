"""The pack's team rules (SPEC §5.3): a MUST refuses citing its article, a PREFERRED warns.

Every check reads the rule's strength from the government's pack; no region is named here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _

from sikerja.assignments.scope import organisation_unit
from sikerja.core.errors import RuleViolation, ValidationFailed
from sikerja.organization.models import Agency, Employee, OrgUnit, Placement
from sikerja.organization.placements import placement_on
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema.enums import KEAHLIAN_GRADES
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.inputs import TeamInput
from sikerja.workflows.hooks import RuleWarning

MEMBER_KINDS = frozenset({"FUNGSIONAL", "PELAKSANA"})
QUARTER_MONTHS = (1, 4, 7, 10)


def rule_check(
    pack: LoadedPack, rule_id: str, *, ok: bool, code: str, message: str, field: str = ""
) -> RuleWarning | None:
    """Refuse (MUST), warn (PREFERRED) or pass (MAY, SILENT) a rule that is not met."""
    if ok:
        return None
    if pack.binds(rule_id):
        raise RuleViolation(
            code=code,
            message=message,
            rule=rule_id,
            citation=pack.cite_rule(rule_id),
            fields={field: message} if field else {},
        )
    if pack.warns(rule_id):
        return RuleWarning(rule=rule_id, citation=pack.cite_rule(rule_id), message=message)
    return None


def params(pack: LoadedPack, rule_id: str) -> dict[str, object]:
    return dict(pack.rule(rule_id).params) if pack.has_rule(rule_id) else {}


def period_check(
    pack: LoadedPack, starts_on: dt.date | None, ends_on: dt.date | None
) -> tuple[dt.date, dt.date]:
    """V-64: a team has a start and an end; V-06: at most a year, within the PK year."""
    if starts_on is None or ends_on is None or ends_on < starts_on:
        raise RuleViolation(
            code=TeamErrorCode.PERIOD,
            message=_("Tim kerja wajib memiliki tanggal mulai dan tanggal selesai yang urut."),
            rule="V-64",
            citation=pack.citation_of("V-64"),
            fields={"ends_on": _("Isi tanggal mulai dan selesai.")},
        )
    months = int(str(params(pack, "V-06").get("max_months", 12)))
    limit = _add_months(starts_on, months) - dt.timedelta(days=1)
    within = ends_on <= limit and ends_on <= dt.date(starts_on.year, 12, 31)
    rule_check(
        pack,
        "V-06",
        ok=within,
        code=TeamErrorCode.PERIOD_TOO_LONG,
        message=_("Jangka waktu tim kerja paling lama %(months)s bulan dan dalam tahun yang sama.")
        % {"months": months},
        field="ends_on",
    )
    return starts_on, ends_on


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    last = _last_day(year, month)
    return dt.date(year, month, min(day.day, last))


def _last_day(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def vacancy_deadline(pack: LoadedPack, vacant_on: dt.date) -> dt.date:
    """V-13: the last day of the first of the pack's months strictly after the vacancy's month."""
    months = [int(str(m)) for m in params(pack, "V-13").get("deadline_months", QUARTER_MONTHS)]  # type: ignore[attr-defined]
    year, month = vacant_on.year, vacant_on.month
    following = [m for m in sorted(months) if m > month]
    if following:
        due_month = following[0]
    else:
        year, due_month = year + 1, min(months)
    return dt.date(year, due_month, _last_day(year, due_month))


def placement_of(pack: LoadedPack, employee: Employee, on: dt.date) -> Placement:
    """The employee's placement on the day (definitive first), or a refusal."""
    placement = placement_on(employee.pk, on)
    if placement is None:
        raise ValidationFailed(
            code=TeamErrorCode.NO_PLACEMENT,
            message=_("%(name)s belum memiliki kedudukan pada tanggal itu.")
            % {"name": employee.full_name},
        )
    return placement


def is_within(unit: OrgUnit, owner: OrgUnit) -> bool:
    return unit.path.startswith(owner.path)


def lead_kind_check(pack: LoadedPack, placements: Iterable[Placement]) -> None:
    """V-05: each lead (or candidate) holds a position kind the pack admits as lead."""
    rule = params(pack, "V-05")
    eligible = set(rule.get("eligible", ()))  # type: ignore[call-overload]
    tracks = set(rule.get("jf_tracks", ()))  # type: ignore[call-overload]
    for placement in placements:
        position = placement.position
        ok = not eligible or position.kind in eligible
        if ok and position.kind == "FUNGSIONAL" and "KEAHLIAN" in tracks:
            ok = position.grade in KEAHLIAN_GRADES
        rule_check(
            pack,
            "V-05",
            ok=ok,
            code=TeamErrorCode.LEAD_KIND,
            message=_("%(name)s (%(position)s) tidak dapat menjadi ketua tim.")
            % {"name": placement.employee.full_name, "position": position.title},
            field="lead_id",
        )


def lead_origin_warnings(
    pack: LoadedPack, owner: OrgUnit, placement: Placement, scope: str
) -> list[RuleWarning]:
    """V-04: the lead comes from the owner unit (Blitar: across PD, from a PD involved; Barut:
    the owner unit or its Perangkat Daerah)."""
    rule = params(pack, "V-04")
    by_pattern = rule.get("origin_by_pattern")
    if isinstance(by_pattern, dict) and scope == "CROSS_PD":
        return []
    unit = placement.position.unit
    ok = is_within(unit, organisation_unit(pack, owner))
    if rule.get("origin") == "owner_unit_or_perangkat_daerah":
        ok = unit.agency_id == owner.agency_id
    warning = rule_check(
        pack,
        "V-04",
        ok=ok,
        code=TeamErrorCode.LEAD_ORIGIN,
        message=_("Ketua tim %(name)s tidak berasal dari unit organisasi pemilik kinerja.")
        % {"name": placement.employee.full_name},
        field="lead_id",
    )
    return [warning] if warning else []


def transfer_check(pack: LoadedPack, owner: OrgUnit, placement: Placement) -> None:
    """V-36: a lead from outside the owner unit only after a transfer into it (Pasal 15(6))."""
    rule_check(
        pack,
        "V-36",
        ok=is_within(placement.position.unit, organisation_unit(pack, owner)),
        code=TeamErrorCode.LEAD_TRANSFER,
        message=_(
            "%(name)s belum berkedudukan di unit organisasi pemilik kinerja; ketua tim dari luar "
            "unit hanya melalui mutasi sebelum penetapan."
        )
        % {"name": placement.employee.full_name},
        field="lead_id",
    )


def candidates_check(pack: LoadedPack, data: TeamInput) -> None:
    """V-07: at most the pack's number of candidates, weighed by the appraiser."""
    rule = params(pack, "V-07")
    limit = int(str(rule.get("max_candidates", 3)))
    rule_check(
        pack,
        "V-07",
        ok=len(data.candidate_ids) <= limit,
        code=TeamErrorCode.TOO_MANY_CANDIDATES,
        message=_("Calon ketua tim paling banyak %(count)s orang.") % {"count": limit},
        field="candidate_ids",
    )
    needs = bool(rule.get("lead_candidates_need_appraiser_consideration"))
    rule_check(
        pack,
        "V-07",
        ok=not (needs and data.candidate_ids) or bool(data.appraiser_consideration.strip()),
        code=TeamErrorCode.CONSIDERATION_REQUIRED,
        message=_("Usulan calon ketua tim memuat pertimbangan Pejabat Penilai Kinerja."),
        field="appraiser_consideration",
    )


def lead_required_check(pack: LoadedPack, data: TeamInput) -> None:
    """V-31: where the pack requires a lead, the proposal names one (or candidates)."""
    rule_check(
        pack,
        "V-31",
        ok=data.lead_id is not None or bool(data.candidate_ids),
        code=TeamErrorCode.LEAD_REQUIRED,
        message=_("Tim kerja wajib memiliki ketua tim."),
        field="lead_id",
    )


def workload_check(pack: LoadedPack, data: TeamInput) -> None:
    """V-08: the workload analysis of the lead's role in this team is at least the minimum."""
    minimum = Decimal(str(params(pack, "V-08").get("abk_min", 1)))
    abk = data.lead_role_abk
    rule_check(
        pack,
        "V-08",
        ok=abk is not None and abk >= minimum and bool(data.abk_reference.strip()),
        code=TeamErrorCode.WORKLOAD,
        message=_(
            "Analisa beban kerja peran ketua tim minimal %(minimum)s, dengan rujukan dokumen ABK."
        )
        % {"minimum": minimum},
        field="lead_role_abk",
    )


def sub_activities_check(pack: LoadedPack, data: TeamInput, on: dt.date) -> None:
    """V-09: no sub-activity of the team is held by a Pengawas; V-10: named after them."""
    holders = [a.holder_id for a in data.sub_activities if a.holder_id is not None]
    held = set(
        Placement.objects.effective_on(on)
        .filter(employee_id__in=holders, position__kind="PENGAWAS")
        .values_list("employee_id", flat=True)
    )
    rule_check(
        pack,
        "V-09",
        ok=not held,
        code=TeamErrorCode.SUB_ACTIVITY_HELD,
        message=_("Sub kegiatan tim kerja tidak boleh diampu Pengawas."),
        field="sub_activities",
    )
    rule_check(
        pack,
        "V-10",
        ok=bool(data.sub_activities) and bool(data.cascaded_from.strip()),
        code=TeamErrorCode.NAMING,
        message=_("Sebutkan sub kegiatan tim dan kinerja yang di-cascade ke tim."),
        field="sub_activities",
    )


def team_name(pack: LoadedPack, data: TeamInput) -> str:
    """V-10: where the pack names teams after their sub-activities, the name is built from them."""
    if pack.binds("V-10") and params(pack, "V-10").get("naming") == "sub_kegiatan":
        return _("Tim Kerja %(names)s") % {"names": "; ".join(a.name for a in data.sub_activities)}
    return data.name.strip()


def records_check(pack: LoadedPack, data: TeamInput) -> None:
    """V-66: a team points to a TEAM activity of the unit activity PK; V-34: its basis."""
    activity_check(pack, data)
    basis_check(pack, data)


def activity_check(pack: LoadedPack, data: TeamInput) -> None:
    """V-66: a team points to a TEAM activity of the unit activity PK."""
    rule_check(
        pack,
        "V-66",
        ok=bool(data.activity_ref.strip()),
        code=TeamErrorCode.ACTIVITY_REQUIRED,
        message=_("Sebutkan kegiatan bertipe tim pada Perjanjian Kinerja unit yang dilayani tim."),
        field="activity_ref",
    )


def basis_check(pack: LoadedPack, data: TeamInput) -> None:
    """V-34: the composition of the team is recorded with its basis."""
    rule_check(
        pack,
        "V-34",
        ok=bool(data.composition_basis.strip()),
        code=TeamErrorCode.BASIS_REQUIRED,
        message=_("Catat dasar komposisi tim (target kinerja, beban kerja, kompetensi)."),
        field="composition_basis",
    )


def pengendali_check(
    pack: LoadedPack, data: TeamInput, placement: Placement | None, agency: Agency
) -> None:
    """V-11 grade, V-12 equalised agency, V-67 linked to its kegiatan or programme."""
    if placement is None:
        return
    if not pack.binds("V-11"):
        raise ValidationFailed(
            code=TeamErrorCode.UNKNOWN_VALUE,
            message=_("Pengendali tidak diatur dalam %(pack)s.") % {"pack": pack.short},
            fields={"pengendali_id": _("Kosongkan isian ini.")},
        )
    grades = set(params(pack, "V-11").get("grades", ()))  # type: ignore[call-overload]
    position = placement.position
    rule_check(
        pack,
        "V-11",
        ok=position.kind == "FUNGSIONAL" and position.grade in grades,
        code=TeamErrorCode.PENGENDALI_GRADE,
        message=_("Pengendali adalah Pejabat Fungsional Ahli Madya atau Ahli Muda."),
        field="pengendali_id",
    )
    rule_check(
        pack,
        "V-12",
        ok=agency.admin_positions_equalized,
        code=TeamErrorCode.PENGENDALI_NOT_EQUALIZED,
        message=_(
            "Pengendali hanya pada Perangkat Daerah yang pejabat administrasinya disetarakan."
        ),
        field="pengendali_id",
    )
    rule_check(
        pack,
        "V-67",
        ok=bool(data.pengendali_activity.strip()),
        code=TeamErrorCode.PENGENDALI_LINK,
        message=_("Sebutkan kegiatan atau program yang dikoordinasikan Pengendali."),
        field="pengendali_activity",
    )


def member_kind_check(pack: LoadedPack, placements: Iterable[Placement]) -> None:
    """Members are JF or Pelaksana; V-33: Blitar admits Administrators and Pengawas too."""
    kinds = set(MEMBER_KINDS)
    if pack.strength("V-33") != "SILENT":
        kinds |= set(params(pack, "V-33").get("member_kinds", ()))  # type: ignore[call-overload]
    for placement in placements:
        if placement.position.kind in kinds:
            continue
        raise RuleViolation(
            code=TeamErrorCode.MEMBER_KIND,
            message=_("%(name)s (%(position)s) tidak dapat menjadi anggota tim kerja.")
            % {"name": placement.employee.full_name, "position": placement.position.title},
            rule="V-33",
            citation=pack.citation_of("V-33"),
            fields={"member_ids": _("Jabatan tidak memenuhi.")},
        )


def lead_first_check(pack: LoadedPack, data: TeamInput) -> None:
    """V-65: the lead is set first; members follow on the lead's input."""
    rule_check(
        pack,
        "V-65",
        ok=not data.member_ids,
        code=TeamErrorCode.MEMBERS_BEFORE_LEAD,
        message=_("Anggota tim ditugaskan setelah ketua tim ditetapkan, atas masukan ketua tim."),
        field="member_ids",
    )
