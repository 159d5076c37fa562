"""A year of performance management in every pack, end to end through the services: the head of
the Dinas sets the unit's PK, each official's SKP cascades its main RHK from the one above (the
appraiser the pack's resolver names), the JF's SKP is submitted and approved on the pack's
WF-SKP flow, and the annual rating is drafted and signed with the predikat from the matrix."""

from __future__ import annotations

import pytest
from django.db.models import Q

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Employee
from sikerja.organization.resolver import Resolver
from sikerja.performance import services
from sikerja.performance.models import Skp
from sikerja.performance.services.ratings import RatingInput
from sikerja.regulations.loader import load_pack
from tests.organization.builders import build_org
from tests.performance.world import NOW, ON, expectation, main_rhk
from tests.regulations.conftest import REGIONAL


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
