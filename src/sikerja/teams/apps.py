from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "sikerja.teams"
    label = "teams"
    verbose_name = "Tim kerja"

    def ready(self) -> None:
        from sikerja.teams.handlers import instance_closed
        from sikerja.teams.hooks import TeamHooks
        from sikerja.teams.parties import register_actors
        from sikerja.teams.work_hooks import EvaluationHooks, PlanHooks, ReportHooks
        from sikerja.teams.work_parties import register_actors as register_work_actors
        from sikerja.workflows import events, hooks

        register_actors()
        hooks.register(TeamHooks())
        register_work_actors()
        hooks.register(ReportHooks())
        hooks.register(EvaluationHooks())
        hooks.register(PlanHooks())
        events.subscribe(events.INSTANCE_CLOSED, instance_closed)
