"""Clients for the accounts tests: API calls with the tokens the command makes."""

from tests.clients import _empty_cache, anonymous, session_as, token_as

__all__ = ["_empty_cache", "anonymous", "session_as", "token_as"]
