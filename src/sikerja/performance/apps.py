from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "sikerja.performance"
    label = "performance"
    verbose_name = "Pengelolaan kinerja"

    def ready(self) -> None:
        from sikerja.performance.hooks import PerformanceHooks
        from sikerja.performance.objection_flow import register_objection_actors
        from sikerja.performance.parties import register_actors
        from sikerja.workflows import hooks

        register_actors()
        register_objection_actors()
        hooks.register(PerformanceHooks())
