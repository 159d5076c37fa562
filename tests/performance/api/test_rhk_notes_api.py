"""API v1 of the feedback and evidence of an RHK (P-FEEDBACK, P-EVIDENCE): every persona's answer
to each route (hidden and missing alike: 404; seen but not theirs to act on: 403), refusals in
the shared error shape with rule and citation, Idempotency-Key on writes, real uploads refused
with nothing kept, downloads as kept."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sikerja.performance.models import RhkEvidence, RhkFeedback
from sikerja.performance.services.ratings import rating_sign
from tests.clients import API
from tests.performance.notes_world import FEEDBACK_CITATION, attach, give, stored_files
from tests.performance.test_ratings import draft
from tests.performance.world import NOW, ON
from tests.teams.api.test_matrix import _client
from tests.teams.work import samples
from tests.viewers import PERSONAS as VIEWER_PERSONAS

pytestmark = pytest.mark.django_db

PERSONAS = ("anonymous", *VIEWER_PERSONAS)
#          anon  bkp  sekda kadis kabid subk  jf   plk  outs  other
SEES = (401, 200, 200, 200, 200, 404, 200, 404, 404, 404)
GIVES = (401, 403, 403, 403, 201, 404, 403, 404, 404, 404)
ACKNOWLEDGES = (401, 403, 403, 403, 403, 404, 200, 404, 404, 404)
MATRIX = {
    ("GET", "/performance/skps/{skp}/feedback"): SEES,
    ("POST", "/performance/skps/{skp}/rhks/{rhk}/feedback"): GIVES,
    ("POST", "/performance/feedback/{feedback}/acknowledge"): ACKNOWLEDGES,
    ("GET", "/performance/skps/{skp}/evidence"): SEES,
    ("GET", "/performance/skps/{skp}/evidence/{file}"): SEES,
}
CASES = [
    pytest.param(method, route, name, expected[index], id=f"{method} {route} {name}")
    for (method, route), expected in MATRIX.items()
    for index, name in enumerate(PERSONAS)
]


@pytest.mark.parametrize(("method", "route", "name", "expected"), CASES)
def test_the_notes_route_answers_the_persona_case(
    team, persona, user_of, other_tenant_user, evidence_root, method, route, name, expected
):
    skp = team["jf"]
    main = skp.rhks.get()
    note = give(persona("kabid"), main)
    kept = attach(persona("jf_ahli_muda"), main)
    path = route.format(skp=skp.pk, rhk=main.pk, feedback=note.pk, file=kept.pk)

    response = _client(name, user_of, other_tenant_user).call(method, path, {"text": "Catatan"})

    assert response.status_code == expected, response.content


def test_given_feedback_is_listed_with_its_giver_rule_and_period(team, session_as):
    skp = team["jf"]
    main = skp.rhks.get()
    client = session_as("kabid")

    created = client.post(
        f"/performance/skps/{skp.pk}/rhks/{main.pk}/feedback",
        {"text": "Pertahankan", "period_kind": "QUARTERLY", "period_index": 4},
    )
    listed = session_as("jf_ahli_muda").get(f"/performance/skps/{skp.pk}/feedback")

    assert created.status_code == 201
    body = created.json()
    assert (body["rhk_id"], body["giver_role"], body["giver_rule"], body["giver_citation"]) == (
        main.pk,
        "APPRAISER",
        "P-FEEDBACK",
        FEEDBACK_CITATION,
    )
    assert (body["period_kind"], body["period_index"], body["acknowledged_at"]) == (
        "QUARTERLY",
        4,
        None,
    )
    assert listed.json() == [body]


def test_a_repeated_feedback_with_the_same_idempotency_key_is_given_once(team, session_as):
    skp = team["jf"]
    path = f"/performance/skps/{skp.pk}/rhks/{skp.rhks.get().pk}/feedback"
    client = session_as("kabid")

    first = client.post(path, {"text": "Sekali"}, **{"Idempotency-Key": "umpan-balik-1"})
    again = client.post(path, {"text": "Sekali"}, **{"Idempotency-Key": "umpan-balik-1"})

    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json() == again.json()
    assert RhkFeedback.objects.count() == 1


def test_refusals_come_in_the_error_shape_with_rule_and_citation(team, persona, session_as):
    skp = team["jf"]
    kabid = persona("kabid")
    rating_sign(actor=kabid, rating_id=draft(kabid, skp).rating.pk, at=NOW, on=ON)
    path = f"/performance/skps/{skp.pk}/rhks/{skp.rhks.get().pk}/feedback"

    closed = session_as("kabid").post(
        path, {"text": "Terlambat", "period_kind": "QUARTERLY", "period_index": 4}
    )
    not_giver = session_as("kepala_dinas").post(path, {"text": "Dari atasan"})
    half = session_as("kabid").post(path, {"text": "Setengah", "period_kind": "QUARTERLY"})

    assert closed.status_code == 400
    assert closed.json() | {"message": ""} == {
        "code": "rhk_period_signed_off",
        "message": "",
        "rule": "P-FEEDBACK",
        "citation": FEEDBACK_CITATION,
        "fields": {},
    }
    assert (not_giver.status_code, not_giver.json()["code"], not_giver.json()["rule"]) == (
        403,
        "feedback_giver_not_permitted",
        "P-FEEDBACK",
    )
    assert (half.status_code, half.json()["code"]) == (400, "rating_period_invalid")
    assert not RhkFeedback.objects.exists()


def test_the_employee_acknowledges_once_through_the_api(team, persona, session_as):
    note = give(persona("kabid"), team["jf"].rhks.get())
    client = session_as("jf_ahli_muda")
    path = f"/performance/feedback/{note.pk}/acknowledge"

    done = client.post(path, {"reply": "Siap"})
    again = client.post(path, {"reply": "Lagi"})

    assert (done.status_code, done.json()["reply"]) == (200, "Siap")
    assert (again.status_code, again.json()["code"]) == (409, "feedback_already_acknowledged")


def _upload(client, skp, rhk, name: str, content: bytes, **fields):
    return client.client.post(
        f"{API}/performance/skps/{skp.pk}/rhks/{rhk.pk}/evidence",
        {"file": SimpleUploadedFile(name, content), **fields},
        headers=client.headers,
    )


def test_evidence_is_uploaded_listed_and_downloaded_as_kept(team, session_as, evidence_root):
    skp = team["jf"]
    main = skp.rhks.get()
    content = samples.xlsx()

    created = _upload(
        session_as("jf_ahli_muda"),
        skp,
        main,
        "rekap.xlsx",
        content,
        period_kind="QUARTERLY",
        period_index="4",
    )
    listed = session_as("kabid").get(f"/performance/skps/{skp.pk}/evidence")
    body = created.json()
    download = session_as("kabid").get(f"/performance/skps/{skp.pk}/evidence/{body['id']}")

    assert created.status_code == 201, body
    assert (body["original_name"], body["size"], body["period_kind"], body["period_index"]) == (
        "rekap.xlsx",
        len(content),
        "QUARTERLY",
        4,
    )
    assert listed.json() == [body]
    assert (download.status_code, download.content) == (200, content)
    assert download["Content-Disposition"] == 'attachment; filename="rekap.xlsx"'


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("../../../etc/cron.pdf", samples.EXE, "evidence_type_refused"),
        ("halaman.pdf", samples.HTML, "evidence_type_refused"),
        ("kosong.pdf", b"", "evidence_empty"),
    ],
)
def test_a_refused_upload_answers_the_error_shape_and_keeps_nothing_case(
    team, session_as, evidence_root, name, content, code
):
    skp = team["jf"]

    response = _upload(session_as("jf_ahli_muda"), skp, skp.rhks.get(), name, content)

    assert (response.status_code, response.json()["code"]) == (400, code)
    assert set(response.json()["fields"]) == {"file"}
    assert not RhkEvidence.objects.exists()
    assert stored_files(evidence_root) == []


def test_an_upload_over_the_limit_is_refused_before_it_is_read(
    team, session_as, evidence_root, settings
):
    settings.SIKERJA_EVIDENCE_MAX_BYTES = 64
    skp = team["jf"]

    response = _upload(
        session_as("jf_ahli_muda"), skp, skp.rhks.get(), "besar.pdf", samples.PDF + b" " * 64
    )

    assert (response.status_code, response.json()["code"]) == (400, "evidence_too_large")
    assert stored_files(evidence_root) == []


@pytest.mark.parametrize("name", ["kepala_dinas", "outsider"])
def test_an_upload_by_one_who_may_not_attach_keeps_nothing_case(
    team, session_as, evidence_root, name
):
    skp = team["jf"]

    response = _upload(session_as(name), skp, skp.rhks.get(), "bukti.pdf", samples.PDF)

    assert response.status_code == {"kepala_dinas": 403, "outsider": 404}[name]
    assert not RhkEvidence.objects.exists()
    assert stored_files(evidence_root) == []
