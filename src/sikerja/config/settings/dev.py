"""Local development: DEBUG on, the demo pemda on SQLite."""

from sikerja.config.settings.base import *  # noqa: F403

DEBUG = True
