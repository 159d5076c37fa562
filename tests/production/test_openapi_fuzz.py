"""schemathesis against API v1's OpenAPI: every operation, as the BKPSDM operator and as a JF.

Each operation gets a bounded number of generated requests (positive and negative examples) per
role, sent in process through Django's WSGI handler with the role's Bearer token. Checks: no
server error (5xx) and every documented response matches its schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from sikerja.accounts.tokens import api_token_create

EXAMPLES = 12  # per operation and role: ~25 operations x 2 roles in about a minute

pytestmark = pytest.mark.slow


# Loaded at collection (pytest-django has set Django up by then): the schema needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def _connection_kept():
    """Keep the test's connection (and transaction) across requests, as Django's test client
    does: the WSGI handler closes old connections when a request starts and finishes."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _bearer(user, at) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_token_create(user=user, label='schemathesis', at=at)}"}


@pytest.fixture
def operator_bearer(_connection_kept, world, user_of, now) -> dict[str, str]:
    return _bearer(user_of("bkpsdm"), now)


@pytest.fixture
def jf_bearer(_connection_kept, world, user_of, now) -> dict[str, str]:
    return _bearer(user_of("jf_ahli_muda"), now)


def _call_and_validate(case, headers: dict[str, str]) -> None:
    case.call_and_validate(
        headers=headers, checks=[not_a_server_error, response_schema_conformance]
    )


BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@BOUNDED
def test_as_the_bkpsdm_operator(case, operator_bearer):
    _call_and_validate(case, operator_bearer)


@schema.parametrize()
@BOUNDED
def test_as_a_jf(case, jf_bearer):
    _call_and_validate(case, jf_bearer)
