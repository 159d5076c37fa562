from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "sikerja.notifications"
    label = "notifications"
    verbose_name = "Notifikasi"

    def ready(self) -> None:
        from sikerja.notifications.services import notify_step_opened
        from sikerja.workflows import events

        events.subscribe(events.STEP_OPENED, notify_step_opened)
