"""Fixtures of the performance tests: the page clients, and a team of approved SKPs."""

import pytest

from tests.clients import _empty_cache, client_of
from tests.performance.world import approved, cascaded_skp, head_skp

__all__ = ["_empty_cache", "client_of"]


@pytest.fixture
def team(world, persona):
    """Approved SKPs: kepala_dinas, kabid, and kabid's two appraisees (jf_ahli_muda and
    subkoordinator), in the Bidang the kabid heads."""
    _head, head_main = head_skp(persona("kepala_dinas"))
    kabid, kabid_main = cascaded_skp(persona("kabid"), head_main)
    jf, _ = cascaded_skp(persona("jf_ahli_muda"), kabid_main)
    sub, _ = cascaded_skp(persona("subkoordinator"), kabid_main, "INTERVENTION")
    return {name: approved(skp) for name, skp in {"kabid": kabid, "jf": jf, "sub": sub}.items()}


@pytest.fixture
def evidence_root(settings, tmp_path):
    """Evidence files of the test land in (and only in) a fresh directory."""
    root = tmp_path / "evidence"
    settings.SIKERJA_EVIDENCE_ROOT = root
    return root
