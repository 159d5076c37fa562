"""Browser test of single sign-on: chromium goes from the login page to a real OpenID provider
(served in this process), is authorized there as a person whose NIP is a demo employee's, comes
back logged in, and logging out ends the session here and then at the provider (which the
pages' CSP must allow the logout form to reach)."""

from __future__ import annotations

import re

import pytest

from tests.oidc import PROVIDER_NAME, provider_url, provider_user, sso_on

__all__ = ["provider_url", "sso_on"]  # fixtures

pytestmark = pytest.mark.e2e


def test_a_person_signs_in_with_sso_and_logs_out_here_and_at_the_provider(
    page, sso_on, provider_url, persona, console_errors
):
    provider_user(provider_url, "pelaksana@pemkot", {"nip": persona("pelaksana").nip})

    page.goto("/masuk/")
    page.get_by_role("link", name=f"Masuk dengan SSO {PROVIDER_NAME}").click()
    page.wait_for_url(re.compile(re.escape(provider_url) + r"/oauth2/authorize"))
    page.get_by_placeholder("sub").fill("pelaksana@pemkot")
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(r"/$"))
    signed_in_as = page.get_by_role("button", name="Keluar").is_visible()
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url(re.compile(re.escape(provider_url) + r"/oauth2/end_session"))
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(re.compile(r"/masuk/$"))
    page.goto("/")

    assert signed_in_as is True
    assert re.search(r"/masuk/\?next=/$", page.url)
    # The provider's own pages log errors of their own (a stylesheet from the internet, no
    # favicon); what counts here is that no page of the flow broke the CSP.
    assert [error for error in console_errors if "Content Security Policy" in error] == []
