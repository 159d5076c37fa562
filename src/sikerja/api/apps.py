from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sikerja.api"
    label = "api"
