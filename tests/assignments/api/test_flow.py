"""A cross-unit request through the API from submission to the letters, each step by its actor."""

from __future__ import annotations

from sikerja.documents.models import Letter
from tests.assignments.api.test_support import (
    PERWALI,
    agency_head_of,
    client_for,
    request_body,
)


def _decide(client, view, decision: str, **body):
    step = view["current_step"]
    path = f"/assignments/{view['id']}/steps/{step['id']}/decide"
    return client.post(path, {"decision": decision, **body})


def _trail(view) -> list[tuple[str, str, str]]:
    return [(step["key"], step["actor"]["name"], step["decision"]) for step in view["steps"]]


def _documents(view) -> list[tuple[str, str, list[str], list[str]]]:
    return [
        (letter["doc_type"], letter["signer"]["name"], letter["addressees"], letter["cc"])
        for step in view["steps"]
        for letter in step["documents"]
    ]


def test_a_cross_unit_request_runs_through_the_api_to_letters_whose_pdfs_download(
    session_as, persona, today
):
    kadis, kabid, jf = persona("kepala_dinas"), persona("kabid"), persona("jf_ahli_muda")
    requester = agency_head_of(persona("outsider"), today)
    owner = client_for(requester)

    created = owner.post("/assignments", request_body(jf.nip))
    view = created.json()
    recommended = session_as("kabid").post(
        f"/assignments/{view['id']}/steps/{view['current_step']['id']}/recommend",
        {"text": "Yang bersangkutan memenuhi kompetensi.", "recommended_nips": [jf.nip]},
    )
    reviewed = _decide(session_as("kepala_dinas"), recommended.json(), "approve")
    signed = _decide(session_as("kepala_dinas"), reviewed.json(), "approve")
    done = _decide(session_as("jf_ahli_muda"), signed.json(), "acknowledge")

    assert [r.status_code for r in (created, recommended, reviewed, signed, done)] == [201] + [
        200
    ] * 4
    assert (view["scope"], view["scope_label"], view["status"]) == (
        "CROSS_UNIT",
        "Lintas unit organisasi",
        "OPEN",
    )
    assert view["flow"] == {
        "key": "WF-PEN-UO",
        "id": "WF-PEN-UO",
        "label": "Penunjukan lintas unit organisasi",
        "label_en": "Direct appointment across units",
        "variant": "4.2.2",
        "not_specified_by_pack": False,
    }
    assert (view["current_step"]["key"], view["current_step"]["recommendation_required"]) == (
        "review",
        True,
    )
    final = done.json()
    assert (final["status"], final["status_label"], final["current_step"]) == (
        "APPROVED",
        "Selesai (disetujui)",
        None,
    )
    assert _trail(final) == [
        ("request", requester.full_name, "submit"),
        ("review", kadis.full_name, "approve"),
        ("letter", kadis.full_name, "approve"),
        ("receive", jf.full_name, "acknowledge"),
    ]
    review = final["steps"][1]
    assert review["actor"]["rule"] == "G30"
    assert review["citation"] == (
        f"{PERWALI} Lampiran IV 3.1.b.2) dan 3.1.2 angka 2 huruf b "
        "(pelibatan dari unit organisasi lain)"
    )
    assert [(r["by"]["name"], r["text"]) for r in review["recommendations"]] == [
        (kabid.full_name, "Yang bersangkutan memenuhi kompetensi.")
    ]
    assert [person["name"] for person in review["recommendations"][0]["recommended"]] == [
        jf.full_name
    ]
    assert _documents(final) == [
        ("INVOLVEMENT_REQUEST", requester.full_name, [kadis.full_name], [kabid.full_name]),
        ("INVOLVEMENT_REPLY", kadis.full_name, [requester.full_name], [kabid.full_name]),
        (
            "ASSIGNMENT_LETTER",
            kadis.full_name,
            [jf.full_name],
            [requester.full_name, kabid.full_name],
        ),
    ]


def test_the_letters_of_a_finished_request_download_as_pdf_for_their_parties(
    session_as, persona, today
):
    jf = persona("jf_ahli_muda")
    owner = client_for(agency_head_of(persona("outsider"), today))
    view = owner.post("/assignments", request_body(jf.nip)).json()
    step_id = view["current_step"]["id"]
    session_as("kabid").post(
        f"/assignments/{view['id']}/steps/{step_id}/recommend", {"text": "Memenuhi kompetensi."}
    )
    view = _decide(session_as("kepala_dinas"), view, "approve").json()
    view = _decide(session_as("kepala_dinas"), view, "approve").json()
    letters = [letter for step in view["steps"] for letter in step["documents"]]

    as_kadis = [session_as("kepala_dinas").client.get(letter["pdf_url"]) for letter in letters]
    as_jf = session_as("jf_ahli_muda").client.get(letters[-1]["pdf_url"])

    assert [r.status_code for r in as_kadis] == [200, 200, 200]
    assert {r["Content-Type"] for r in [*as_kadis, as_jf]} == {"application/pdf"}
    assert all(r.content.startswith(b"%PDF-") for r in [*as_kadis, as_jf])
    stored = Letter.objects.get(pk=letters[-1]["id"])
    assert as_jf["Content-Disposition"] == (
        f'attachment; filename="{stored.number.replace("/", "-")}.pdf"'
    )
    assert [letter["can_download"] for letter in letters] == [True, True, True]
    assert letters[-1]["pdf_url"] == f"/api/v1/letters/{stored.pk}/pdf"
    assert letters[-1]["verification_url"].endswith(f"/verifikasi/{stored.verification_code}/")
