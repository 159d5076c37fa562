"""Every write of the organisation app: one function per use case, audited, in one transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import PermissionDenied, RuleViolation, ValidationFailed
from sikerja.organization.access import access_changed
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import PATH_STEP, Agency, Government, OrgUnit
from sikerja.organization.rules import Actor, may_change_organization
from sikerja.regulations.loader import LoadedPack, PackError, load_pack
from sikerja.regulations.schema import AGENCY_TYPES, UnitType


def pack_for(government: Government) -> LoadedPack:
    """The regulation pack a government runs."""
    return load_pack(government.pack_id)


def _audit(actor: Actor, action: str, obj: Any, at: dt.datetime, **extra: Any) -> None:
    event_record(
        government_id=actor.government_id,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        action=action,
        object_type=f"organization.{type(obj).__name__.lower()}",
        object_id=str(obj.pk),
        at=at,
        before=extra.get("before"),
        after=extra.get("after"),
        rule=extra.get("rule", ""),
        citation=extra.get("citation", ""),
    )


def _require_operator(actor: Actor, government: Government, pack: LoadedPack | None = None) -> None:
    if may_change_organization(actor, government.pk):
        return
    citation = pack.citation_of("V-39") if pack else ""
    raise PermissionDenied(
        _(
            "Hanya operator BKPSDM atas nama Pejabat Pembina Kepegawaian yang dapat mengubah data ini."
        ),
        rule="V-39" if citation else "",
        citation=citation,
    )


def government_create(
    *, kode: str, name: str, kind: str, pack_id: str, at: dt.datetime, is_external: bool = False
) -> Government:
    """Create a tenant running a pack. Raises ValidationFailed for an unknown pack or kind."""
    try:
        load_pack(pack_id)
    except PackError as exc:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_PACK, message=str(exc), fields={"pack_id": str(exc)}
        ) from exc
    if kind not in Government.Kind.values:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Jenis pemerintah tidak dikenal: %(kind)s") % {"kind": kind},
            fields={"kind": _("Nilai tidak dikenal.")},
        )
    with transaction.atomic():
        if Government.objects.filter(kode=kode).exists():
            raise ValidationFailed(
                code=OrgErrorCode.DUPLICATE_CODE,
                message=_("Kode pemerintah %(kode)s sudah dipakai.") % {"kode": kode},
                fields={"kode": _("Sudah dipakai.")},
            )
        government = Government.objects.create(
            kode=kode, name=name, kind=kind, pack_id=pack_id, is_external=is_external
        )
        actor = Actor.system(government.pk)
        _audit(
            actor, "government.created", government, at, after={"kode": kode, "pack_id": pack_id}
        )
    return government


def suggested_placement_table(pack: LoadedPack, agency_type: str, affairs: list[str]) -> str:
    """V-42: the placement table the pack gives for the agency's affairs (urusan) or type."""
    placement = pack.data.placement
    if placement is None:
        return ""
    for affair in affairs:
        if affair in placement.affairs:
            return placement.affairs[affair]
    return (
        str(placement.default_tables.get(UnitType(agency_type), ""))
        if agency_type in UnitType.__members__
        else ""
    )


def agency_create(
    *,
    actor: Actor,
    government: Government,
    code: str,
    name: str,
    agency_type: str,
    at: dt.datetime,
    affairs: list[str] | None = None,
    placement_table: str = "",
    override_reason: str = "",
    short_name: str = "",
    admin_positions_equalized: bool = False,
) -> Agency:
    """Create a Perangkat Daerah and its root unit. Implements: V-42 (placement by affairs)."""
    pack = pack_for(government)
    _require_operator(actor, government, pack)
    if agency_type not in AGENCY_TYPES:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Jenis Perangkat Daerah tidak dikenal: %(type)s") % {"type": agency_type},
            fields={"agency_type": _("Nilai tidak dikenal.")},
        )
    affairs = list(affairs or [])
    _check_affairs(pack, affairs)
    suggested = suggested_placement_table(pack, agency_type, affairs)
    table = placement_table or suggested
    _check_table_override(pack, table, suggested, override_reason)
    with transaction.atomic():
        if Agency.objects.filter(government=government, code=code).exists():
            raise ValidationFailed(
                code=OrgErrorCode.DUPLICATE_CODE,
                message=_("Kode Perangkat Daerah %(code)s sudah dipakai.") % {"code": code},
                fields={"code": _("Sudah dipakai.")},
            )
        agency = Agency.objects.create(
            government=government,
            code=code,
            name=name,
            short_name=short_name,
            agency_type=agency_type,
            affairs=affairs,
            placement_table=table,
            placement_override_reason=override_reason if table != suggested else "",
            admin_positions_equalized=admin_positions_equalized,
        )
        root = OrgUnit.objects.create(
            government=government,
            agency=agency,
            parent=None,
            name=name,
            unit_type=agency_type,
            path="",
            depth=0,
            is_work_unit=True,
        )
        OrgUnit.objects.filter(pk=root.pk).update(path=_segment(root.pk))
        access_changed(government_id=government.pk)  # pages kept under the stamp list agencies
        _audit(actor, "agency.created", agency, at, after={"code": code, "placement_table": table})
    return agency


def _check_affairs(pack: LoadedPack, affairs: list[str]) -> None:
    placement = pack.data.placement
    known = set(placement.affairs) if placement else set()
    unknown = [affair for affair in affairs if affair not in known]
    if unknown:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Urusan pemerintahan tidak dikenal dalam paket %(pack)s: %(list)s")
            % {"pack": pack.id, "list": ", ".join(unknown)},
            fields={"affairs": _("Urusan tidak dikenal.")},
        )


def _check_table_override(pack: LoadedPack, table: str, suggested: str, reason: str) -> None:
    placement = pack.data.placement
    tables = {t.id for t in placement.tables} if placement else set()
    if table and table not in tables:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Pola/tabel kedudukan %(table)s tidak ada dalam paket %(pack)s.")
            % {"table": table, "pack": pack.id},
            fields={"placement_table": _("Nilai tidak dikenal.")},
        )
    if suggested and table != suggested and not reason.strip() and pack.binds("V-42"):
        raise RuleViolation(
            code=OrgErrorCode.PLACEMENT_RULE,
            message=_(
                "Pola kedudukan menurut urusan adalah %(suggested)s; alasan penyimpangan wajib diisi."
            )
            % {"suggested": suggested},
            rule="V-42",
            citation=pack.cite_rule("V-42"),
            fields={"override_reason": _("Wajib diisi bila menyimpang dari pola.")},
        )


def _segment(pk: int) -> str:
    return f"{pk:0{PATH_STEP}d}."


def unit_create(
    *,
    actor: Actor,
    parent: OrgUnit,
    name: str,
    unit_type: str,
    at: dt.datetime,
    is_work_unit: bool = False,
    is_independent: bool = False,
) -> OrgUnit:
    """Create a unit under a parent of the same agency."""
    government = parent.government
    _require_operator(actor, government, pack_for(government))
    if unit_type not in UnitType.__members__:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Jenis unit tidak dikenal: %(type)s") % {"type": unit_type},
            fields={"unit_type": _("Nilai tidak dikenal.")},
        )
    with transaction.atomic():
        unit = OrgUnit.objects.create(
            government=government,
            agency=parent.agency,
            parent=parent,
            name=name,
            unit_type=unit_type,
            path="",
            depth=parent.depth + 1,
            is_work_unit=is_work_unit,
            is_independent=is_independent,
        )
        unit.path = parent.path + _segment(unit.pk)
        OrgUnit.objects.filter(pk=unit.pk).update(path=unit.path)
        access_changed(government_id=government.pk)  # pages kept under the stamp list units
        _audit(actor, "unit.created", unit, at, after={"name": name, "parent": parent.pk})
    return unit


def unit_move(*, actor: Actor, unit: OrgUnit, new_parent: OrgUnit, at: dt.datetime) -> OrgUnit:
    """Move a unit (and its subtree) under another parent of the same agency.

    Raises ValidationFailed for a cycle (moving under itself or a descendant) or another agency.
    """
    _require_operator(actor, unit.government, pack_for(unit.government))
    if new_parent.agency_id != unit.agency_id:
        raise ValidationFailed(
            code=OrgErrorCode.UNIT_OTHER_AGENCY,
            message=_("Unit hanya dapat dipindah di dalam Perangkat Daerah yang sama."),
            fields={"parent": _("Perangkat Daerah berbeda.")},
        )
    if unit.parent_id is None or new_parent.path.startswith(unit.path):
        raise ValidationFailed(
            code=OrgErrorCode.UNIT_CYCLE,
            message=_(
                "Unit %(unit)s tidak dapat dipindah ke bawah dirinya sendiri atau unit bawahannya."
            )
            % {"unit": unit.name},
            fields={"parent": _("Membentuk siklus pada pohon organisasi.")},
        )
    with transaction.atomic():
        old_path, old_depth = unit.path, unit.depth
        new_path = new_parent.path + _segment(unit.pk)
        shift = new_parent.depth + 1 - old_depth
        # Rewrite the whole subtree's path and depth in one statement, in this transaction.
        OrgUnit.objects.filter(agency_id=unit.agency_id, path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
            depth=F("depth") + shift,
        )
        OrgUnit.objects.filter(pk=unit.pk).update(parent=new_parent)
        access_changed(government_id=unit.government_id)  # unit heads' scopes are paths
        unit.refresh_from_db()
        _audit(actor, "unit.moved", unit, at, before={"path": old_path}, after={"path": unit.path})
    return unit
