from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit log: one hash chain of recorded writes per government."""

    name = "sikerja.audit"
    label = "audit"
