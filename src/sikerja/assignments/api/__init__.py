"""API v1 of penugasan: requests and their steps (`endpoints`), the pack's flows and maps
(`flows`). `sikerja.api.v1` mounts `router`; the assembly adds authentication, the error shape
and `Idempotency-Key` to every operation.
"""

from ninja import Router

from sikerja.assignments.api import endpoints, flows

router = Router(tags=["penugasan"])
router.add_router("", endpoints.router)
router.add_router("", flows.router)
