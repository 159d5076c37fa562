from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sikerja.web"
    label = "web"
