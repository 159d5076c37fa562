from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "sikerja.organization"
    label = "organization"
    verbose_name = "Organisasi dan kedudukan"
