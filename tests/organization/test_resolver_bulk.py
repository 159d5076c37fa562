"""The resolver's bulk answers (`appraisers`, `heads_of_units`) are its single answers, for every
employee and unit of the demo world (both governments: agency heads answered by the Sekda,
people without a placement) and under a delegation, in one query whatever their number."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.organization.models import Employee, Government, OrgUnit
from sikerja.organization.resolver import Resolver
from sikerja.regulations.loader import load_pack
from tests.organization.builders import build_org
from tests.organization.test_resolver_by_pack import delegate_ahli_muda_appraisal

ON = dt.date(2026, 6, 1)


def _resolver(government: Government) -> Resolver:
    return Resolver(load_pack(government.pack_id))


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["government_id", "other_government_id"])
def test_bulk_appraisers_and_unit_heads_are_the_single_answers(world, today, which):
    government = Government.objects.get(pk=getattr(world, which))
    resolver = _resolver(government)
    people = list(Employee.objects.filter(government=government).values_list("pk", flat=True))
    units = list(OrgUnit.objects.filter(government=government).values_list("pk", flat=True))

    appraisers = resolver.appraisers([*people, 0], today)
    heads = resolver.heads_of_units([*units, 0], today)

    assert appraisers == {pk: resolver.appraiser(pk, today) for pk in [*people, 0]}
    assert heads == {pk: resolver.head_of_unit(pk, today) for pk in [*units, 0]}
    assert {a.person is None for a in appraisers.values()} == {True, False}


@pytest.mark.django_db
def test_a_bulk_answer_is_one_query_for_any_number_of_people(
    world, today, django_assert_num_queries
):
    government = Government.objects.get(pk=world.government_id)
    resolver = _resolver(government)
    people = list(Employee.objects.filter(government=government).values_list("pk", flat=True))
    units = list(OrgUnit.objects.filter(government=government).values_list("pk", flat=True))

    for size in (2, len(people)):
        with django_assert_num_queries(1):
            assert len(resolver.appraisers(people[:size], today)) == size
    with django_assert_num_queries(1):
        assert len(resolver.heads_of_units(units, today, "own_unit")) == len(units)
    with django_assert_num_queries(0):
        assert resolver.appraisers([], today) == {}


@pytest.mark.django_db
def test_v41_pasal_17_ayat_2_blitar_a_delegation_answers_alike_in_bulk():
    org = build_org("blitar-2023")
    jf = org.staff("Agus Prasetyo", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    other = org.staff("Sri Lestari", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    delegate_ahli_muda_appraisal(org)
    resolver = Resolver(load_pack("blitar-2023"))

    answers = resolver.appraisers([jf.pk, other.pk], ON)

    assert answers == {
        jf.pk: resolver.appraiser(jf.pk, ON),
        other.pk: resolver.appraiser(other.pk, ON),
    }
    assert answers[jf.pk].person.employee_id == org.people["bidang"].pk
    assert answers[jf.pk].delegation_id is not None
