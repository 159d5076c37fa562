from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sikerja.core"
    label = "core"
