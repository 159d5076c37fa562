"""The demo personas as `Viewer`s (what each may see today), for the rules' matrix tests."""

from __future__ import annotations

import pytest

from sikerja.organization.selectors import viewer_for

# Every persona of the shared world, and the other government's Sekda.
PERSONAS = (
    "bkpsdm",
    "sekda",
    "kepala_dinas",
    "kabid",
    "subkoordinator",
    "jf_ahli_muda",
    "pelaksana",
    "outsider",
    "other_tenant",
)


@pytest.fixture
def viewer_of(world, user_of, other_tenant_user, today):
    """viewer_of("kabid") -> that persona's Viewer today ("other_tenant" too)."""

    def get(name: str):
        user = other_tenant_user if name == "other_tenant" else user_of(name)
        viewer = viewer_for(user, today)
        assert viewer is not None
        return viewer

    return get
