"""An actor the resolver names carries the agency the resolver's own query gave: the same agency
a read of the person's unit gives, with no read."""

from __future__ import annotations

import pytest

from sikerja.workflows import actors
from tests.workflows.test_engine_edges import _context
from tests.workflows.test_engine_kinds import kind_pack

__all__ = ["kind_pack"]

# The resolver's one query; the authorised official first reads the requester's row, placement
# and unit's agency to know whose head it is.
QUERIES = {
    "requester.appraiser": 1,
    "requester.unit_head": 1,
    "requester.performance_owner": 1,
    "requester.authorized_official": 4,
    "government.regional_secretary": 1,
}


@pytest.mark.parametrize("expression", QUERIES)
def test_a_resolved_actor_has_its_units_agency_without_a_read_of_the_unit(
    kind_pack, persona, django_assert_num_queries, expression
):
    pack, _hooks = kind_pack
    ctx = _context(pack, persona)
    ctx.resolve(expression)  # what the resolution itself reads
    ctx.cache.clear()

    with django_assert_num_queries(QUERIES[expression]):
        actor = ctx.resolve(expression)

    assert actor.person is not None
    assert actor.person.agency_id is not None
    assert actor.agency_id == actors.agency_of(actor.person.unit_id)
