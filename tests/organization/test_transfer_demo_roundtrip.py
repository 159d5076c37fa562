"""A demo pemda exported to the template imports again into an empty government, unchanged."""

from __future__ import annotations

import pytest

from sikerja.organization import services
from sikerja.organization.demo import generate
from sikerja.organization.models import Agency, Employee, OrgUnit, Placement, Position
from sikerja.organization.rules import Actor
from sikerja.organization.transfer import export_xlsx, import_file
from tests.conftest import NOW, TODAY


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", ["surakarta-2023", "kotim-2023", "blitar-2023"])
def test_a_demo_export_imports_cleanly_with_the_same_placement_tables(pack_id):
    source = generate(
        pack_id=pack_id, employees=300, seed=3, at=NOW, on=TODAY, kode="SRC", username_prefix=True
    ).government
    target = services.government_create(
        kode="DST", name="Salinan", kind="KOTA", pack_id=pack_id, at=NOW
    )

    result = import_file(
        actor=Actor.system(target.pk),
        government=target,
        data=export_xlsx(government=source),
        filename="ekspor.xlsx",
        at=NOW,
        on=TODAY,
    )

    def tables(government):
        return sorted(
            Agency.objects.filter(government=government).values_list(
                "code", "placement_table", "affairs"
            )
        )

    assert tables(target) == tables(source)

    def sizes(government):
        # The regional head is a Pejabat Negara, not a Pegawai ASN of the file (ADR 0008).
        civil_servants = Employee.objects.exclude(employment_type="PN")
        return [
            queryset.filter(government=government).count()
            for queryset in (OrgUnit.objects, Position.objects, civil_servants)
        ]

    assert sizes(target) == sizes(source)
    assert (
        result.counts()["placements_created"] == Placement.objects.filter(government=source).count()
    )
