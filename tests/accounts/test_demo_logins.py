"""Every demo persona, and every official a demo flow reaches, can log in; the labels `make run`
prints come from the pack's resolver (in Surakarta the Kepala Dinas is the Pimpinan Unit
Organisasi of a Dinas), not from a fixed word."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from sikerja.organization.demo import DEFAULT_PASSWORD
from sikerja.organization.models import Employee, Government, Placement
from sikerja.organization.persona_labels import persona_labels


def _logs_in(username: str) -> bool:
    client = Client()
    response = client.post("/masuk/", {"username": username, "password": DEFAULT_PASSWORD})
    return response.status_code == 302 and client.get("/").status_code == 200


def test_every_persona_logs_in_with_the_demo_password(world):
    assert {name: _logs_in(name) for name in world.personas} == dict.fromkeys(world.personas, True)


def test_every_holder_of_a_head_position_logs_in_with_their_nip(world, today):
    heads = set(
        Placement.objects.effective_on(today)
        .filter(government_id=world.government_id, position__is_head=True)
        .values_list("employee_id", flat=True)
    )
    users = dict(Employee.objects.filter(pk__in=heads).values_list("pk", "user__username"))
    officials = {pk: name for pk, name in users.items() if pk not in world.personas.values()}
    sample = sorted(officials.items())[:3]

    assert None not in users.values()
    assert all(name == Employee.objects.get(pk=pk).nip for pk, name in officials.items())
    assert [_logs_in(name) for _pk, name in sample] == [True, True, True]


def test_the_labels_come_from_the_pack_resolver(world, today):
    government = Government.objects.get(pk=world.government_id)
    logins = {name: Employee.objects.get(pk=pk) for name, pk in world.personas.items()}

    labels = persona_labels(government, logins, today)

    dinas = Placement.objects.effective_on(today).get(employee=logins["kepala_dinas"])
    assert labels["kepala_dinas"].startswith(f"{dinas.position.title} (")
    assert "Pimpinan Unit Organisasi" in labels["kepala_dinas"]
    assert "Pimpinan Unit Organisasi" not in labels["kabid"]
    assert (labels["bkpsdm"], labels["outsider"]) == (
        "Operator BKPSDM",
        "Pegawai Perangkat Daerah lain",
    )


@pytest.mark.django_db
def test_the_demo_command_prints_the_labels_and_how_officials_log_in():
    out = StringIO()

    call_command(
        "demo", "--pack", "surakarta-2023", "--employees", "150", "--kode", "DSK", "--prefix",
        stdout=out,
    )  # fmt: skip

    printed = out.getvalue()
    assert "peran menurut paket" in printed
    assert "Pimpinan Unit Organisasi" in printed
    assert "masuk dengan NIP sebagai login" in printed
    assert get_user_model().objects.filter(username__startswith="dsk.19").exists()
