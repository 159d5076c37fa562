from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "sikerja.workflows"
    label = "workflows"
    verbose_name = "Alur kerja"

    def ready(self) -> None:
        from sikerja.workflows import checks  # noqa: F401  (registers the system check)
