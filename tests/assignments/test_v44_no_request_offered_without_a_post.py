"""V-44: a request needs a requester with a kedudukan. The regional head (a Pejabat Negara with a
login but no post) is offered no request on the home page, since the service would refuse it."""

from __future__ import annotations

import pytest

from sikerja.assignments import rules
from sikerja.regulations.loader import load_pack
from tests.viewers import viewer_of

__all__ = ["viewer_of"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "position_kinds", "offered_case"),
    [
        ("kepala_daerah", set(), (False, False)),
        ("kabid", {"ADMINISTRATOR"}, (True, False)),
        ("jf_ahli_muda", {"FUNGSIONAL"}, (True, True)),
    ],
)
def test_v44_a_request_is_offered_only_to_someone_with_a_post(
    viewer_of, name, position_kinds, offered_case
):
    viewer = viewer_of(name)
    pack = load_pack(viewer.government.pack_id)

    offered = tuple(
        rules.may_request_mode(viewer, mode, position_kinds=position_kinds, pack=pack)
        for mode in ("APPOINTMENT", "VOLUNTARY")
    )

    assert offered == offered_case
