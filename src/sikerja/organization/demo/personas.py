"""The demo's named personas: which positions they hold and their logins.

Before staffing, `mark` picks the units and positions the personas need (a Dinas with a Bidang
that has a JF Ahli Muda, a Pengawas below it, a Pelaksana, the BKPSDM, another agency) and marks
those positions essential, so that even a small demo keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from sikerja.accounts.models import Account
from sikerja.core.errors import ValidationFailed
from sikerja.organization.demo.catalog_jf import PELAKSANA_KINDS, jf_for
from sikerja.organization.demo.errors import DemoErrorCode
from sikerja.organization.demo.staffing import jf_position, pelaksana_position
from sikerja.organization.demo.tree import AgencyPlan, Blueprint, Node, Staff
from sikerja.organization.demo.units import Context
from sikerja.organization.models import Employee, Government

# username -> (label printed when the persona holds no position, Account role). Otherwise `demo`
# prints the position title and the roles the pack's resolver gives (organization.persona_labels).
PERSONAS: dict[str, tuple[str, str]] = {
    "bkpsdm": ("Operator BKPSDM", Account.Role.BKPSDM_ADMIN),
    "kepala_daerah": ("Kepala Daerah (Pejabat Negara)", Account.Role.EMPLOYEE),
    "sekda": ("Sekretaris Daerah", Account.Role.EMPLOYEE),
    "kepala_dinas": ("Kepala Perangkat Daerah", Account.Role.EMPLOYEE),
    "kabid": ("Kepala Bidang", Account.Role.EMPLOYEE),
    "subkoordinator": ("Pejabat Pengawas", Account.Role.EMPLOYEE),
    "jf_ahli_muda": ("Pejabat Fungsional Ahli Muda", Account.Role.EMPLOYEE),
    "pelaksana": ("Pelaksana", Account.Role.EMPLOYEE),
    "outsider": ("Pegawai Perangkat Daerah lain", Account.Role.EMPLOYEE),
}
DINAS_ROLES = ("health", "education", "dinas")


@dataclass
class PersonaPlan:
    """Where each persona sits: head nodes for officials, staff positions for the others."""

    setda: Node
    agency: AgencyPlan
    bidang: Node
    subunit: Node
    jf: Staff
    pelaksana: Staff
    hr: Staff
    outsider: Staff

    def protected(self) -> set[int]:
        """Units whose heads must stay definitive (no vacancy, no Plh) for the personas."""
        return {id(node) for node in (self.setda, self.agency.root, self.bidang, self.subunit)}


def _missing(what: str) -> ValidationFailed:
    return ValidationFailed(
        code=DemoErrorCode.NO_PERSONA,
        message=_("Struktur demo tidak memuat %(what)s untuk persona demo.") % {"what": what},
    )


def _add(ctx: Context, node: Node, staff: Staff) -> Staff | None:
    assert node.head is not None  # noqa: S101
    if not ctx.plan.may_sit(staff.position, node):
        return None
    node.staff.append(staff)
    return staff


def _ahli_muda(ctx: Context, node: Node) -> Staff | None:
    for staff in node.staff:
        if staff.position.grade == "AHLI_MUDA":
            return staff
    for jf in jf_for(node.domain):
        if jf.expert_degrees and (added := _add(ctx, node, jf_position(node, jf, "AHLI_MUDA"))):
            return added
    return None


def _pelaksana(ctx: Context, nodes: list[Node]) -> Staff | None:
    for node in nodes:
        for staff in node.staff:
            if staff.position.kind == "PELAKSANA":
                return staff
    for node in nodes:
        if added := _add(ctx, node, pelaksana_position(node, PELAKSANA_KINDS[0])):
            return added
    return None


def _pengawas_below(nodes: list[Node]) -> Node | None:
    return next((n for n in nodes if n.head is not None and n.head.kind == "PENGAWAS"), None)


def _first_staff(agencies: list[AgencyPlan]) -> Staff | None:
    for plan in agencies:
        for node in plan.root.walk():
            if node.staff:
                return node.staff[0]
    return None


def _dinas(ctx: Context, blueprint: Blueprint) -> tuple[AgencyPlan, Node, Staff]:
    """The persona Dinas and Bidang: the best ranked with a JF Ahli Muda and a Pengawas below."""
    best: tuple[tuple[bool, int, int], AgencyPlan, Node, Staff] | None = None
    candidates = [plan for plan in blueprint.agencies if plan.role in DINAS_ROLES]
    for order, plan in enumerate(candidates):
        for node in plan.root.children:
            if node.unit.unit_type != "BIDANG":
                continue
            jf = _ahli_muda(ctx, node)
            if jf is None:
                continue
            key = (_pengawas_below(node.children) is None, plan.dinas_rank, order)
            if best is None or key < best[0]:
                best = (key, plan, node, jf)
    if best is None:
        raise _missing(_("Bidang dengan Pejabat Fungsional Ahli Muda"))
    return best[1], best[2], best[3]


def mark(ctx: Context, blueprint: Blueprint) -> PersonaPlan:
    """Choose the personas' units and positions; mark the positions essential."""
    setda = next(plan.root for plan in blueprint.agencies if plan.role == "setda")
    agency, bidang, jf = _dinas(ctx, blueprint)
    subunit = (
        _pengawas_below(bidang.children)
        or _pengawas_below(list(agency.root.walk()))
        or _pengawas_below(list(blueprint.nodes()))
    )
    pelaksana = _pelaksana(ctx, list(bidang.walk()) + list(agency.root.walk()))
    hr_agencies = [plan for plan in blueprint.agencies if plan.role == "hr"]
    hr = _first_staff(hr_agencies)
    others = [p for p in blueprint.agencies if p.role not in {"setda", "hr"} and p is not agency]
    outsider = _first_staff(others)
    if subunit is None:
        raise _missing(_("pejabat Pengawas"))
    if pelaksana is None:
        raise _missing(_("Pelaksana"))
    if hr is None:
        raise _missing(_("pegawai BKPSDM"))
    if outsider is None:
        raise _missing(_("pegawai Perangkat Daerah lain"))
    for staff in (jf, pelaksana, hr, outsider):
        staff.essential = True
    return PersonaPlan(setda, agency, bidang, subunit, jf, pelaksana, hr, outsider)


def username(kode: str, name: str, *, prefix: bool) -> str:
    """A persona's login, e.g. "sekda" or, prefixed by the government kode, "ska.sekda"."""
    return f"{kode.lower()}.{name}" if prefix else name


def persona_key(login: str) -> str:
    """The persona name of a login (drops a kode prefix)."""
    return login.rsplit(".", 1)[-1]


def persona_employee(government: Government, name: str) -> Employee | None:
    """The employee of a demo persona of the government (its login plain or kode-prefixed)."""
    logins = [name, username(government.kode, name, prefix=True)]
    return Employee.objects.filter(government=government, user__username__in=logins).first()


def demo_government(kode: str | None) -> Government | None:
    """The demo government of that kode, or the first of the database's own."""
    governments = Government.objects.filter(is_external=False).order_by("pk")
    return governments.filter(kode=kode).first() if kode else governments.first()
