from django.apps import AppConfig
from django.core import checks

from sikerja.core.checks import TAG, packs_are_valid


class CoreConfig(AppConfig):
    name = "sikerja.core"
    label = "core"

    def ready(self) -> None:
        checks.register(packs_are_valid, TAG)
