"""`generate`: one deterministic demo pemda for a regulation pack, built in memory and written
in bulk in one transaction.

Same pack, number of employees and seed give the same names, NIPs and structure; only the
government's kode (and the login prefix) differ between two runs.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.accounts.models import Account
from sikerja.audit.services import event_record
from sikerja.core.errors import ValidationFailed
from sikerja.organization.demo import (
    appointments,
    blueprint,
    personas,
    regional_head,
    staffing,
    writer,
)
from sikerja.organization.demo.delegations import delegations
from sikerja.organization.demo.errors import DemoErrorCode
from sikerja.organization.demo.people import PeopleMaker
from sikerja.organization.demo.places import default_kode, region_for
from sikerja.organization.demo.plan import PackPlan
from sikerja.organization.demo.tree import Blueprint
from sikerja.organization.demo.units import Context, Sizes
from sikerja.organization.demo.verify import verify
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import Delegation, Employee, Government
from sikerja.organization.services import government_create
from sikerja.regulations.loader import LoadedPack, PackError, load_pack

DEFAULT_PASSWORD = "sikerja-demo"  # noqa: S105 - the published password of the demo logins


@dataclass(frozen=True)
class DemoResult:
    """The demo government, the counts of what was written, and the personas' employees."""

    government: Government
    counts: dict[str, int]
    personas: dict[str, Employee]  # username -> employee


@dataclass
class _Built:
    blueprint: Blueprint
    staffing: appointments.Staffing
    delegations: list[Delegation]
    personas: dict[str, Employee]


def regional_pack(pack_id: str) -> LoadedPack:
    """The pack, if it is a regional pack with placement rules; ValidationFailed otherwise."""
    try:
        pack = load_pack(pack_id)
    except PackError as exc:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_PACK, message=str(exc), fields={"pack_id": str(exc)}
        ) from exc
    if pack.data.placement is None or pack.data.roles is None:
        raise ValidationFailed(
            code=DemoErrorCode.NOT_REGIONAL,
            message=_("Paket %(pack)s bukan paket daerah; demo memerlukan aturan kedudukan.")
            % {"pack": pack_id},
            fields={"pack_id": _("Bukan paket daerah.")},
        )
    return pack


def generate(
    *,
    pack_id: str,
    employees: int,
    at: dt.datetime,
    on: dt.date,
    seed: int = 1,
    kode: str | None = None,
    password: str = DEFAULT_PASSWORD,
    username_prefix: bool = False,
) -> DemoResult:
    """Build one demo government with `employees` employees under the pack.

    Raises ValidationFailed: unknown or non-regional pack, kode or login already taken, too
    few employees for the pack's structure, or a pack check refusing a demo position.
    """
    pack = regional_pack(pack_id)
    kode = kode or default_kode(pack_id)
    if Government.objects.filter(kode=kode).exists():
        raise ValidationFailed(
            code=OrgErrorCode.DUPLICATE_CODE,
            message=_("Kode pemerintah %(kode)s sudah dipakai.") % {"kode": kode},
            fields={"kode": _("Sudah dipakai.")},
        )
    built = _build(pack, employees, random.Random(seed), on)  # noqa: S311 - demo data, not secrets
    head = regional_head.make(pack, seed, on)
    cast = {**built.personas, "kepala_daerah": head}
    logins = _logins(cast, kode, password, prefix=username_prefix)
    officials = _official_logins(
        built.staffing, cast, kode, logins[0].password_hash, username_prefix
    )
    with transaction.atomic():
        government = _government(pack, kode, at)
        counts = writer.write(
            government,
            built.blueprint,
            built.staffing,
            built.delegations,
            [*logins, *officials],
            head,
        )
        event_record(
            government_id=government.pk,
            actor_user_id=None,
            actor_label="demo",
            action="demo.generated",
            object_type="organization.government",
            object_id=str(government.pk),
            at=at,
            after={"seed": seed, **counts},
        )
    named = {login.username: login.employee for login in logins}
    return DemoResult(government=government, counts=counts, personas=named)


def _government(pack: LoadedPack, kode: str, at: dt.datetime) -> Government:
    """The tenant, created through the audited service: "Pemerintah Kota Surakarta"."""
    identity = pack.data.pack
    kind = Government.Kind.KOTA if identity.region_kind == "kota" else Government.Kind.KABUPATEN
    name = f"Pemerintah {identity.region}"
    return government_create(kode=kode, name=name, kind=kind, pack_id=pack.id, at=at)


def _unique_unit_names(plan: Blueprint) -> None:
    """Unit names are unique within an agency (the import template keys units by name)."""
    for agency in plan.agencies:
        seen: dict[str, int] = {}
        for node in agency.root.walk():
            name = node.unit.name
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                node.unit.name = f"{name} ({seen[name]})"


def _build(pack: LoadedPack, employees: int, rng: random.Random, on: dt.date) -> _Built:
    """Everything in memory: structure, positions, people, placements, delegations."""
    identity = pack.data.pack
    region = region_for(pack.id)
    ctx = Context(PackPlan(pack), region, identity.region_kind, Sizes.for_employees(employees), rng)
    plan = blueprint.build(ctx)
    _unique_unit_names(plan)
    staffing.propose(ctx, plan)
    cast = personas.mark(ctx, plan)
    acting = appointments.choose_acting(ctx, plan, cast.protected())
    heads = sum(1 for _ in plan.nodes()) - sum(1 for a in acting if a.kind == "PLT")
    staffing.keep(ctx, plan, employees - heads)
    place = identity.region.split(" ", 1)[-1]
    hr = next(p.agency.short_name for p in plan.agencies if p.role == "hr")
    appointer = appointments.Appointer(
        ctx,
        PeopleMaker(rng, region.flavour, on),
        on,
        decided_by=f"{identity.regional_head_title} {place}",
        secretary=f"Sekretaris Daerah {identity.region}",
        hr_code=hr,
    )
    people = appointer.run(plan, acting, appointments.pppk_rate(ctx, plan))
    verify(pack, plan, people)
    return _Built(plan, people, delegations(ctx, plan, people, on), _cast(cast, people))


def _cast(cast: personas.PersonaPlan, people: appointments.Staffing) -> dict[str, Employee]:
    """Persona name -> employee."""
    return {
        "bkpsdm": people.holders[id(cast.hr)][0],
        "sekda": people.head_of[id(cast.setda)],
        "kepala_dinas": people.head_of[id(cast.agency.root)],
        "kabid": people.head_of[id(cast.bidang)],
        "subkoordinator": people.head_of[id(cast.subunit)],
        "jf_ahli_muda": people.holders[id(cast.jf)][0],
        "pelaksana": people.holders[id(cast.pelaksana)][0],
        "outsider": people.holders[id(cast.outsider)][0],
    }


def _official_logins(
    staffing: appointments.Staffing,
    cast: dict[str, Employee],
    kode: str,
    password_hash: str,
    prefix: bool,
) -> list[writer.Login]:
    """Every other holder of a head position (definitive, Plt or Plh): the officials a demo
    flow reaches. They log in with their NIP (prefixed like the personas) and the demo password.
    """
    taken = {id(employee) for employee in cast.values()}
    logins: list[writer.Login] = []
    for placement in staffing.placements:
        employee = placement.employee
        if placement.position.is_head and id(employee) not in taken:
            taken.add(id(employee))
            username = personas.username(kode, employee.nip, prefix=prefix)
            logins.append(writer.Login(username, password_hash, employee, Account.Role.EMPLOYEE))
    return logins


def _logins(
    cast: dict[str, Employee], kode: str, password: str, *, prefix: bool
) -> list[writer.Login]:
    """The personas' logins; ValidationFailed when one is already taken."""
    names = {name: personas.username(kode, name, prefix=prefix) for name in personas.PERSONAS}
    taken = sorted(
        get_user_model()
        .objects.filter(username__in=names.values())
        .values_list("username", flat=True)
    )
    if taken:
        raise ValidationFailed(
            code=DemoErrorCode.USERNAME_TAKEN,
            message=_("Login demo sudah ada: %(names)s; gunakan --prefix.")
            % {"names": ", ".join(taken)},
            fields={"username_prefix": _("Login sudah dipakai.")},
        )
    password_hash = make_password(password)  # hashed once, shared by every demo login
    return [
        writer.Login(names[name], password_hash, cast[name], personas.PERSONAS[name][1])
        for name in personas.PERSONAS
    ]
