"""Penugasan: direct appointments and voluntary applications, run by the workflow engine."""
