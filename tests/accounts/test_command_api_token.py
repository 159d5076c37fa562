"""`manage.py api_token <username>` prints a working token once."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from sikerja.accounts.models import ApiToken
from tests.clients import ApiClient


def test_the_command_prints_a_token_that_authenticates(user_of, persona):
    out = io.StringIO()

    call_command("api_token", "kabid", "--label", "Sinkronisasi", stdout=out)

    raw = out.getvalue().strip()
    assert out.getvalue().count("\n") == 1
    token = ApiToken.objects.get(user=user_of("kabid"))
    assert (token.prefix, token.label) == (raw[:8], "Sinkronisasi")
    client = ApiClient(Client(), {"Authorization": f"Bearer {raw}"})
    response = client.get(f"/employees/{persona('kabid').nip}/roles")
    assert response.status_code == 200


def test_an_unknown_user_is_an_error_and_no_token_is_made(world):
    tokens_before = ApiToken.objects.count()

    with pytest.raises(CommandError, match="unknown user: nobody"):
        call_command("api_token", "nobody", stdout=io.StringIO())

    assert ApiToken.objects.count() == tokens_before


def test_a_user_without_a_government_account_is_an_error(world):
    get_user_model().objects.create_user("tamu", password="x")

    with pytest.raises(CommandError, match="tamu"):
        call_command("api_token", "tamu", stdout=io.StringIO())

    assert not ApiToken.objects.filter(user__username="tamu").exists()
