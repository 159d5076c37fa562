"""The curve simulator as pure functions (SPEC §10.3): it holds exactly when the sign-off's
clauses hold (the same `checks.breaches`), its chart bars are the curve's bands, and its moves
take their predikat from the pack's matrix."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sikerja.core.errors import ValidationFailed
from sikerja.performance import checks
from sikerja.performance.simulator import (
    Move,
    curve_state,
    curve_state_counted,
    moves_of,
    nearest_pair,
    predikat_choices,
    simulate,
)
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

    moves = moves_of(PACK, current, {1: f"{ABOVE}|{ABOVE}", 2: f"{BELOW}|{MEETS}", 9: "BAIK"})

    assert moves == [Move(2, BELOW, MEETS, Predikat.BUTUH_PERBAIKAN)]


@pytest.mark.parametrize(
    ("current", "predikat", "pair"),
    [
        ((ABOVE, ABOVE), "BAIK", (ABOVE, MEETS)),  # one change: the behaviour
        ((MEETS, BELOW), "BAIK", (MEETS, MEETS)),  # the result kept
        ((BELOW, BELOW), "SANGAT_BAIK", (ABOVE, ABOVE)),  # the only cell
        ((MEETS, MEETS), "BAIK", (MEETS, MEETS)),  # already there: no move
        ((ABOVE, ABOVE), "KURANG", (ABOVE, BELOW)),
    ],
)
def test_a_predikat_moves_to_the_nearest_pair_of_the_matrix_case(current, predikat, pair):
    assert nearest_pair(PACK, current, predikat) == pair


def test_a_predikat_the_matrix_never_gives_is_refused():
    with pytest.raises(ValidationFailed) as refused:
        moves_of(PACK, {1: (ABOVE, ABOVE)}, {1: "LUAR_BIASA"})

    assert refused.value.code == "unknown_value"


def test_the_choices_are_the_five_predikat_in_the_matrix_order():
    assert [value for value, _label in predikat_choices()] == [
        "SANGAT_BAIK",
        "BAIK",
        "BUTUH_PERBAIKAN",
        "KURANG",
        "SANGAT_KURANG",
    ]


@given(
    level=st.sampled_from(list(OrgLevel)),
    predikat=st.lists(st.sampled_from([p.value for p in Predikat]), max_size=40),
)
def test_the_curve_from_counts_is_the_curve_from_each_predikat(level, predikat):
    counted = curve_state_counted(PACK, level.value, Counter(predikat))

    assert counted == curve_state(PACK, level.value, predikat)
    assert list(counted.breaches) == checks.breaches(PACK, level.value, predikat)
