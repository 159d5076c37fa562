"""Daily: expire every active team whose period has ended (V-64), each audited."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from sikerja.organization.models import Government
from sikerja.teams.services.changes import teams_expire


class Command(BaseCommand):
    help = "Akhiri tim kerja aktif yang jangka waktunya telah lewat (jalankan setiap hari)."

    def handle(self, *args: Any, **options: Any) -> None:
        """Expire the teams of every government, as of today; print how many ended."""
        at, on = timezone.now(), timezone.localdate()
        total = 0
        for government_id in Government.objects.order_by("pk").values_list("pk", flat=True):
            total += len(teams_expire(government_id=government_id, at=at, on=on))
        self.stdout.write(f"{total} tim kerja berakhir.")
