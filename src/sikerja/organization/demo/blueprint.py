"""The demo pemda's agencies: which ones a demo of N employees has, built in display order.

The Sekretariat Daerah, the Inspektorat, the health, education and HR agencies and one
Kecamatan are always there; an agency is added when it brings a placement table of the pack
not yet shown, and further agencies are added as the demo grows (about 8 at 200 employees,
40 to 60 at 50,000, with Puskesmas and schools multiplying inside them).
"""

from __future__ import annotations

from sikerja.organization.demo import builders
from sikerja.organization.demo.catalog_agencies import AGENCY_KINDS, AgencyKind
from sikerja.organization.demo.tree import Blueprint
from sikerja.organization.demo.units import Context

ALWAYS = frozenset({"dinkes", "disdik", "bkpsdm"})
SPECIAL_TYPES = {"setwan": "SETWAN", "rsud": "RSUD"}
PRIORITY = (
    "dinkes", "disdik", "bkpsdm", "bappeda", "bpkad", "setwan", "satpolpp", "kominfo", "bpbd",
    "dishub", "pupr", "dinsos", "rsud", "dukcapil", "dlh", "pertanian", "bapenda", "damkar",
    "kesbangpol", "disdag", "kukm", "disnaker", "dp3a", "perkim", "budpar", "dispora", "arpus",
    "dpmptsp", "dpmd", "pangan", "brida", "budaya",
)  # fmt: skip


def build(ctx: Context) -> Blueprint:
    """Every agency of the demo with its unit tree, heads and head kinds."""
    kinds = {kind.key: kind for kind in AGENCY_KINDS if ctx.region_kind in kind.region_kinds}
    chosen = _choose(ctx, kinds)
    blueprint = Blueprint()
    blueprint.agencies.append(builders.setda(ctx))
    if "setwan" in chosen:
        blueprint.agencies.append(builders.setwan(ctx))
    blueprint.agencies.append(builders.inspektorat(ctx))
    for key in chosen:
        if key == "rsud":
            hospitals = 2 if ctx.sizes.scale > 0.7 and len(ctx.region.hospitals) > 1 else 1
            blueprint.agencies.extend(builders.rsud(ctx, index) for index in range(hospitals))
        elif key in kinds:
            blueprint.agencies.append(builders.dinas(ctx, kinds[key]))
    count = 1 + round(ctx.sizes.scale * (len(ctx.region.kecamatan) - 1))
    blueprint.agencies.extend(builders.kecamatan(ctx, index) for index in range(count))
    return blueprint


def _choose(ctx: Context, kinds: dict[str, AgencyKind]) -> list[str]:
    """Agencies beyond the Sekretariat Daerah, Inspektorat and Kecamatan, in priority order.

    An agency comes in when it brings a placement table not yet shown, or a typology of its
    own for its agency type (Surakarta's Satpol PP as a 3-level unit), or while the demo is
    below its target number of agencies.
    """
    target = 3 + ctx.sizes.between(3, 37)
    covered = {ctx.plan.agency_table(t, [], None)[0] for t in ("SETDA", "INSPEKTORAT", "KECAMATAN")}
    general = ctx.plan.agency_table("DINAS", [], None)[0]
    types: set[str] = set()
    chosen: list[str] = []
    for key in PRIORITY:
        if key in SPECIAL_TYPES:
            agency_type = SPECIAL_TYPES[key]
            table = ctx.plan.agency_table(agency_type, [], None)[0]
        elif key in kinds:
            kind = kinds[key]
            agency_type = kind.agency_type
            affairs = ctx.plan.known_affairs(kind.affairs)
            table = ctx.plan.agency_table(agency_type, affairs, kind.levels)[0]
        else:
            continue
        shown = not table or not ctx.plan.tables[table].rows
        new_table = not shown and table not in covered
        new_typology = not shown and table != general and agency_type not in types
        if key in ALWAYS or new_table or new_typology or 3 + len(chosen) < target:
            chosen.append(key)
            covered.add(table)
            types.add(agency_type)
    return chosen
