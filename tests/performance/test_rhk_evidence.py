"""Evidence of an ordinary RHK (SPEC §6.4 documentation; P-EVIDENCE): attached by the SKP's
employee or its appraiser, checked as team evidence is (kind by content and name, size), kept
under a generated name, refused with nothing kept, read back as uploaded; closed once the rating
it stands beside is signed off."""

from __future__ import annotations

import hashlib

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import DomainError, NotFound, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.performance.models import RhkEvidence
from sikerja.performance.services.ratings import rating_sign
from sikerja.teams.services.evidence import evidence_read
from tests.performance.notes_world import EVIDENCE_CITATION, attach, stored_files
from tests.performance.test_ratings import draft
from tests.performance.world import NOW, ON, delegate
from tests.teams.work import samples

pytestmark = pytest.mark.django_db

UPLOADED = "performance.evidence_uploaded"


@pytest.mark.parametrize("name", ["jf_ahli_muda", "kabid"])
def test_p_evidence_the_employee_and_the_appraiser_attach_evidence_case(
    team, persona, evidence_root, name
):
    skp = team["jf"]
    main = skp.rhks.get()
    content = samples.png()

    kept = attach(persona(name), main, "foto kegiatan.png", content, ("QUARTERLY", 4))

    row = RhkEvidence.objects.get()
    assert (row.pk, row.skp_id, row.rhk_id, row.government_id, row.uploaded_by_id) == (
        kept.pk,
        skp.pk,
        main.pk,
        skp.government_id,
        persona(name).pk,
    )
    assert (row.original_name, row.content_type, row.size, row.period_kind, row.period_index) == (
        "foto kegiatan.png",
        "image/png",
        len(content),
        "QUARTERLY",
        4,
    )
    assert row.sha256 == hashlib.sha256(content).hexdigest()
    assert row.file.name.startswith(f"skp/{skp.government_id}/{skp.pk}/")
    assert row.file.name.endswith(".png")
    assert "foto" not in row.file.name
    (stored,) = stored_files(evidence_root)
    assert stored.read_bytes() == content
    assert evidence_read(row) == content
    event = AuditEvent.objects.get(action=UPLOADED)
    assert (event.object_id, event.rule, event.citation) == (
        str(skp.pk),
        "P-EVIDENCE",
        EVIDENCE_CITATION,
    )
    assert event.after == {
        "evidence": row.pk,
        "rhk": main.pk,
        "name": "foto kegiatan.png",
        "sha256": row.sha256,
    }


def test_p_evidence_a_delegate_for_performance_management_attaches_evidence(
    team, persona, operator, evidence_root
):
    delegate(operator, persona("kabid"), persona("outsider"), "PERF_MGMT")

    kept = attach(persona("outsider"), team["jf"].rhks.get())

    assert kept.uploaded_by_id == persona("outsider").pk


@pytest.mark.parametrize("name", ["kepala_dinas", "subkoordinator", "outsider", "bkpsdm"])
def test_p_evidence_anyone_else_is_refused_and_nothing_is_kept_case(
    team, persona, evidence_root, name
):
    with pytest.raises(RuleViolation) as refused:
        attach(persona(name), team["jf"].rhks.get())

    assert (refused.value.code, refused.value.status) == ("evidence_uploader_not_permitted", 403)
    assert (refused.value.rule, refused.value.citation) == ("P-EVIDENCE", EVIDENCE_CITATION)
    assert not RhkEvidence.objects.exists()
    assert stored_files(evidence_root) == []
    assert not AuditEvent.objects.filter(action=UPLOADED).exists()


def test_another_governments_official_finds_no_such_rhk(team, other_tenant_user, evidence_root):
    with pytest.raises(NotFound):
        attach(Employee.objects.get(user=other_tenant_user), team["jf"].rhks.get())

    assert stored_files(evidence_root) == []


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("program.pdf", samples.EXE, "evidence_type_refused"),
        ("catatan.pdf", samples.HTML, "evidence_type_refused"),
        ("laporan.exe", samples.PDF, "evidence_type_refused"),
        ("foto.pdf", samples.png(), "evidence_type_refused"),
        ("arsip.docx", samples.plain_zip(), "evidence_type_refused"),
        ("kosong.pdf", b"", "evidence_empty"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_and_nothing_is_kept_case(
    team, persona, evidence_root, name, content, code
):
    before = AuditEvent.objects.count()

    with pytest.raises(ValidationFailed) as refused:
        attach(persona("jf_ahli_muda"), team["jf"].rhks.get(), name, content)

    assert (refused.value.code, set(refused.value.fields)) == (code, {"file"})
    assert not RhkEvidence.objects.exists()
    assert stored_files(evidence_root) == []
    assert AuditEvent.objects.count() == before


def test_a_file_over_the_size_limit_is_refused_and_nothing_is_kept(
    team, persona, evidence_root, settings
):
    settings.SIKERJA_EVIDENCE_MAX_BYTES = 1024

    with pytest.raises(ValidationFailed) as refused:
        attach(
            persona("jf_ahli_muda"), team["jf"].rhks.get(), "besar.pdf", samples.PDF + b" " * 1024
        )

    assert refused.value.code == "evidence_too_large"
    assert not RhkEvidence.objects.exists()
    assert stored_files(evidence_root) == []


@pytest.mark.parametrize(
    "name",
    [
        "../../../etc/passwd.pdf",
        "..\\..\\windows\\win.ini.pdf",
        "/etc/cron.d/x.pdf",
        "a/../../b.pdf",
    ],
)
def test_a_path_in_the_name_is_only_a_label_and_the_file_stays_inside_the_storage_case(
    team, persona, evidence_root, tmp_path, name
):
    kept = attach(persona("jf_ahli_muda"), team["jf"].rhks.get(), name, samples.PDF)

    (stored,) = stored_files(tmp_path)
    assert stored.resolve().is_relative_to(evidence_root.resolve())
    assert "/" not in kept.original_name
    assert "\\" not in kept.original_name
    assert ".." not in kept.file.name


def test_a_signed_off_quarter_takes_no_more_evidence_about_it(team, persona, evidence_root):
    kabid, skp = persona("kabid"), team["jf"]
    rating_sign(actor=kabid, rating_id=draft(kabid, skp).rating.pk, at=NOW, on=ON)

    with pytest.raises(RuleViolation) as refused:
        attach(persona("jf_ahli_muda"), skp.rhks.get(), period=("QUARTERLY", 4))
    year = attach(persona("jf_ahli_muda"), skp.rhks.get())

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "rhk_period_signed_off",
        "P-EVIDENCE",
        EVIDENCE_CITATION,
    )
    assert list(RhkEvidence.objects.all()) == [year]
    assert len(stored_files(evidence_root)) == 1


def test_a_file_altered_in_the_storage_is_never_served(team, persona, evidence_root):
    kept = attach(persona("jf_ahli_muda"), team["jf"].rhks.get())
    (stored,) = stored_files(evidence_root)
    stored.write_bytes(samples.PDF + b"%tampered")

    with pytest.raises(DomainError) as damaged:
        evidence_read(kept)

    assert (damaged.value.code, damaged.value.status) == ("evidence_damaged", 500)
