"""ASGI entry point: production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikerja.config.settings.prod")
application = get_asgi_application()

from sikerja.packs.startup import verify_packs  # noqa: E402  (needs the loaded apps)

verify_packs()
