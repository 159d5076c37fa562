"""Evidence files: accepted by their content, refused with nothing kept, stored under a
generated name, downloaded only by those who may see the team, as uploaded."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed
from sikerja.teams.models import EvidenceFile
from sikerja.teams.services.evidence import Upload, evidence_upload, sniff
from tests.teams.work import samples
from tests.teams.world import NOW, ON

pytestmark = pytest.mark.django_db


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def upload(team, by, name: str, content: bytes):
    return evidence_upload(
        team_id=team.pk, by=by, upload=Upload(name=name, content=content), at=NOW, on=ON
    )


@pytest.mark.parametrize(
    ("name", "make", "media_type"),
    [
        ("laporan.pdf", lambda: samples.PDF, "application/pdf"),
        ("foto.png", samples.png, "image/png"),
        ("foto.JPG", samples.jpeg, "image/jpeg"),
        (
            "rekap.xlsx",
            samples.xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "nota.docx",
            samples.docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("nota.odt", samples.odt, "application/vnd.oasis.opendocument.text"),
    ],
)
def test_each_accepted_kind_is_kept_with_its_hash_under_a_generated_name_case(
    active_team, persona, evidence_root, name, make, media_type
):
    content = make()

    evidence = upload(active_team, persona("pelaksana"), name, content)

    row = EvidenceFile.objects.get()
    assert (row.pk, row.original_name, row.content_type, row.size) == (
        evidence.pk,
        name,
        media_type,
        len(content),
    )
    assert row.sha256 == hashlib.sha256(content).hexdigest()
    assert row.uploaded_by_id == persona("pelaksana").pk
    assert row.government_id == active_team.government_id
    assert name not in row.file.name
    assert row.file.name.startswith(f"{active_team.government_id}/{active_team.pk}/")
    (kept,) = stored_files(evidence_root)
    assert kept.read_bytes() == content
    event = AuditEvent.objects.filter(action="team.evidence_uploaded").get()
    assert event.object_id == str(active_team.pk)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("catatan.pdf", samples.HTML, "evidence_type_refused"),
        ("program.pdf", samples.EXE, "evidence_type_refused"),
        ("foto.pdf", samples.png(), "evidence_type_refused"),
        ("laporan.png", samples.PDF, "evidence_type_refused"),
        ("arsip.docx", samples.plain_zip(), "evidence_type_refused"),
        ("rekap.docx", samples.xlsx(), "evidence_type_refused"),
        ("laporan", samples.PDF, "evidence_type_refused"),
        ("kosong.pdf", b"", "evidence_empty"),
    ],
)
def test_a_refused_upload_keeps_nothing_case(
    active_team, persona, evidence_root, name, content, code
):
    before = AuditEvent.objects.count()

    with pytest.raises(ValidationFailed) as refused:
        upload(active_team, persona("pelaksana"), name, content)

    assert refused.value.code == code
    assert set(refused.value.fields) == {"file"}
    assert EvidenceFile.objects.count() == 0
    assert AuditEvent.objects.count() == before
    assert stored_files(evidence_root) == []


def test_an_upload_over_the_size_limit_is_refused_and_nothing_kept(
    active_team, persona, settings, evidence_root
):
    settings.SIKERJA_EVIDENCE_MAX_BYTES = 1024
    content = samples.PDF + b" " * 1024

    with pytest.raises(ValidationFailed) as refused:
        upload(active_team, persona("pelaksana"), "besar.pdf", content)

    assert refused.value.code == "evidence_too_large"
    assert EvidenceFile.objects.count() == 0
    assert stored_files(evidence_root) == []


@pytest.mark.parametrize(
    "name",
    ["../../../etc/passwd.pdf", "..\\..\\settings.pdf", "/var/x.pdf", "a/../../b.pdf", "\x00.pdf"],
)
def test_a_path_in_the_clients_name_never_reaches_the_storage_case(
    active_team, persona, evidence_root, name
):
    upload(active_team, persona("pelaksana"), name, samples.PDF)

    row = EvidenceFile.objects.get()
    (kept,) = stored_files(evidence_root)
    assert kept.resolve().is_relative_to(Path(evidence_root).resolve())
    assert "/" not in row.original_name
    assert "\\" not in row.original_name
    assert ".." not in row.file.name


@pytest.mark.parametrize("name", ["kabid", "outsider", "sekda"])
def test_only_people_on_the_team_or_its_heads_add_evidence_case(
    active_team, persona, evidence_root, name
):
    with pytest.raises(PermissionDenied):
        upload(active_team, persona(name), "x.pdf", samples.PDF)

    assert EvidenceFile.objects.count() == 0
    assert stored_files(evidence_root) == []


def test_another_governments_team_is_not_found(active_team, other_tenant_user, evidence_root):
    from sikerja.organization.models import Employee

    stranger = Employee.objects.get(user=other_tenant_user)

    with pytest.raises(NotFound):
        upload(active_team, stranger, "x.pdf", samples.PDF)


def test_the_zip_kinds_are_told_apart_by_their_parts():
    assert [sniff(samples.xlsx()), sniff(samples.docx()), sniff(samples.odt())] == [
        "xlsx",
        "docx",
        "odt",
    ]
    assert sniff(samples.plain_zip()) is None
    assert sniff(b"PK\x03\x04broken") is None


def _download(client, team, evidence):
    return client.get(reverse("web:team-evidence", args=[team.pk, evidence.pk]))


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("jf_ahli_muda", 200),
        ("pelaksana", 200),
        ("kepala_dinas", 200),
        ("sekda", 200),
        ("bkpsdm", 200),
        ("kabid", 200),
        ("subkoordinator", 200),
        ("outsider", 404),
        ("other_tenant", 404),
    ],
)
def test_the_download_is_for_those_who_may_see_the_teams_work_case(
    active_team, persona, client_of, name, status
):
    content = samples.png()
    evidence = upload(active_team, persona("pelaksana"), "foto lapangan.png", content)

    response = _download(client_of(name), active_team, evidence)

    assert response.status_code == status
    if status == 200:
        assert response.content == content
        assert response["Content-Type"] == "image/png"
        assert response["Content-Disposition"] == 'attachment; filename="foto lapangan.png"'
        assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_altered_in_the_storage_is_not_served(active_team, persona, client_of):
    evidence = upload(active_team, persona("pelaksana"), "x.pdf", samples.PDF)
    Path(evidence.file.path).write_bytes(samples.PDF + b"tampered")

    response = _download(client_of("pelaksana"), active_team, evidence)

    assert response.status_code == 500


def test_the_api_upload_and_download_round_trip(active_team, session_as):
    client = session_as("pelaksana")
    content = samples.xlsx()

    created = client.client.post(
        f"/api/v1/teams/{active_team.pk}/evidence",
        {"file": SimpleUploadedFile("rekap.xlsx", content, content_type="text/plain")},
        headers={"Idempotency-Key": "evidence-1"},
    )
    body = created.json()
    fetched = client.get(f"/teams/{active_team.pk}/evidence/{body['id']}")

    assert created.status_code == 201
    assert body["content_type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert body["sha256"] == hashlib.sha256(content).hexdigest()
    assert fetched.status_code == 200
    assert fetched.content == content


def test_the_api_refuses_a_wrong_type_with_the_shared_shape(active_team, session_as):
    client = session_as("pelaksana")

    refused = client.client.post(
        f"/api/v1/teams/{active_team.pk}/evidence",
        {"file": SimpleUploadedFile("x.pdf", samples.HTML, content_type="application/pdf")},
    )

    assert refused.status_code == 400
    assert refused.json()["code"] == "evidence_type_refused"
    assert EvidenceFile.objects.count() == 0


def test_the_api_download_is_not_found_for_an_outsider(active_team, persona, session_as):
    evidence = upload(active_team, persona("pelaksana"), "x.pdf", samples.PDF)

    response = session_as("outsider").get(f"/teams/{active_team.pk}/evidence/{evidence.pk}")

    assert response.status_code == 404


def test_a_retried_api_upload_with_the_same_key_keeps_one_file(
    active_team, session_as, evidence_root
):
    client = session_as("pelaksana")

    def send():
        return client.client.post(
            f"/api/v1/teams/{active_team.pk}/evidence",
            {"file": SimpleUploadedFile("a.pdf", samples.PDF)},
            headers={"Idempotency-Key": "same"},
        )

    first, second = send(), send()

    assert (first.status_code, second.status_code) == (201, 201)
    assert second["Idempotent-Replayed"] == "true"
    assert second.json() == first.json()
    assert EvidenceFile.objects.count() == 1
    assert len(stored_files(evidence_root)) == 1


def test_an_api_upload_larger_than_a_form_body_is_kept_with_an_idempotency_key(
    active_team, session_as
):
    content = samples.PDF + b" " * (3 * 1024 * 1024)

    created = session_as("pelaksana").client.post(
        f"/api/v1/teams/{active_team.pk}/evidence",
        {"file": SimpleUploadedFile("besar.pdf", content)},
        headers={"Idempotency-Key": "large-1"},
    )

    assert created.status_code == 201
    assert EvidenceFile.objects.get().size == len(content)
