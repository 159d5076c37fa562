from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "sikerja.notifications"
    label = "notifications"
    verbose_name = "Notifikasi"
