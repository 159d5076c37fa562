"""V-62 in the navigation: BKPSDM's operators have an entry to *Usulan kebutuhan pelatihan*
(marked on its page), a JF and a unit head do not, whoever the kept navigation fragment was
served to before them (it is keyed by the viewer's operator flag)."""

from __future__ import annotations

import pytest

from tests.clients import _empty_cache, client_of
from tests.web.helpers import body
from tests.web.test_navigation import _links

pytestmark = pytest.mark.django_db
__all__ = ["_empty_cache", "client_of"]
ENTRY = ("/tim-kerja/usulan-pelatihan/", False, "Usulan kebutuhan pelatihan")


def test_an_operator_has_the_training_proposals_entry_and_a_jf_or_unit_head_does_not(client_of):
    operator_first = _links(body(client_of("bkpsdm"), "/"))
    jf = _links(body(client_of("jf_ahli_muda"), "/"))
    head = _links(body(client_of("kabid"), "/"))
    on_its_page = _links(body(client_of("bkpsdm"), "/tim-kerja/usulan-pelatihan/"))
    head_on_the_list = _links(body(client_of("kabid"), "/tim-kerja/usulan-pelatihan/"))

    assert ENTRY in operator_first
    assert "Usulan kebutuhan pelatihan" not in {label for _, _, label in jf + head}
    assert [label for _, current, label in on_its_page if current] == ["Usulan kebutuhan pelatihan"]
    assert [label for _, current, label in head_on_the_list if current] == ["Beban kerja"]
