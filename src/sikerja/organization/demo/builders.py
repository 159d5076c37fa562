"""One builder per kind of Perangkat Daerah: Dinas/Badan, Sekretariat Daerah, Sekretariat DPRD,
Inspektorat, RSUD and Kecamatan. Each returns an `AgencyPlan` with its unit tree.
"""

from __future__ import annotations

from sikerja.organization.demo import units
from sikerja.organization.demo.catalog_agencies import (
    INSPEKTORAT_SECRETARIAT,
    KECAMATAN_SECRETARIAT,
    KECAMATAN_SECTIONS,
    KELURAHAN_SECTIONS,
    RSUD_BAGIAN,
    RSUD_BIDANG,
    SECRETARIAT_SUBUNITS,
    SETDA_ASSISTANTS,
    SETDA_DOMAINS,
    SETWAN_BAGIAN,
    AgencyKind,
)
from sikerja.organization.demo.places import ROMAN
from sikerja.organization.demo.tree import AgencyPlan, Node
from sikerja.organization.demo.units import Context, new_node, secretariat, sections
from sikerja.organization.models import Agency

ROLE_BY_KEY = {"dinkes": "health", "disdik": "education", "bkpsdm": "hr"}
DINAS_RANK = {"dinkes": 0, "disdik": 1}


def _agency(
    ctx: Context,
    code: str,
    name: str,
    short: str,
    agency_type: str,
    affairs: list[str],
    levels: int | None = None,
) -> Agency:
    table, reason = ctx.plan.agency_table(agency_type, affairs, levels)
    return Agency(
        code=code,
        name=name,
        short_name=short,
        agency_type=agency_type,
        affairs=affairs,
        placement_table=table,
        placement_override_reason=reason,
    )


def _finish(ctx: Context, agency: Agency, root: Node, role: str, rank: int = 99) -> AgencyPlan:
    units.assign_kinds(ctx.plan, root, "")
    return AgencyPlan(agency=agency, root=root, role=role, dinas_rank=rank)


def dinas(ctx: Context, kind: AgencyKind) -> AgencyPlan:
    """A Dinas, Badan, Satuan or BPBD: Sekretariat, Bidang (or Seksi) and its work units."""
    affairs = ctx.plan.known_affairs(kind.affairs)
    agency = _agency(
        ctx, kind.key.upper(), kind.name, kind.short, kind.agency_type, affairs, kind.levels
    )
    root = new_node(
        None,
        agency,
        kind.agency_type,
        kind.name,
        kind.head_title or f"Kepala {kind.name}",
        kind.domain,
    )
    secretariat(ctx, root, kind.name, SECRETARIAT_SUBUNITS[: ctx.sizes.between(1, 3)])
    section_type = "SUBBIDANG" if kind.agency_type == "BADAN" else "SEKSI"
    field_type = units.allowed(ctx, root, "BIDANG") or units.allowed(ctx, root, "SEKSI")
    for index, (name, subunits) in enumerate(kind.bidang[: ctx.sizes.between(2, 4)]):
        if field_type == "SEKSI":
            sections(ctx, root, "SEKSI", (name,))
            continue
        if not field_type:
            break
        node = new_node(
            root, agency, "BIDANG", f"Bidang {name}", f"Kepala Bidang {name}", kind.domain
        )
        count = max(ctx.sizes.between(0, 3), 1 if index == 0 else 0)
        sections(ctx, node, section_type, subunits[:count])
    role = ROLE_BY_KEY.get(kind.key, "dinas")
    if role == "health":
        units.health_centres(ctx, root)
    if role == "education":
        units.schools(ctx, root)
    units.uptd(ctx, root, kind.uptd, at_least_one=role == "health")
    return _finish(
        ctx, agency, root, role, DINAS_RANK.get(kind.key, 50 if kind.agency_type == "DINAS" else 99)
    )


def setda(ctx: Context) -> AgencyPlan:
    """Sekretariat Daerah: the Sekda, three Asisten, their Bagian and Sub Bagian."""
    agency = _agency(ctx, "SETDA", "Sekretariat Daerah", "Setda", "SETDA", [])
    root = new_node(None, agency, "SETDA", "Sekretariat Daerah", "Sekretaris Daerah", "setda")
    bagian_count = ctx.sizes.between(2, 3)
    for assistant_index, (assistant, bagian) in enumerate(SETDA_ASSISTANTS):
        unit_type = units.allowed(ctx, root, "ASISTEN")
        if not unit_type:
            break
        node = new_node(root, agency, unit_type, assistant, assistant, "setda")
        for index, (name, subunits) in enumerate(bagian[:bagian_count]):
            if not units.allowed(ctx, node, "BAGIAN"):
                break
            domain = SETDA_DOMAINS.get(name, "setda")
            child = new_node(
                node,
                agency,
                "BAGIAN",
                f"Bagian {name}",
                f"Kepala Bagian {name}",
                domain,
                support=domain == "umum",
            )
            first = assistant_index == 0 and index == 0
            sections(ctx, child, "SUBBAGIAN", subunits[: max(ctx.sizes.between(0, 3), int(first))])
    return _finish(ctx, agency, root, "setda")


def setwan(ctx: Context) -> AgencyPlan:
    """Sekretariat DPRD: the Sekretaris DPRD and three Bagian."""
    name = "Sekretariat Dewan Perwakilan Rakyat Daerah"
    agency = _agency(ctx, "SETWAN", name, "Setwan", "SETWAN", [])
    root = new_node(None, agency, "SETWAN", name, "Sekretaris DPRD", "setda")
    domains = ("umum", "hukum", "perencanaan")
    for index, (bagian, subunits) in enumerate(SETWAN_BAGIAN[: ctx.sizes.between(2, 3)]):
        if not units.allowed(ctx, root, "BAGIAN"):
            break
        node = new_node(
            root,
            agency,
            "BAGIAN",
            f"Bagian {bagian}",
            f"Kepala Bagian {bagian}",
            domains[index],
            support=index == 0,
        )
        sections(
            ctx,
            node,
            "SUBBAGIAN",
            subunits[: max(ctx.sizes.between(0, 3), int(index == 0))],
            support=index == 0,
        )
    return _finish(ctx, agency, root, "setwan")


def inspektorat(ctx: Context) -> AgencyPlan:
    """Inspektorat: the Inspektur, a Sekretariat and the Inspektur Pembantu."""
    agency = _agency(
        ctx,
        "INSPEKTORAT",
        "Inspektorat",
        "Inspektorat",
        "INSPEKTORAT",
        ctx.plan.known_affairs(("pengawasan",)),
    )
    root = new_node(None, agency, "INSPEKTORAT", "Inspektorat", "Inspektur", "pengawasan")
    secretariat(ctx, root, "Inspektorat", INSPEKTORAT_SECRETARIAT[: ctx.sizes.between(1, 2)])
    for index in range(ctx.sizes.between(2, 4)):
        if not units.allowed(ctx, root, "INSPEKTUR_PEMBANTU"):
            break
        name = f"Inspektur Pembantu Wilayah{ROMAN[index] or ' I'}"
        new_node(root, agency, "INSPEKTUR_PEMBANTU", name, name, "pengawasan")
    return _finish(ctx, agency, root, "inspektorat")


def rsud(ctx: Context, index: int) -> AgencyPlan:
    """A Rumah Sakit Umum Daerah (a special unit, UOBK): Bagian, Bidang and their sections."""
    hospital = ctx.region.hospitals[index % len(ctx.region.hospitals)]
    name = f"Rumah Sakit Umum Daerah {hospital}"
    agency = _agency(ctx, f"RSUD{index + 1}", name, f"RSUD {hospital}", "RSUD", [])
    root = new_node(None, agency, "RSUD", name, f"Direktur RSUD {hospital}", "rs")
    count = ctx.sizes.between(1, 3)
    for unit_type, parts, section in (
        ("BAGIAN", RSUD_BAGIAN, "SUBBAGIAN"),
        ("BIDANG", RSUD_BIDANG, "SEKSI"),
    ):
        for part, subunits in parts[: min(count, 2) if unit_type == "BAGIAN" else count]:
            if not units.allowed(ctx, root, unit_type):
                break
            prefix = "Bagian" if unit_type == "BAGIAN" else "Bidang"
            domain = "umum" if unit_type == "BAGIAN" else "rs"
            node = new_node(
                root,
                agency,
                unit_type,
                f"{prefix} {part}",
                f"Kepala {prefix} {part}",
                domain,
                support=domain == "umum",
            )
            sections(
                ctx, node, section, subunits[: ctx.sizes.between(1, 2)], support=domain == "umum"
            )
    return _finish(ctx, agency, root, "rsud")


def kecamatan(ctx: Context, index: int) -> AgencyPlan:
    """A Kecamatan: the Camat, a Sekretariat, Seksi and the Kelurahan with their Lurah."""
    name, kelurahan = ctx.region.kecamatan[index % len(ctx.region.kecamatan)]
    agency = _agency(
        ctx, f"KEC{index + 1:02d}", f"Kecamatan {name}", f"Kec. {name}", "KECAMATAN", []
    )
    root = new_node(None, agency, "KECAMATAN", f"Kecamatan {name}", f"Camat {name}", "pemerintahan")
    suffix = f" Kecamatan {name}"
    secretariat(
        ctx, root, f"Kecamatan {name}", KECAMATAN_SECRETARIAT[: ctx.sizes.between(1, 2)], suffix
    )
    sections(ctx, root, "SEKSI", KECAMATAN_SECTIONS[: ctx.sizes.between(1, 4)], suffix)
    for village in kelurahan[: max(1, round(len(kelurahan) * ctx.sizes.scale))]:
        if not units.allowed(ctx, root, "KELURAHAN") and not ctx.plan.has_typology("KELURAHAN"):
            break
        node = new_node(
            root, agency, "KELURAHAN", f"Kelurahan {village}", f"Lurah {village}", "pemerintahan"
        )
        village_suffix = f" Kelurahan {village}"
        secretariat(ctx, node, f"Kelurahan {village}", (), village_suffix)
        sections(ctx, node, "SEKSI", KELURAHAN_SECTIONS[: ctx.sizes.between(1, 3)], village_suffix)
    return _finish(ctx, agency, root, "kecamatan")
