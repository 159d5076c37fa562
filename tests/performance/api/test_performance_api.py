"""API v1 of performance management on the Surakarta demo world: a PK, an SKP drawn up,
submitted and approved, a quarter rated and signed; refusals in the shared error shape with
rule and citation; Idempotency-Key on writes; who may read an SKP."""

from __future__ import annotations

import pytest

from sikerja.performance.models import Dialogue, Rating, Skp
from tests.performance.world import unit_of

JF_APPRAISER_CITATION = "Perwali Surakarta 32/2023 Lampiran III.f (Tabel 7.5)"
TARGET = [{"text": "Sekolah terbina", "approach": "KUANTITATIF", "target": "90 %"}]


def post_ok(client, path, body=None, status=201):
    answer = client.post(path, body or {})
    assert answer.status_code == status, answer.json()
    return answer.json()


@pytest.fixture
def chain(session_as, persona):
    """Through the API: the Kepala Dinas's PK and SKP, the kabid's SKP cascaded from it, the
    JF's SKP cascaded from the kabid's, each submitted and approved by its appraiser."""
    head = session_as("kepala_dinas")
    pk = post_ok(
        head,
        "/performance/agreements",
        {
            "unit_id": unit_of(persona("kepala_dinas")),
            "kind": "UNIT",
            "year": 2026,
            "indicators": [{"objective": "Mutu SD", "indicator": "Indeks mutu", "target": "80"}],
        },
    )
    skps = {}
    parent = {"pk_indicator_id": pk["indicators"][0]["id"]}
    for name, appraiser in (
        ("kepala_dinas", None),
        ("kabid", "kepala_dinas"),
        ("jf_ahli_muda", "kabid"),
    ):
        client = session_as(name)
        skp = post_ok(client, "/performance/skps", {"year": 2026})
        skp = post_ok(
            client,
            f"/performance/skps/{skp['id']}/rhks",
            {"kind": "UTAMA", "text": f"RHK {name}", "indicators": TARGET, **parent},
        )
        parent = {"parent_id": skp["rhks"][0]["id"], "cascade": "DIRECT"}
        if appraiser:
            post_ok(client, f"/performance/skps/{skp['id']}/submit", status=200)
            post_ok(
                session_as(appraiser),
                f"/performance/skps/{skp['id']}/decide",
                {"decision": "approve"},
                status=200,
            )
        skps[name] = skp["id"]
    return skps


def test_an_skp_is_drawn_up_submitted_and_approved_through_the_api(chain, session_as, persona):
    data = session_as("jf_ahli_muda").get(f"/performance/skps/{chain['jf_ahli_muda']}").json()

    assert (data["status"], data["appraiser_id"], data["appraiser_citation"]) == (
        "APPROVED",
        persona("kabid").pk,
        JF_APPRAISER_CITATION,
    )
    assert [(r["kind"], r["cascade"]) for r in data["rhks"]] == [("UTAMA", "DIRECT")]


def test_a_quarter_is_rated_and_signed_through_the_api(chain, session_as):
    kabid = session_as("kabid")
    drafted = post_ok(
        kabid,
        f"/performance/skps/{chain['jf_ahli_muda']}/ratings",
        {
            "period_kind": "QUARTERLY",
            "period_index": 4,
            "result_rating": "DI_ATAS_EKSPEKTASI",
            "behaviour_rating": "SESUAI_EKSPEKTASI",
        },
        status=200,
    )

    signed = post_ok(kabid, f"/performance/ratings/{drafted['id']}/sign", status=200)

    assert (drafted["predikat"], drafted["status"], drafted["curves"]) == ("BAIK", "DRAFT", [])
    assert (signed["status"], signed["appraiser_rule"]) == ("SIGNED", "T-KEDUDUKAN")


def test_a_refusal_has_the_shared_shape_with_rule_and_citation(chain, session_as):
    answer = session_as("kepala_dinas").post(
        f"/performance/skps/{chain['jf_ahli_muda']}/ratings",
        {
            "period_kind": "QUARTERLY",
            "period_index": 4,
            "result_rating": "DI_ATAS_EKSPEKTASI",
            "behaviour_rating": "SESUAI_EKSPEKTASI",
        },
    )

    assert answer.status_code == 403
    body = answer.json()
    assert (body["code"], body["rule"], body["citation"]) == (
        "permission_denied",
        "T-KEDUDUKAN",
        JF_APPRAISER_CITATION,
    )
    assert not Rating.objects.exists()


def test_a_repeated_write_with_the_same_idempotency_key_runs_once(session_as):
    client = session_as("jf_ahli_muda")

    first = client.post("/performance/skps", {"year": 2027}, **{"Idempotency-Key": "skp-2027"})
    again = client.post("/performance/skps", {"year": 2027}, **{"Idempotency-Key": "skp-2027"})

    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json() == again.json()
    assert Skp.objects.filter(year=2027).count() == 1


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("jf_ahli_muda", 200),
        ("kabid", 200),
        ("kepala_dinas", 200),
        ("bkpsdm", 200),
        ("subkoordinator", 404),
        ("pelaksana", 404),
        ("outsider", 404),
    ],
)
def test_who_may_read_an_skp_through_the_api_case(chain, session_as, name, status):
    assert session_as(name).get(f"/performance/skps/{chain['jf_ahli_muda']}").status_code == status


def test_the_list_holds_only_what_the_caller_may_see(chain, session_as):
    own = session_as("jf_ahli_muda").get("/performance/skps").json()
    kabid = session_as("kabid").get("/performance/skps", year=2026).json()

    assert [row["id"] for row in own] == [chain["jf_ahli_muda"]]
    assert sorted(row["id"] for row in kabid) == sorted([chain["kabid"], chain["jf_ahli_muda"]])


def test_a_dialogue_is_recorded_by_the_employee_and_hidden_from_others(chain, session_as):
    path = f"/performance/skps/{chain['jf_ahli_muda']}/dialogues"
    talk = {"held_on": "2026-11-20", "topic": "Ekspektasi", "outcome": "Disepakati"}

    recorded = session_as("jf_ahli_muda").post(path, talk)
    hidden = session_as("outsider").post(path, talk)

    assert recorded.status_code == 201
    assert (hidden.status_code, hidden.json()["code"]) == (404, "not_found")
    assert Dialogue.objects.get().recorded_by.user.username == "jf_ahli_muda"
