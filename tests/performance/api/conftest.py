"""Clients for the performance API tests: a logged-in session per persona."""

from tests.clients import _empty_cache, anonymous, session_as

__all__ = ["_empty_cache", "anonymous", "session_as"]
