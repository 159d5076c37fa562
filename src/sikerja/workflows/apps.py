from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "sikerja.workflows"
    label = "workflows"
    verbose_name = "Alur kerja"
