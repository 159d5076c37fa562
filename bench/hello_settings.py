"""The Django floor of the HTTP stage: the production settings and middleware, one route
answering "hello" (bench/hello_urls.py)."""

from sikerja.config.settings.prod import *  # noqa: F403

ROOT_URLCONF = "hello_urls"
