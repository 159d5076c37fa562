from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sikerja.accounts"
    label = "accounts"
