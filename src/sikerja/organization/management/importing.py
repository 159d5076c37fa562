"""What the import commands (`org_import`, `performance_import`) share: the government named by
its kode, the file's bytes, who the command acts as, and a refusal as the command's error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError, OutputWrapper
from django.utils import timezone

from sikerja.core.errors import DomainError
from sikerja.organization.models import Government
from sikerja.organization.rules import Actor
from sikerja.organization.selectors import viewer_for
from sikerja.organization.transfer import ImportRejected


def government_of(kode: str) -> Government:
    """The government with the kode, or the command's error."""
    government = Government.objects.filter(kode=kode).first()
    if government is None:
        raise CommandError(f"pemerintah dengan kode {kode!r} tidak ditemukan")
    return government


def file_bytes(file: Path) -> bytes:
    """The file's content, or the command's error."""
    try:
        return file.read_bytes()
    except OSError as exc:
        raise CommandError(f"berkas tidak dapat dibaca: {exc}") from exc


def command_actor(government: Government, username: str, label: str) -> Actor:
    """Who a command acts as: the operator named by --as, else the system (named `label`)."""
    if not username:
        return Actor.system(government.pk, label=label)
    user = get_user_model().objects.filter(username=username).first()
    viewer = viewer_for(user, timezone.localdate()) if user is not None else None
    if viewer is None or viewer.government.pk != government.pk:
        raise CommandError(f"pengguna {username!r} tidak memiliki akun pada pemerintah ini")
    return viewer.actor


@contextmanager
def refusals_as_errors(stdout: OutputWrapper) -> Iterator[None]:
    """A refusal inside as the command's error; a rejected file prints its problems first, one a
    line ("Baris 12 (employee, nip): …")."""
    try:
        yield
    except ImportRejected as rejected:
        for error in rejected.errors:
            stdout.write(error.line())
        raise CommandError(str(rejected.message)) from rejected
    except DomainError as error:
        raise CommandError(str(error.message)) from error
