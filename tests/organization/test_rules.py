"""The organisation's permission answer as a matrix: for every persona, the objects where
`may_see_*` is true are exactly the ones the matching `*_visible_to` queryset returns, over both
governments of the shared world (so another government's objects are in the comparison)."""

from __future__ import annotations

import pytest

from sikerja.organization import rules
from sikerja.organization.models import Agency, Delegation, Employee, OrgUnit
from sikerja.organization.rules import Actor
from sikerja.organization.services_people import delegation_create
from tests.viewers import PERSONAS, viewer_of

__all__ = ["viewer_of"]


def _both(world) -> list[int]:
    return [world.government_id, world.other_government_id]


@pytest.mark.parametrize("name", PERSONAS)
def test_the_agencies_a_persona_may_see_are_the_ones_listed(name, viewer_of, world):
    viewer = viewer_of(name)
    agencies = Agency.objects.filter(government_id__in=_both(world))

    allowed = {agency.pk for agency in agencies if rules.may_see_agency(viewer, agency)}

    assert allowed == set(rules.agencies_visible_to(viewer).values_list("pk", flat=True))


@pytest.mark.parametrize("name", PERSONAS)
def test_the_units_a_persona_may_see_are_the_ones_listed(name, viewer_of, world):
    viewer = viewer_of(name)
    units = OrgUnit.objects.filter(government_id__in=_both(world))

    allowed = {unit.pk for unit in units if rules.may_see_unit(viewer, unit)}

    assert allowed == set(rules.units_visible_to(viewer).values_list("pk", flat=True))


@pytest.mark.parametrize("name", PERSONAS)
def test_the_employees_a_persona_may_see_are_the_ones_listed(name, viewer_of, world, today):
    viewer = viewer_of(name)
    employees = Employee.objects.filter(government_id__in=_both(world))

    allowed = {e.pk for e in employees if rules.may_see_employee(viewer, e, today)}

    listed = rules.employees_visible_to(viewer, today).values_list("pk", flat=True)
    assert allowed == set(listed)


@pytest.fixture
def delegations(world, now, today) -> list[Delegation]:
    """A delegation from the Kepala Dinas to the kabid in each government, so that both
    governments' delegations are compared."""
    from sikerja.organization.demo import persona_key

    other = {persona_key(name): pk for name, pk in world.other_personas.items()}
    pairs = [
        (world.government_id, world.personas["kepala_dinas"], world.personas["kabid"]),
        (world.other_government_id, other["kepala_dinas"], other["kabid"]),
    ]
    return [
        delegation_create(
            actor=Actor.system(government_id),
            from_employee=Employee.objects.get(pk=from_id),
            to_employee=Employee.objects.get(pk=to_id),
            scope=Delegation.Scope.REPORT_RECEIPT,
            valid_from=today,
            legal_basis="Surat Kepala Dinas Nomor 800/7/2026",
            at=now,
        )
        for government_id, from_id, to_id in pairs
    ]


@pytest.mark.parametrize("name", PERSONAS)
def test_the_delegations_a_persona_may_see_are_the_ones_listed(
    name, viewer_of, world, today, delegations
):
    viewer = viewer_of(name)
    delegations = Delegation.objects.effective_on(today).filter(government_id__in=_both(world))

    allowed = {d.pk for d in delegations if rules.may_see_delegation(viewer, d)}

    listed = rules.delegations_visible_to(viewer, today).values_list("pk", flat=True)
    assert allowed == set(listed)


def test_the_matrix_compares_delegations_of_both_governments(world, today, delegations):
    governments = set(
        Delegation.objects.effective_on(today)
        .filter(government_id__in=_both(world))
        .values_list("government_id", flat=True)
    )

    assert governments == set(_both(world))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bkpsdm", True),
        ("sekda", False),
        ("kepala_dinas", False),
        ("jf_ahli_muda", False),
        ("other_tenant", False),
    ],
)
def test_only_the_operators_may_change_the_organisation_and_import_it(name, expected, viewer_of):
    viewer = viewer_of(name)

    answers = (
        rules.may_transfer(viewer),
        rules.may_change_organization(viewer.actor, viewer.government.pk),
    )

    assert answers == (expected, expected)


@pytest.mark.parametrize(
    ("name", "whose", "expected"),
    [
        ("bkpsdm", "jf_ahli_muda", True),
        ("jf_ahli_muda", "jf_ahli_muda", True),
        ("kabid", "jf_ahli_muda", False),
        ("sekda", "kabid", False),
    ],
)
def test_a_nip_is_shown_in_full_to_operators_and_to_its_owner(
    name, whose, expected, viewer_of, persona
):
    assert rules.may_see_full_nip(viewer_of(name), persona(whose).pk) is expected
