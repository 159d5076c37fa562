"""The one way the UI writes dates, per language (`FORMAT_MODULE_PATH`): "5 Desember 2026".

Templates write `{{ day|date }}` and `{{ moment|date:"DATETIME_FORMAT" }}`, never a pattern of
their own, so every page, letter list and notification shows a date the same way.
"""
