"""An employee's placement on a day (`organization.placements`): definitive before acting, none
outside its dates, the government's only, in one query whatever the number of people."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.organization.placements import placement_on, placements_on
from tests.organization.builders import START, build_org

ON = dt.date(2026, 11, 23)


def _org():
    """A Dinas with one placed in Sub Bidang and (placed before that) Plt Kepala Bidang, one Plt only, and one placed later."""
    org = build_org("kotim-2023", fill_heads=False)
    both = org.person("Dua Kedudukan")
    org.place(both, org.heads["bidang"], kind="PLT", start=START - dt.timedelta(days=1))
    org.place(both, org.position("subbidang", "Pengadministrasi Perkantoran", "PELAKSANA"))
    acting = org.person("Hanya Plt")
    org.place(acting, org.heads["sekretariat"], kind="PLT")
    later = org.person("Belum Menjabat")
    org.place(later, org.heads["subbidang"], start=ON + dt.timedelta(days=1))
    return org, both, acting, later


@pytest.mark.django_db
def test_the_definitive_placement_comes_before_an_acting_one_with_its_unit_and_agency(
    django_assert_num_queries,
):
    org, both, acting, later = _org()

    with django_assert_num_queries(1):
        placement = placement_on(both.pk, ON)
        assert placement is not None
        shown = (placement.kind, placement.position.unit.name, placement.position.unit.agency.code)
    assert shown == ("DEFINITIVE", "Sub Bidang Rujukan", "DINKES")
    assert placement_on(acting.pk, ON).kind == "PLT"
    assert placement_on(later.pk, ON) is None
    assert (
        placement_on(later.pk, ON + dt.timedelta(days=1)).position_id == org.heads["subbidang"].pk
    )


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 3])
def test_everyone_s_placement_in_one_query_keyed_by_employee(size, django_assert_num_queries):
    org, both, acting, later = _org()
    other, *_ = _org()
    extra = [org.staff(f"Staf {n}", "bidang", "PELAKSANA") for n in range(size)]
    outsider = other.staff("Pemda Lain", "bidang", "PELAKSANA")
    ids = [both.pk, acting.pk, later.pk, outsider.pk, *(e.pk for e in extra)]

    with django_assert_num_queries(1):
        found = placements_on(government_id=org.government.pk, employee_ids=ids, on=ON)
        units = {pk: p.position.unit.agency.code for pk, p in found.items()}

    assert list(found) == sorted([both.pk, acting.pk, *(e.pk for e in extra)])
    assert (found[both.pk].kind, found[acting.pk].kind) == ("DEFINITIVE", "PLT")
    assert set(units.values()) == {"DINKES"}
