from django.apps import AppConfig


class AssignmentsConfig(AppConfig):
    name = "sikerja.assignments"
    label = "assignments"
    verbose_name = "Penugasan"

    def ready(self) -> None:
        from sikerja.assignments.hooks import AssignmentHooks
        from sikerja.workflows import hooks

        hooks.register("assignments.assignment", AssignmentHooks())
