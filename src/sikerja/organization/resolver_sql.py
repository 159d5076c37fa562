"""The SQL behind role resolution: one statement per answer, portable to SQLite and PostgreSQL.

Both statements walk the materialized `path` of the subject's unit to find every ancestor-or-self
unit of the same agency with the holders of its head position on the day, and join the
APPRAISAL delegations those holders have given. Python then applies the pack's rules to the
rows; no further query is needed.
"""

from __future__ import annotations

# The subject's placement columns, shared by SUBJECT_CTE and SUBJECTS_CTE.
_PLACEMENT_COLUMNS = """
    SELECT p.employee_id AS employee_id, p.position_id AS position_id, p.kind AS placement_kind,
           pos.kind AS pos_kind, pos.grade AS grade, pos.is_head AS is_head, pos.title AS pos_title,
           u.id AS unit_id, u.path AS path, u.depth AS depth, u.name AS unit_name,
           ag.id AS agency_id, ag.agency_type AS agency_type, ag.placement_table AS placement_table,
           ag.government_id AS government_id,
           CASE WHEN pos.kind = 'FUNGSIONAL' THEN pos.grade
                WHEN pos.kind = 'PELAKSANA' THEN 'PLK' ELSE pos.kind END AS code"""
_PLACEMENT_JOINS = """
    FROM organization_placement p
    JOIN organization_position pos ON pos.id = p.position_id
    JOIN organization_orgunit u ON u.id = pos.unit_id
    JOIN organization_agency ag ON ag.id = u.agency_id"""
_ON_DAY = "p.valid_from <= %s AND (p.valid_to IS NULL OR p.valid_to > %s)"
_CHOICE = "CASE p.kind WHEN 'DEFINITIVE' THEN 0 WHEN 'PLT' THEN 1 ELSE 2 END, p.valid_from DESC"

# Subject = the employee's placement on the day (definitive first, then Plt, then Plh).
SUBJECT_CTE = f"""
WITH me AS ({_PLACEMENT_COLUMNS}{_PLACEMENT_JOINS}
    WHERE p.employee_id = %s AND {_ON_DAY}
    ORDER BY {_CHOICE}
    LIMIT 1
)
"""

# Same shape, for units instead of an employee (chain above a unit); `{where}` picks them.
_UNITS_ME = """
WITH me AS (
    SELECT CAST(NULL AS BIGINT) AS employee_id, CAST(NULL AS BIGINT) AS position_id,
           CAST(NULL AS VARCHAR(12)) AS placement_kind, CAST(NULL AS VARCHAR(20)) AS pos_kind,
           '' AS grade, FALSE AS is_head, '' AS pos_title,
           u.id AS unit_id, u.path AS path, u.depth AS depth, u.name AS unit_name,
           ag.id AS agency_id, ag.agency_type AS agency_type, ag.placement_table AS placement_table,
           ag.government_id AS government_id, '' AS code
    FROM organization_orgunit u
    JOIN organization_agency ag ON ag.id = u.agency_id
    WHERE {where}
)
"""
UNIT_CTE = _UNITS_ME.format(where="u.id = %s")

# The same `me` for several employees at once (`Resolver.appraisers`): each one's placement on the
# day chosen as SUBJECT_CTE chooses it, ranked per employee. `{ids}` is a list of placeholders.
SUBJECTS_CTE = f"""
WITH ranked AS ({_PLACEMENT_COLUMNS},
           ROW_NUMBER() OVER (PARTITION BY p.employee_id ORDER BY {_CHOICE}, p.id) AS choice
    {_PLACEMENT_JOINS}
    WHERE p.employee_id IN ({{ids}}) AND {_ON_DAY}
),
me AS (
    SELECT employee_id, position_id, placement_kind, pos_kind, grade, is_head, pos_title, unit_id,
           path, depth, unit_name, agency_id, agency_type, placement_table, government_id, code
    FROM ranked WHERE choice = 1
)
"""

# UNIT_CTE for several units at once (`Resolver.heads_of_units`); `{ids}` as in SUBJECTS_CTE.
UNITS_CTE = _UNITS_ME.format(where="u.id IN ({ids})")


def placeholders(count: int) -> str:
    """`%s, %s, ...` for an IN list of `count` values."""
    return ", ".join(["%s"] * count)


HEAD_COLUMNS = """
    me.employee_id, me.position_id, me.placement_kind, me.pos_kind, me.grade, me.is_head,
    me.pos_title, me.unit_id, me.unit_name, me.depth, me.agency_id, me.agency_type,
    me.placement_table, me.code,
    a.id, a.depth, a.unit_type, a.is_work_unit, a.is_independent, a.name,
    hp.id, hp.title, hp.kind,
    h.employee_id, h.kind, he.nip, he.name, he.front_title, he.back_title,
    d.id, d.to_employee_id, d.legal_basis, d.rule_id,
    de.nip, de.name, de.front_title, de.back_title,
    a.agency_id
"""

_HOLDER_AND_DELEGATION_JOINS = """
    LEFT JOIN organization_position hp ON hp.unit_id = a.id AND hp.is_head = %s
    LEFT JOIN organization_placement h ON h.position_id = hp.id
         AND h.valid_from <= %s AND (h.valid_to IS NULL OR h.valid_to > %s)
    LEFT JOIN organization_employee he ON he.id = h.employee_id
    LEFT JOIN organization_delegation d ON d.from_employee_id = h.employee_id
         AND d.scope = 'APPRAISAL' AND d.valid_from <= %s AND (d.valid_to IS NULL OR d.valid_to > %s)
         AND d.to_employee_id <> COALESCE(me.employee_id, 0)
         AND (d.grades = '' OR d.grades LIKE '%%,' || me.code || ',%%')
         AND (d.unit_id IS NULL OR EXISTS (
              SELECT 1 FROM organization_orgunit du
              WHERE du.id = d.unit_id AND me.path LIKE du.path || '%%'))
    LEFT JOIN organization_employee de ON de.id = d.to_employee_id
"""

ANCESTOR_HEADS = f"""
SELECT {HEAD_COLUMNS}
FROM me
LEFT JOIN organization_orgunit a ON a.agency_id = me.agency_id AND me.path LIKE a.path || '%%'
{_HOLDER_AND_DELEGATION_JOINS}
UNION ALL
SELECT {HEAD_COLUMNS}
FROM me
JOIN organization_agency sa ON sa.government_id = me.government_id AND sa.agency_type = 'SETDA'
     AND me.depth = 0 AND me.is_head = %s AND me.agency_type <> 'SETDA'
JOIN organization_orgunit a ON a.agency_id = sa.id AND a.parent_id IS NULL
{_HOLDER_AND_DELEGATION_JOINS}
"""


def ancestor_heads_params(cte_params: list[object], on: object) -> list[object]:
    """Parameters for a CTE (SUBJECT_CTE: employee, on, on; UNIT_CTE: unit; SUBJECTS_CTE:
    employees..., on, on; UNITS_CTE: units...) + ANCESTOR_HEADS."""
    joins = [True, on, on, on, on]
    return [*cte_params, *joins, True, *joins]


SETDA_HEAD = """
SELECT h.employee_id, h.kind, he.nip, he.name, he.front_title, he.back_title,
       hp.id, hp.title, hp.kind, a.id, a.name, sa.id, sa.name
FROM organization_agency sa
JOIN organization_orgunit a ON a.agency_id = sa.id AND a.parent_id IS NULL
JOIN organization_position hp ON hp.unit_id = a.id AND hp.is_head = %s
JOIN organization_placement h ON h.position_id = hp.id
     AND h.valid_from <= %s AND (h.valid_to IS NULL OR h.valid_to > %s)
JOIN organization_employee he ON he.id = h.employee_id
WHERE sa.{column} = %s {extra}
ORDER BY CASE h.kind WHEN 'DEFINITIVE' THEN 0 WHEN 'PLT' THEN 1 ELSE 2 END
"""

GOVERNMENT_SECRETARY = SETDA_HEAD.format(
    column="government_id", extra="AND sa.agency_type = 'SETDA'"
)
AGENCY_HEAD = SETDA_HEAD.format(column="id", extra="")
