"""The curve simulator as pure functions (SPEC §10.3): it holds exactly when the sign-off's
clauses hold (the same `checks.breaches`), its chart bars are the curve's bands, and its moves
take their predikat from the pack's matrix."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sikerja.performance import checks
from sikerja.performance.simulator import Move, curve_state, moves_of, pair_choices, simulate
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.performance import OrgLevel, Predikat

PACK = load_pack("surakarta-2023")
ABOVE, MEETS, BELOW = "DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI"


@given(
    level=st.sampled_from(list(OrgLevel)),
    predikat=st.lists(st.sampled_from([p.value for p in Predikat]), max_size=40),
)
def test_the_simulated_curve_holds_exactly_when_the_sign_off_clauses_hold(level, predikat):
    state = curve_state(PACK, level.value, predikat)

    assert state.holds == (not checks.breaches(PACK, level.value, predikat))
    assert [bar.holds for bar in state.bars].count(False) == len(
        {breach.band_index for breach in state.breaches}
    )
    assert state.total == len(predikat)


def test_p_distribution_baik_two_clauses_drawn_as_bands():
    state = curve_state(PACK, "BAIK", ["BAIK"] * 8 + ["SANGAT_BAIK", "SANGAT_BAIK"])

    first, second = state.bars
    assert (first.label, first.count, first.share, first.low, first.high) == (
        "Baik",
        8,
        80.0,
        0.0,
        70.0,
    )
    assert (first.bar_width, first.band_x, first.band_width, first.holds) == (
        240.0,
        0.0,
        210.0,
        False,
    )
    assert (second.count, second.min_count, second.holds) == (0, 1, False)


def test_if_two_of_three_move_to_baik_the_curve_holds_but_not_all_three():
    current = {1: "SANGAT_BAIK", 2: "SANGAT_BAIK", 3: "SANGAT_BAIK", 4: "BAIK", 5: "KURANG"}
    moves = [Move(pk, MEETS, MEETS, Predikat.BAIK) for pk in (1, 2, 3)]

    before = curve_state(PACK, "BAIK", current.values())
    after = simulate(PACK, "BAIK", current, moves)

    assert (before.holds, after.holds) == (False, False)  # Baik 4 of 5 = 80 % > 70 %
    assert simulate(PACK, "BAIK", current, moves[:2]).holds is True  # Baik 3 of 5 = 60 %


def test_moves_take_the_matrix_predikat_and_skip_unchanged_or_unknown_ratings():
    current = {1: (ABOVE, ABOVE), 2: (MEETS, MEETS)}

    moves = moves_of(PACK, current, {1: (ABOVE, ABOVE), 2: (BELOW, MEETS), 9: (BELOW, BELOW)})

    assert moves == [Move(2, BELOW, MEETS, Predikat.BUTUH_PERBAIKAN)]


def test_the_choices_are_the_nine_cells_of_the_matrix_grouped_by_predikat():
    choices = pair_choices(PACK)

    assert [group for group, _pairs in choices] == [
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang/Misconduct",
        "Sangat Kurang",
    ]
    assert sum(len(pairs) for _group, pairs in choices) == 9
    assert dict(choices)["Sangat Baik"][0][0] == f"{ABOVE}|{ABOVE}"
