"""API v1: django-ninja, OpenAPI at /api/v1/docs and /api/v1/openapi.json.

Every operation needs a caller (a Bearer API token or the browser session); every error has
the shape `{code, message, rule, citation, fields}` (see `sikerja.api.errors`).
"""

from __future__ import annotations

from ninja import NinjaAPI

from sikerja.api import organization, staffing
from sikerja.api.auth import api_auth
from sikerja.api.errors import install_error_handlers

api = NinjaAPI(
    title="Sikerja API",
    version="1",
    description=(
        "Organisasi, kepegawaian dan resolusi peran pejabat untuk integrasi SPBE. "
        "Autentikasi: `Authorization: Bearer <token>` (buat dengan `manage.py api_token`) "
        "atau sesi peramban. Setiap galat berbentuk `{code, message, rule, citation, fields}`."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=api_auth(),
)
install_error_handlers(api)
api.add_router("", organization.router)
api.add_router("", staffing.router)
api.add_router("", "sikerja.api.assignments.router")
