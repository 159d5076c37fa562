"""Lane, decision and terminal words printed on process maps."""

from __future__ import annotations

import pytest

from sikerja.regulations.loader import load_all
from sikerja.regulations.schema.workflows import TERMINALS, Decision
from sikerja.workflows.maps import actor_lane_label, decision_label, terminal_label

# Every actor expression a shipped pack uses: each needs a lane label in both languages.
ACTOR_EXPRESSIONS = sorted(
    {
        expression
        for pack in load_all()
        for definition in pack.data.workflows.values()
        for expression in definition.actor_expressions()
    }
)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("owner.unit_head", "Pimpinan Unit Organisasi pemilik kinerja"),
        ("owner.appraiser", "Pejabat Penilai Kinerja (pemilik kinerja)"),
        ("owner.authorized_official", "Pejabat yang Berwenang (PD pemilik kinerja)"),
        ("owner.agency_head", "Kepala Perangkat Daerah (pemilik kinerja)"),
        ("home.unit_head", "Pimpinan Unit Organisasi (unit pegawai)"),
        ("home.appraiser", "Pejabat Penilai Kinerja (unit pegawai)"),
        ("home.authorized_official", "Pejabat yang Berwenang (PD pegawai)"),
        ("home.agency_head", "Kepala Perangkat Daerah (PD pegawai)"),
        ("government.regional_secretary", "Sekretaris Daerah"),
        ("government.regional_head", "Kepala Daerah"),
        ("external.authorized_official", "Pejabat yang Berwenang instansi lain"),
        ("applicant", "Pegawai pemohon"),
        ("candidate", "Pegawai yang ditugaskan"),
        ("requester", "Pemohon"),
        ("lead", "Ketua tim"),
        ("members", "Anggota tim"),
        ("employee", "Pegawai yang dinilai"),
        ("employee.appraiser", "Pejabat Penilai Kinerja (pegawai yang dinilai)"),
        (
            "employee.appraiser_superior",
            "Atasan Pejabat Penilai Kinerja (pegawai yang dinilai)",
        ),
    ],
)
def test_every_actor_expression_has_its_indonesian_lane_label(expression, expected):
    assert actor_lane_label(expression) == expected


def test_the_table_above_covers_every_actor_expression_of_the_schema():
    indonesian = {
        expression: actor_lane_label(expression, "id") for expression in ACTOR_EXPRESSIONS
    }

    assert len(indonesian) == 20
    assert len(set(indonesian.values())) == 20


def test_every_actor_expression_has_a_distinct_english_lane_label():
    english = {actor_lane_label(expression, "en") for expression in ACTOR_EXPRESSIONS}

    assert len(english) == len(ACTOR_EXPRESSIONS)
    assert actor_lane_label("home.appraiser", "en") == "Performance appraiser (employee's unit)"
    assert actor_lane_label("government.regional_secretary", "en") == "Regional Secretary"


def test_an_unknown_actor_expression_is_refused():
    with pytest.raises(ValueError, match="no lane label"):
        actor_lane_label("owner.janitor")


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unsupported map language"):
        actor_lane_label("applicant", "jv")


@pytest.mark.parametrize(
    ("decision", "indonesian", "english"),
    [
        (Decision.SUBMIT, "kirim", "submit"),
        (Decision.APPROVE, "setuju", "approve"),
        (Decision.REJECT, "tolak", "reject"),
        (Decision.RETURN, "kembalikan", "return"),
        (Decision.ACKNOWLEDGE, "terima", "acknowledge"),
        (Decision.FORWARD, "teruskan", "forward"),
        (Decision.RECORD, "catat", "record"),
    ],
)
def test_decisions_are_printed_as_verbs(decision, indonesian, english):
    assert (decision_label(decision, "id"), decision_label(decision, "en")) == (indonesian, english)


def test_terminals_are_named_in_both_languages():
    names = {
        terminal: (terminal_label(terminal, "id"), terminal_label(terminal, "en"))
        for terminal in TERMINALS
    }

    assert names == {
        "@approved": ("Selesai", "Done"),
        "@rejected": ("Ditolak", "Rejected"),
        "@withdrawn": ("Ditarik", "Withdrawn"),
    }
