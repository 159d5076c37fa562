"""The government's own kop surat: set by its BKPSDM operator on a page of their own (audited),
printed by letters issued afterwards; letters already issued keep their kop and their bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import DomainError, PermissionDenied, ValidationFailed
from sikerja.documents.files import letter_file_read
from sikerja.documents.lambang import lambang_storage
from sikerja.documents.letterheads import LetterheadInput, letterhead_set
from sikerja.documents.models import Letter, Letterhead
from sikerja.documents.render import letter_pdf
from sikerja.organization.models import Agency
from sikerja.organization.rules import Actor
from tests.documents.conftest import NOW, issue
from tests.documents.pdftext import pdf_reader, pdf_text
from tests.documents.users import login_for

LATER = NOW + dt.timedelta(hours=1)
LINES = "PEMERINTAH KOTA SURAKARTA\nSEKRETARIAT DAERAH"
KOP = LetterheadInput(
    lines=LINES,
    address="Jalan Jenderal Sudirman Nomor 2, Surakarta 57111",
    telephone="(0271) 642020",
    email="bkpsdm@surakarta.go.id",
    website="https://bkpsdm.surakarta.go.id",
)


def image_bytes(kind: str = "PNG", size: tuple[int, int] = (64, 80)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=kind)
    return buffer.getvalue()


def kept_files() -> set[Path]:
    root = Path(lambang_storage().location)
    return set(root.rglob("*")) if root.exists() else set()


def operator(org) -> Actor:
    return Actor(
        user_id=None, label="bkpsdm", government_id=org.government.pk, is_bkpsdm_admin=True
    )


def kop_events(org) -> list[str]:
    return list(
        AuditEvent.objects.filter(
            government_id=org.government.pk, action="letterhead.changed"
        ).values_list("object_id", flat=True)
    )


def test_the_operator_sets_the_kop_as_a_new_audited_version(org):
    first = letterhead_set(actor=operator(org), government_id=org.government.pk, values=KOP, at=NOW)

    second = letterhead_set(
        actor=operator(org),
        government_id=org.government.pk,
        values=LetterheadInput(lines="PEMERINTAH KOTA SURAKARTA", lambang=image_bytes()),
        at=LATER,
    )

    assert list(
        Letterhead.objects.filter(government=org.government)
        .values_list("pk", flat=True)
        .order_by("pk")
    ) == [first.pk, second.pk]
    assert (first.lines, first.lambang_name, second.lines, second.lambang_type) == (
        LINES,
        "",
        "PEMERINTAH KOTA SURAKARTA",
        "image/png",
    )
    assert kop_events(org) == [str(first.pk), str(second.pk)]


def test_a_kop_without_a_new_lambang_keeps_the_current_one(org):
    with_lambang = letterhead_set(
        actor=operator(org),
        government_id=org.government.pk,
        values=LetterheadInput(lines=LINES, lambang=image_bytes("JPEG")),
        at=NOW,
    )

    kept = letterhead_set(
        actor=operator(org), government_id=org.government.pk, values=KOP, at=LATER
    )

    assert (kept.lambang_name, kept.lambang_sha256, kept.lambang_type) == (
        with_lambang.lambang_name,
        with_lambang.lambang_sha256,
        "image/jpeg",
    )


@pytest.mark.parametrize(
    "actor",
    [
        pytest.param(
            lambda org: Actor(user_id=None, label="jf", government_id=org.government.pk),
            id="employee_case",
        ),
        pytest.param(
            lambda org: Actor(
                user_id=None,
                label="x",
                government_id=org.government.pk + 1000,
                is_bkpsdm_admin=True,
            ),
            id="other_government_operator_case",
        ),
    ],
)
def test_only_the_governments_operator_may_set_its_kop(org, actor):
    with pytest.raises(PermissionDenied):
        letterhead_set(actor=actor(org), government_id=org.government.pk, values=KOP, at=NOW)

    assert (Letterhead.objects.count(), kop_events(org)) == (0, [])


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        pytest.param(
            LetterheadInput(lines=" \n "), "letterhead_lines_required", "lines", id="no_name_case"
        ),
        pytest.param(
            LetterheadInput(lines="A\nB\nC\nD\nE"),
            "letterhead_field_invalid",
            "lines",
            id="five_lines_case",
        ),
        pytest.param(
            LetterheadInput(lines="X" * 121),
            "letterhead_field_invalid",
            "lines",
            id="long_line_case",
        ),
        pytest.param(
            LetterheadInput(lines=LINES, email="bkpsdm@"),
            "letterhead_field_invalid",
            "email",
            id="email_case",
        ),
        pytest.param(
            LetterheadInput(lines=LINES, website="javascript:alert(1)"),
            "letterhead_field_invalid",
            "website",
            id="website_case",
        ),
        pytest.param(
            LetterheadInput(lines=LINES, lambang=b"%PDF-1.7 not an image"),
            "lambang_invalid",
            "lambang",
            id="not_an_image_case",
        ),
        pytest.param(
            LetterheadInput(lines=LINES, lambang=b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
            "lambang_invalid",
            "lambang",
            id="svg_case",
        ),
        pytest.param(
            LetterheadInput(lines=LINES, lambang=image_bytes("GIF")),
            "lambang_invalid",
            "lambang",
            id="gif_case",
        ),
        pytest.param(
            LetterheadInput(lines=LINES, lambang=image_bytes(size=(2001, 10))),
            "lambang_invalid",
            "lambang",
            id="too_wide_case",
        ),
        pytest.param(
            LetterheadInput(lines=LINES, lambang=image_bytes()[:40]),
            "lambang_invalid",
            "lambang",
            id="truncated_case",
        ),
        pytest.param(
            LetterheadInput(lines=LINES, lambang=image_bytes() + b"\0" * 512 * 1024),
            "lambang_invalid",
            "lambang",
            id="too_large_case",
        ),
    ],
)
def test_a_refused_kop_writes_nothing(org, values, code, field):
    kept = kept_files()

    with pytest.raises(ValidationFailed) as refusal:
        letterhead_set(actor=operator(org), government_id=org.government.pk, values=values, at=NOW)

    assert (refusal.value.code, list(refusal.value.fields)) == (code, [field])
    assert (Letterhead.objects.count(), kop_events(org)) == (0, [])
    assert kept_files() == kept


def test_the_lambang_is_kept_under_its_hash_never_its_uploaded_name(org):
    content = image_bytes()

    kop = letterhead_set(
        actor=operator(org),
        government_id=org.government.pk,
        values=LetterheadInput(lines=LINES, lambang=content),
        at=NOW,
    )

    digest = hashlib.sha256(content).hexdigest()
    assert (kop.lambang_name, kop.lambang_sha256) == (
        f"{org.government.pk}/{digest[:32]}.png",
        digest,
    )
    with lambang_storage().open(kop.lambang_name, "rb") as handle:
        assert handle.read() == content


def test_a_new_kop_reaches_new_letters_only_and_old_pdfs_keep_their_hash(org):
    downloaded = issue(org)
    first = letter_file_read(letter=downloaded, at=NOW)
    not_yet_downloaded = issue(org)

    letterhead_set(
        actor=operator(org),
        government_id=org.government.pk,
        values=LetterheadInput(**{**KOP.__dict__, "lambang": image_bytes()}),
        at=LATER,
    )
    issued_after = issue(org, at=LATER)

    again = letter_file_read(letter=Letter.objects.get(pk=downloaded.pk), at=LATER)
    assert (again.sha256, again.content) == (first.sha256, first.content)
    before_text = pdf_text(letter_pdf(not_yet_downloaded))
    after_pdf = letter_pdf(issued_after)
    after_text = pdf_text(after_pdf)
    assert "SEKRETARIAT DAERAH" not in before_text
    assert before_text.startswith("PEMERINTAH UJI SURAKARTA-2023 DINAS KESEHATAN")
    assert after_text.startswith("PEMERINTAH KOTA SURAKARTA SEKRETARIAT DAERAH DINAS KESEHATAN")
    assert (
        "Telepon (0271) 642020 Pos-el bkpsdm@surakarta.go.id Laman https://bkpsdm.surakarta.go.id"
    ) in after_text
    assert [
        len(pdf_reader(letter_pdf(not_yet_downloaded)).pages[0].images),
        len(pdf_reader(after_pdf).pages[0].images),
    ] == [0, 1]
    assert issued_after.body["letter_form"]["kop"]["letterhead_id"] == Letterhead.objects.get().pk


def test_the_kop_gives_the_issuing_agencys_own_address_with_the_governments_contacts(org):
    Agency.objects.filter(pk=org.dinas.pk).update(address="Jalan Kesehatan Nomor 5")
    letterhead_set(actor=operator(org), government_id=org.government.pk, values=KOP, at=NOW)

    text = pdf_text(letter_pdf(issue(org)))

    assert (  # the line wraps after "https://"
        "DINAS KESEHATAN Jalan Kesehatan Nomor 5 Telepon (0271) 642020 Pos-el "
        "bkpsdm@surakarta.go.id Laman https://"
    ) in text
    assert "Jalan Jenderal Sudirman" not in text


def test_a_letter_whose_lambang_is_damaged_is_not_typeset(org):
    kop = letterhead_set(
        actor=operator(org),
        government_id=org.government.pk,
        values=LetterheadInput(lines=LINES, lambang=image_bytes()),
        at=NOW,
    )
    letter = issue(org)
    with lambang_storage().open(kop.lambang_name, "wb") as handle:
        handle.write(image_bytes(size=(10, 10)))

    with pytest.raises(DomainError) as refusal:
        letter_pdf(letter)

    assert refusal.value.code == "lambang_missing"


def page(client):
    return client.get(reverse("documents:letterhead"))


def test_the_operator_page_shows_and_saves_the_kop(client, org):
    client.force_login(login_for(None, government=org.government, role="BKPSDM_ADMIN"))
    upload = io.BytesIO(image_bytes())
    upload.name = "../../etc/lambang.png"

    response = client.post(
        reverse("documents:letterhead"),
        {"lines": LINES, "address": KOP.address, "email": KOP.email, "lambang": upload},
    )

    assert (response.status_code, response["Location"]) == (302, reverse("documents:letterhead"))
    kop = Letterhead.objects.get()
    assert (
        kop.lines,
        kop.email,
        kop.created_by,
        kop.lambang_name.startswith(f"{org.government.pk}/"),
    ) == (
        LINES,
        KOP.email,
        f"operator{org.government.pk}",
        True,
    )
    shown = page(client)
    assert shown.status_code == 200
    assert "bkpsdm@surakarta.go.id" in shown.content.decode()


def test_the_operator_page_gives_the_refusal_beside_its_field(client, org):
    client.force_login(login_for(None, government=org.government, role="BKPSDM_ADMIN"))
    upload = io.BytesIO(b"GIF89a not really")
    upload.name = "lambang.png"

    response = client.post(reverse("documents:letterhead"), {"lines": LINES, "lambang": upload})

    assert response.status_code == 400
    assert "Lambang harus berupa gambar PNG atau JPEG." in response.content.decode()
    assert Letterhead.objects.count() == 0


@pytest.mark.parametrize("role", ["EMPLOYEE", "AUDITOR"])
def test_anyone_but_the_operator_finds_no_kop_page(client, org, role):
    employee = org.people["Rina Analis"] if role == "EMPLOYEE" else None
    client.force_login(login_for(employee, government=org.government, role=role))

    shown = page(client)
    posted = client.post(reverse("documents:letterhead"), {"lines": LINES})

    assert (shown.status_code, posted.status_code) == (404, 404)
    assert (Letterhead.objects.count(), kop_events(org)) == (0, [])


def test_the_kop_page_asks_for_a_login(client):
    response = page(client)

    assert (response.status_code, response["Location"]) == (302, "/masuk/?next=/kop-surat/")


def test_a_kop_version_is_never_changed_in_the_database(org):
    kop = letterhead_set(actor=operator(org), government_id=org.government.pk, values=KOP, at=NOW)

    with (
        pytest.raises(IntegrityError, match="a kop surat version is never changed"),
        transaction.atomic(),
    ):
        Letterhead.objects.filter(pk=kop.pk).update(lines="PEMERINTAH LAIN")

    assert Letterhead.objects.get(pk=kop.pk).lines == LINES
