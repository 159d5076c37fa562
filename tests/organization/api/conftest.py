"""Clients for the API tests: a logged-in session per persona, or a Bearer token."""

from tests.clients import _empty_cache, anonymous, session_as, token_as

__all__ = ["_empty_cache", "anonymous", "session_as", "token_as"]
