from django.apps import AppConfig
from django.core import checks


class PacksConfig(AppConfig):
    name = "sikerja.packs"
    label = "packs"
    verbose_name = "Paket regulasi"

    def ready(self) -> None:
        from sikerja.packs.checks import TAG, packs_are_valid

        checks.register(packs_are_valid, TAG)
