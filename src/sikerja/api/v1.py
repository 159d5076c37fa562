"""API v1: django-ninja, OpenAPI at /api/v1/docs and /api/v1/openapi.json.

The assembly: each app gives its router; this module adds them, with what every operation
shares: authentication (a Bearer API token or the browser session), one error shape
`{code, message, rule, citation, fields}` (see `sikerja.api.errors`), no NUL character in any
input (see `sikerja.api.parser`) and `Idempotency-Key` on every write (see
`sikerja.api.idempotency`).
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

from sikerja.api import idempotency
from sikerja.api.auth import api_auth
from sikerja.api.errors import install_error_handlers
from sikerja.api.parser import NulRefusingParser


class SikerjaApi(NinjaAPI):
    """NinjaAPI whose OpenAPI schema names the `Idempotency-Key` of every write."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        idempotency.document(schema)
        return schema


api = SikerjaApi(
    title="Sikerja API",
    version="1",
    description=(
        "Organisasi, kepegawaian dan resolusi peran pejabat untuk integrasi SPBE. "
        "Autentikasi: `Authorization: Bearer <token>` (buat dengan `manage.py api_token`) "
        "atau sesi peramban. Setiap galat berbentuk `{code, message, rule, citation, fields}`; "
        "penolakan yang dapat dilakukan pihak lain menambahkan `instead` (nama dan jabatan "
        "pejabatnya) dan `next_step` (langkah berikutnya)."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=api_auth(),
    parser=NulRefusingParser(),
)
install_error_handlers(api)
idempotency.install(api)
api.add_router("", "sikerja.organization.api.router")
api.add_router("", "sikerja.assignments.api.router")
api.add_router("", "sikerja.teams.api.router")
api.add_router("", "sikerja.performance.api.router")
api.add_router("", "sikerja.performance.feed_api.router")
api.add_router("", "sikerja.performance.board_api.router")
api.add_router("", "sikerja.performance.feedback_api.router")
api.add_router("", "sikerja.documents.api.router")
