"""Who signs which instrument, who is addressed and copied, by scope (SPEC 4.8 and 5.1-5.2).

These read the packs' workflow definitions: the same data the engine runs and the process maps
draw. The end-to-end flow tests in tests/assignments check the same people on real letters.
"""

from __future__ import annotations

import pytest

from sikerja.regulations.loader import load_pack

INSTRUMENTS = {"ASSIGNMENT_LETTER", "ORDER_LETTER", "DECREE", "ASSIGNMENT_PROOF"}


def documents(
    pack_id: str, key: str
) -> list[tuple[str, str, str, tuple[str, ...], tuple[str, ...]]]:
    """(step/decision, type, signer, to, cc) of every letter a flow issues, in step order."""
    definition = load_pack(pack_id).data.workflows[key]
    return [
        (f"{step.id}/{decision}", str(doc.type), doc.signer, doc.to, doc.cc)
        for step in definition.steps
        for decision, docs in step.documents.items()
        for doc in docs
    ]


def instruments(pack_id: str, key: str) -> list[tuple[str, str]]:
    return [
        (kind, signer) for _, kind, signer, _, _ in documents(pack_id, key) if kind in INSTRUMENTS
    ]


@pytest.mark.parametrize(
    ("pack_id", "key", "expected"),
    [
        ("kotim-2023", "WF-PEN-IN", [("ASSIGNMENT_LETTER", "owner.unit_head")]),
        (
            "kotim-2023",
            "WF-PEN-UO",
            [("DECREE", "owner.agency_head"), ("ASSIGNMENT_LETTER", "home.appraiser")],
        ),
        (
            "kotim-2023",
            "WF-PEN-PD",
            [("ASSIGNMENT_LETTER", "home.unit_head"), ("DECREE", "government.regional_secretary")],
        ),
        (
            "kotim-2023",
            "WF-SUK-UO",
            [("ASSIGNMENT_LETTER", "home.unit_head"), ("DECREE", "owner.agency_head")],
        ),
        ("surakarta-2023", "WF-PEN-IN", [("ASSIGNMENT_LETTER", "owner.unit_head")]),
        ("surakarta-2023", "WF-PEN-UO", [("ASSIGNMENT_LETTER", "home.unit_head")]),
        (
            "surakarta-2023",
            "WF-PEN-INST-TEAM",
            [("ASSIGNMENT_LETTER", "external.authorized_official"), ("DECREE", "owner.unit_head")],
        ),
        ("cilegon-2023", "WF-PEN-IN", [("ORDER_LETTER", "home.appraiser")]),
        ("cilegon-2023", "WF-PEN-UO", [("ASSIGNMENT_LETTER", "home.appraiser")]),
        (
            "cilegon-2023",
            "WF-PEN-UO-TEAM",
            [("ASSIGNMENT_LETTER", "home.appraiser"), ("DECREE", "owner.unit_head")],
        ),
        (
            "cilegon-2023",
            "WF-PEN-INST-TEAM",
            [
                ("ASSIGNMENT_LETTER", "external.authorized_official"),
                ("DECREE", "government.regional_head"),
            ],
        ),
        ("barut-2024", "WF-PEN-IN", [("ORDER_LETTER", "home.appraiser")]),
        ("barut-2024", "WF-PEN-UO", [("ORDER_LETTER", "owner.agency_head")]),
        ("barut-2024", "WF-PEN-UO-TEAM", [("ORDER_LETTER", "owner.agency_head")]),
        ("barut-2024", "WF-PEN-PD", [("ORDER_LETTER", "government.regional_secretary")]),
        ("blitar-2023", "WF-PEN-IN", [("ORDER_LETTER", "owner.unit_head")]),
        (
            "blitar-2023",
            "WF-PEN-PD",
            [("ORDER_LETTER", "home.unit_head"), ("ORDER_LETTER", "government.regional_secretary")],
        ),
        ("blitar-2023", "WF-PEN-INST", [("DECREE", "government.regional_head")]),
    ],
)
def test_v17_t_instruments_instrument_and_signer_by_scope(pack_id, key, expected):
    assert instruments(pack_id, key) == expected


def test_v18_lampiran_ii_b_2_kotim_cross_unit_assignment_is_decreed_by_the_head_of_the_pd():
    assert ("DECREE", "owner.agency_head") in instruments("kotim-2023", "WF-PEN-UO")
    assert ("DECREE", "owner.agency_head") in instruments("kotim-2023", "WF-SUK-UO")


def test_v18_pasal_20_ayat_4_a_barut_individual_cross_unit_order_is_signed_by_the_head_of_the_pd():
    assert instruments("barut-2024", "WF-PEN-UO") == [("ORDER_LETTER", "owner.agency_head")]


def test_v19_cross_pd_assignment_is_set_by_the_sekda_in_kotim_barut_and_blitar():
    assert ("DECREE", "government.regional_secretary") in instruments("kotim-2023", "WF-PEN-PD")
    assert ("ORDER_LETTER", "government.regional_secretary") in instruments(
        "barut-2024", "WF-PEN-PD"
    )
    assert ("ORDER_LETTER", "government.regional_secretary") in instruments(
        "blitar-2023", "WF-PEN-PD"
    )


def test_v20_lampiran_iv_3_1_c_surakarta_cross_agency_request_goes_to_the_wali_kota_and_out_an_wali_kota():
    letters = documents("surakarta-2023", "WF-PEN-INST")

    assert letters[0][1:4] == (
        "INVOLVEMENT_REQUEST",
        "owner.unit_head",
        ("government.regional_head",),
    )
    forwarded = load_pack("surakarta-2023").data.workflows["WF-PEN-INST"].step("forward")
    (request,) = forwarded.documents["forward"]
    assert (request.signer, request.on_behalf_of) == (
        "government.regional_secretary",
        "a.n. Wali Kota Surakarta",
    )


def test_v20_pasal_9_ayat_2_cilegon_cross_agency_team_by_keputusan_wali_kota():
    assert ("DECREE", "government.regional_head") in instruments("cilegon-2023", "WF-PEN-INST-TEAM")


def test_v21_team_is_set_up_by_decree_of_the_owner_unit_head_in_surakarta_and_cilegon():
    assert ("DECREE", "owner.unit_head") in instruments("surakarta-2023", "WF-PEN-INST-TEAM")
    assert ("DECREE", "owner.unit_head") in instruments("cilegon-2023", "WF-PEN-IN-TEAM")
    assert ("DECREE", "owner.unit_head") in instruments("cilegon-2023", "WF-PEN-UO-TEAM")


@pytest.mark.parametrize(
    ("pack_id", "key", "route"),
    [
        (
            "kotim-2023",
            "WF-PEN-PD",
            [
                ("owner.unit_head", ("owner.authorized_official",)),
                ("owner.authorized_official", ("home.authorized_official",)),
            ],
        ),
        (
            "cilegon-2023",
            "WF-PEN-INST",
            [
                ("owner.unit_head", ("owner.authorized_official",)),
                ("owner.authorized_official", ("external.authorized_official",)),
            ],
        ),
        (
            "surakarta-2023",
            "WF-PEN-INST",
            [
                ("owner.unit_head", ("government.regional_head",)),
                ("government.regional_secretary", ("external.authorized_official",)),
            ],
        ),
    ],
)
def test_v25_cross_pd_and_cross_agency_requests_go_through_the_own_authorised_official_first(
    pack_id, key, route
):
    requests = [
        (signer, to)
        for _, kind, signer, to, _ in documents(pack_id, key)
        if kind == "INVOLVEMENT_REQUEST"
    ]

    assert requests == route


@pytest.mark.parametrize(
    ("pack_id", "key", "kind", "cc"),
    [
        ("kotim-2023", "WF-PEN-UO", "INVOLVEMENT_REQUEST", ("owner.appraiser",)),
        (
            "kotim-2023",
            "WF-PEN-PD",
            "ASSIGNMENT_LETTER",
            ("home.authorized_official", "home.appraiser", "owner.authorized_official"),
        ),
        ("kotim-2023", "WF-SUK-UO", "VOLUNTARY_APPLICATION", ("home.appraiser", "home.unit_head")),
        ("surakarta-2023", "WF-PEN-UO", "INVOLVEMENT_REQUEST", ("home.appraiser",)),
        ("surakarta-2023", "WF-SUK-UO", "VOLUNTARY_APPLICATION", ("home.appraiser",)),
        ("cilegon-2023", "WF-PEN-UO", "INVOLVEMENT_REQUEST", ("owner.appraiser", "home.appraiser")),
        (
            "cilegon-2023",
            "WF-PEN-INST",
            "ASSIGNMENT_LETTER",
            ("home.authorized_official", "home.appraiser", "owner.authorized_official"),
        ),
        (
            "cilegon-2023",
            "WF-SUK-UO",
            "VOLUNTARY_APPLICATION",
            ("home.appraiser", "home.unit_head"),
        ),
    ],
)
def test_v26_tembusan_of_requests_applications_and_final_letters(pack_id, key, kind, cc):
    (copies,) = [c for _, k, _, _, c in documents(pack_id, key) if k == kind][:1]

    assert copies == cc


@pytest.mark.parametrize(
    ("pack_id", "signer", "to"),
    [
        ("kotim-2023", "home.unit_head", ("applicant",)),
        ("cilegon-2023", "home.appraiser", ("applicant",)),
        ("surakarta-2023", "home.unit_head", ("owner.unit_head",)),
    ],
)
def test_v16a_who_issues_the_letter_of_an_approved_voluntary_cross_unit_application(
    pack_id, signer, to
):
    letters = [
        (s, t)
        for _, kind, s, t, _ in documents(pack_id, "WF-SUK-UO")
        if kind == "ASSIGNMENT_LETTER"
    ]

    assert letters == [(signer, to)]


@pytest.mark.parametrize(
    ("pack_id", "approvers"),
    [
        ("kotim-2023", ["owner.unit_head", "home.appraiser"]),
        ("cilegon-2023", ["owner.unit_head", "home.appraiser"]),
        ("surakarta-2023", ["home.unit_head", "owner.unit_head", "home.unit_head"]),
    ],
)
def test_v15_approvals_a_voluntary_cross_unit_application_needs_in_order(pack_id, approvers):
    definition = load_pack(pack_id).data.workflows["WF-SUK-UO"]
    # The issuer of the Keputusan may refuse it too (V-70), but does not approve the application.
    deciding = [
        step.actor
        for step in definition.steps
        if "approve" in step.decisions and "reject" in step.decisions and "V-70" not in step.rules
    ]

    assert deciding == approvers
