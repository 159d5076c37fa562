"""Fixtures of the web tests: logged-in clients for the demo personas."""

from tests.clients import _empty_cache, client_of

__all__ = ["_empty_cache", "client_of"]
