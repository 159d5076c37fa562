from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "sikerja.performance"
    label = "performance"
    verbose_name = "Pengelolaan kinerja"

    def ready(self) -> None:
        from sikerja.organization.panels import panel_register
        from sikerja.performance import credit_panel
        from sikerja.performance.feed_handlers import instance_closed
        from sikerja.performance.hooks import PerformanceHooks
        from sikerja.performance.objection_flow import register_objection_actors
        from sikerja.performance.parties import register_actors
        from sikerja.workflows import events, hooks

        register_actors()
        register_objection_actors()
        hooks.register(PerformanceHooks())
        panel_register(credit_panel.KEY, credit_panel.credit_panel)
        # After the teams app's handler (installed before), so a member's own penugasan has
        # made them an active member when the proposal is read.
        events.subscribe(events.INSTANCE_CLOSED, instance_closed)
