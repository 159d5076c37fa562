"""A year of performance management in every pack, end to end through the services: the head of
the Dinas sets the unit's PK, each official's SKP cascades its main RHK from the one above (the
appraiser the pack's resolver names), the JF's SKP is submitted and approved on the pack's
WF-SKP flow, and the annual rating is drafted and signed with the predikat from the matrix."""

from __future__ import annotations

import pytest
from django.db.models import Q

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Employee, Placement
from sikerja.organization.resolver import Resolver
from sikerja.performance import rules, services
from sikerja.performance.models import Rhk, Skp
from sikerja.performance.services.agreements import AgreementInput, IndicatorInput
from sikerja.performance.services.ratings import RatingInput
from sikerja.performance.services.skp import RhkInput
from sikerja.regulations.loader import load_pack
from tests.organization.builders import build_org
from tests.performance.world import NOW, ON, TARGET, YEAR, expectation
from tests.regulations.conftest import REGIONAL


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


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", REGIONAL)
def test_a_year_from_pk_to_the_annual_predikat_case(pack_id):
    org = build_org(pack_id)
    jf = org.staff("Analis Kebijakan", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    resolver = Resolver(load_pack(pack_id))

    skp = main_rhk(jf, resolver, {}).skp
    expectation(skp, output="Laporan", target="12", timeline="Desember")
    skp = services.skp_submit(actor=jf, skp_id=skp.pk, at=NOW, on=ON)
    appraiser = Employee.objects.get(pk=skp.appraiser_id)
    skp = services.skp_decide(actor=appraiser, skp_id=skp.pk, decision="approve", at=NOW, on=ON)
    data = RatingInput(skp.pk, "ANNUAL", 1, "SESUAI_EKSPEKTASI", "DI_ATAS_EKSPEKTASI")
    rating = services.rating_draft(actor=appraiser, data=data, at=NOW, on=ON).rating
    signed = services.rating_sign(actor=appraiser, rating_id=rating.pk, at=NOW, on=ON)

    assert skp.status == Skp.Status.APPROVED
    assert skp.appraiser_id == resolver.appraiser(jf.pk, ON).person.employee_id
    assert (signed.status, signed.predikat, signed.appraiser_rule) == (
        "SIGNED",
        "BAIK",
        skp.appraiser_rule,
    )
    trail = AuditEvent.objects.filter(
        Q(object_type="performance.skp", object_id=str(skp.pk))
        | Q(object_type="performance.rating", object_id=str(rating.pk)),
        government_id=org.government.pk,
    ).values_list("action", flat=True)
    assert list(trail.order_by("pk")) == [
        "performance.skp_created",
        "performance.rhk_added",
        "performance.expectation_set",
        "performance.skp_submitted",
        "performance.skp_approved",
        "performance.rating_drafted",
        "performance.rating_signed",
    ]
