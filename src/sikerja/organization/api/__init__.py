"""API v1 of the organisation: reads of agencies, units, employees and roles (`endpoints`, tag
"organisasi"), placements and delegations (`staffing`, tag "kepegawaian"). `sikerja.api.v1`
mounts `router`; the assembly adds authentication, the error shape and `Idempotency-Key`.
"""

from ninja import Router

from sikerja.organization.api import endpoints, positions, staffing

router = Router()
router.add_router("", endpoints.router)
router.add_router("", staffing.router)
router.add_router("", positions.router)
