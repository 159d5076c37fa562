"""Derive an assignment's scope from the organisation (never typed in by the user)."""

from __future__ import annotations

from sikerja.organization.models import OrgUnit
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema.workflows import Mode, PenugasanDefinition, Scope

FLOW_IDS = {
    (Mode.APPOINTMENT, Scope.WITHIN_UNIT): "WF-PEN-IN",
    (Mode.APPOINTMENT, Scope.CROSS_UNIT): "WF-PEN-UO",
    (Mode.APPOINTMENT, Scope.CROSS_PD): "WF-PEN-PD",
    (Mode.APPOINTMENT, Scope.CROSS_INSTANSI): "WF-PEN-INST",
    (Mode.VOLUNTARY, Scope.WITHIN_UNIT): "WF-SUK-IN",
    (Mode.VOLUNTARY, Scope.CROSS_UNIT): "WF-SUK-UO",
    (Mode.VOLUNTARY, Scope.CROSS_PD): "WF-SUK-PD",
    (Mode.VOLUNTARY, Scope.CROSS_INSTANSI): "WF-SUK-INST",
}


def organisation_unit(pack: LoadedPack, unit: OrgUnit) -> OrgUnit:
    """The 'unit organisasi' a unit belongs to under the pack's unit-head scope."""
    roles = pack.data.roles
    if roles is None or roles.unit_head.scope != "work_unit":
        return unit
    node: OrgUnit | None = unit
    while node is not None and not (node.is_work_unit or node.parent_id is None):
        node = node.parent
    return node or unit


def scope_between(
    pack: LoadedPack, owner_unit: OrgUnit, home_unit: OrgUnit | None, *, external: bool
) -> Scope:
    """WITHIN_UNIT, CROSS_UNIT, CROSS_PD or CROSS_INSTANSI, as the pack names its scopes.

    A pack without a cross-PD scope treats requests between Perangkat Daerah of one pemda as
    cross-unit (SPEC §4.0 interpretation), unless its `scope_aliases` parameter says otherwise.
    """
    scope = raw_scope(pack, owner_unit, home_unit, external=external)
    aliases = dict(pack.parameters.scope_aliases)
    if not aliases and scope == Scope.CROSS_PD and Scope.CROSS_PD not in pack.parameters.scopes:
        aliases = {Scope.CROSS_PD: Scope.CROSS_UNIT}
    return Scope(aliases.get(scope, scope))


def raw_scope(
    pack: LoadedPack, owner_unit: OrgUnit, home_unit: OrgUnit | None, *, external: bool
) -> Scope:
    """The scope as the organisation gives it, before the pack's aliases."""
    if external:
        return Scope.CROSS_INSTANSI
    if home_unit is None:
        return Scope.WITHIN_UNIT
    if owner_unit.agency_id != home_unit.agency_id:
        return Scope.CROSS_PD
    base = organisation_unit(pack, owner_unit)
    return Scope.WITHIN_UNIT if home_unit.path.startswith(base.path) else Scope.CROSS_UNIT


def flow_id(pack: LoadedPack, mode: Mode, scope: Scope, additional_task: bool) -> str:
    """The workflow id for a request; an additional task uses the pack's additional-task flow
    of the same mode and scope when it has one."""
    if additional_task:
        for key, definition in pack.data.workflows.items():
            if (
                isinstance(definition, PenugasanDefinition)
                and definition.additional_task
                and definition.mode == mode
                and definition.scope == scope
            ):
                return key
    return FLOW_IDS[(mode, scope)]


def voluntary_scope(pack: LoadedPack, raw: Scope, aliased: Scope) -> Scope:
    """A voluntary application across Perangkat Daerah keeps its own scope where the pack says
    how it treats one (a WF-SUK-PD definition, allowed or not), else the aliased scope."""
    if raw == Scope.CROSS_PD and "WF-SUK-PD" in pack.data.workflows:
        return raw
    return aliased
