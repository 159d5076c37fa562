"""WSGI entry point: production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikerja.config.settings.prod")
application = get_wsgi_application()

from sikerja.packs.startup import verify_packs  # noqa: E402  (needs the loaded apps)

verify_packs()
