"""The schema every regulation pack must satisfy, checked when a pack is loaded.

One module per topic: `enums` (closed vocabularies), `rules` (rules and their typed
parameters), `organisation` (placement tables, grade and role rules), `identity`, `workflows`
(workflow definitions by kind) and `pack` (the whole pack and its cross-references).
"""

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.enums import (
    AGENCY_TYPES,
    KEAHLIAN_GRADES,
    KETERAMPILAN_GRADES,
    Grade,
    PositionKind,
    Strength,
    UnitType,
)
from sikerja.regulations.schema.identity import PackIdentity
from sikerja.regulations.schema.organisation import (
    GradeRule,
    Placement,
    PlacementRow,
    PlacementTable,
    RoleRule,
    Roles,
)
from sikerja.regulations.schema.pack import Pack
from sikerja.regulations.schema.rules import Rule
from sikerja.regulations.schema.workflows import WorkflowDefinition

__all__ = [
    "AGENCY_TYPES",
    "KEAHLIAN_GRADES",
    "KETERAMPILAN_GRADES",
    "Citation",
    "Grade",
    "GradeRule",
    "Pack",
    "PackIdentity",
    "Placement",
    "PlacementRow",
    "PlacementTable",
    "PositionKind",
    "RoleRule",
    "Roles",
    "Rule",
    "Strength",
    "UnitType",
    "WorkflowDefinition",
]
