from django.apps import AppConfig


class AssignmentsConfig(AppConfig):
    name = "sikerja.assignments"
    label = "assignments"
    verbose_name = "Penugasan"

    def ready(self) -> None:
        from sikerja.assignments.hooks import AssignmentHooks
        from sikerja.assignments.parties import MEMBER, PENUGASAN, register_actors
        from sikerja.workflows import hooks

        register_actors()
        hooks.register(AssignmentHooks(PENUGASAN))
        hooks.register(AssignmentHooks(MEMBER))
