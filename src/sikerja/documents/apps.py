from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "sikerja.documents"
    label = "documents"
    verbose_name = "Naskah dinas"
