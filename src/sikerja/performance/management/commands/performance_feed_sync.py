"""Daily: propose the RHK every accepted penugasan and team membership gives, once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from sikerja.organization.models import Government
from sikerja.performance.services.feed import rhk_proposals_sync


class Command(BaseCommand):
    """Replay the work accepted in each government (idempotent: nothing is proposed twice)."""

    help = (
        "Usulkan RHK tambahan dari penugasan yang disetujui dan keanggotaan tim kerja yang "
        "belum diusulkan (jalankan setiap hari; aman diulang)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        """Propose what is missing in every government; print how many were proposed."""
        at, on = timezone.now(), timezone.localdate()
        governments = Government.objects.filter(is_external=False).order_by("pk")
        total = sum(
            len(rhk_proposals_sync(government_id=pk, at=at, on=on))
            for pk in governments.values_list("pk", flat=True)
        )
        self.stdout.write(f"{total} RHK tambahan diusulkan.")
