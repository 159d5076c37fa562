"""Performance records built through the services on the shared Surakarta world.

The chain of appraisers there: kepala_dinas (Kepala Dinas Pendidikan) appraises kabid, who
appraises jf_ahli_muda and subkoordinator, who appraises pelaksana.
"""

from __future__ import annotations

import datetime as dt

from sikerja.organization import services_people
from sikerja.organization.models import Employee, Placement
from sikerja.organization.resolver import Resolver
from sikerja.performance import rules, services
from sikerja.performance.models import PerformanceAgreement, Rhk, Skp
from sikerja.performance.services.agreements import AgreementInput, IndicatorInput
from sikerja.performance.services.skp import ExpectationInput, RhkInput
from sikerja.performance.services.skp import IndicatorInput as RhkIndicatorInput

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
ON = dt.date(2026, 11, 23)
YEAR = 2026
TARGET = (RhkIndicatorInput("Persentase sekolah terbina", "KUANTITATIF", "90 %"),)


def unit_of(employee: Employee) -> int:
    return Placement.objects.effective_on(ON).get(employee=employee).position.unit_id


def unit_pk(head: Employee) -> PerformanceAgreement:
    """The head's unit PK for the year, with one indicator."""
    data = AgreementInput(
        unit_id=unit_of(head),
        kind="UNIT",
        year=YEAR,
        indicators=(IndicatorInput("Mutu pendidikan dasar", "Indeks mutu SD", "80"),),
    )
    return services.pk_set(actor=head, data=data, at=NOW, on=ON)


def rhk(
    skp: Skp, kind: str = "UTAMA", parent: Rhk | None = None, cascade: str = "DIRECT", **extra
) -> Rhk:
    data = RhkInput(
        kind=kind,
        text=f"RHK {kind.lower()} {skp.employee_id}",
        indicators=TARGET,
        parent_id=parent.pk if parent else None,
        cascade=cascade if parent else "",
        **extra,
    )
    return services.skp_rhk_add(actor=skp.employee, skp_id=skp.pk, data=data, at=NOW)


def head_skp(head: Employee) -> tuple[Skp, Rhk]:
    """The head's SKP with a main RHK from the unit's PK."""
    agreement = unit_pk(head)
    skp = services.skp_create(actor=head, year=YEAR, at=NOW, on=ON)
    main = rhk(skp, pk_indicator_id=agreement.indicators.get().pk)
    return skp, main


def cascaded_skp(employee: Employee, parent: Rhk, cascade: str = "DIRECT") -> tuple[Skp, Rhk]:
    """An SKP with one main RHK cascaded from the appraiser's RHK."""
    skp = services.skp_create(actor=employee, year=YEAR, at=NOW, on=ON)
    return skp, rhk(skp, parent=parent, cascade=cascade)


def expectation(skp: Skp, core_value: str = "AKUNTABEL", **fields: str):
    data = ExpectationInput(core_value=core_value, text="Tepat waktu", **fields)
    return services.skp_expectation_set(actor=skp.employee, skp_id=skp.pk, data=data, at=NOW)


def approved(skp: Skp) -> Skp:
    """Submit the SKP and approve it as its appraiser."""
    skp = services.skp_submit(actor=skp.employee, skp_id=skp.pk, at=NOW, on=ON)
    appraiser = Employee.objects.get(pk=skp.appraiser_id)
    return services.skp_decide(actor=appraiser, skp_id=skp.pk, decision="approve", at=NOW, on=ON)


def jf_skp(persona_of) -> Skp:
    """The JF Ahli Muda's draft SKP, its main RHK cascaded from the kabid's (for the matrices)."""
    _head, head_main = head_skp(persona_of("kepala_dinas"))
    _kabid, kabid_main = cascaded_skp(persona_of("kabid"), head_main)
    skp, _main = cascaded_skp(persona_of("jf_ahli_muda"), kabid_main)
    return skp


def delegate(operator, from_employee: Employee, to_employee: Employee, scope: str):
    """A delegation from today, recorded by the BKPSDM operator."""
    return services_people.delegation_create(
        actor=operator,
        from_employee=from_employee,
        to_employee=to_employee,
        scope=scope,
        valid_from=ON,
        legal_basis="Keputusan 800/3/2026",
        at=NOW,
    )


def main_rhk(employee: Employee, resolver: Resolver, made: dict[int, Rhk]) -> Rhk:
    """The employee's SKP with a main RHK: from the PK of the unit they head where the pack
    makes them its head, else cascaded from their appraiser's main RHK."""
    if employee.pk in made:
        return made[employee.pk]
    unit_id = Placement.objects.effective_on(ON).get(employee=employee).position.unit_id
    source: dict[str, object] = {}
    if rules.may_set_pk(employee.pk, unit_id, resolver.pack.id, ON):
        agreement = services.pk_set(
            actor=employee,
            data=AgreementInput(unit_id, "UNIT", YEAR, (IndicatorInput("Sasaran", "IKU", "80"),)),
            at=NOW,
            on=ON,
        )
        source = {"pk_indicator_id": agreement.indicators.get().pk}
    else:
        appraiser = resolver.appraiser(employee.pk, ON).person
        assert appraiser is not None
        parent = main_rhk(Employee.objects.get(pk=appraiser.employee_id), resolver, made)
        source = {"parent_id": parent.pk, "cascade": "DIRECT"}
    skp = services.skp_create(actor=employee, year=YEAR, at=NOW, on=ON)
    data = RhkInput(kind="UTAMA", text=f"RHK {employee.name}", indicators=TARGET, **source)
    made[employee.pk] = services.skp_rhk_add(actor=employee, skp_id=skp.pk, data=data, at=NOW)
    return made[employee.pk]
