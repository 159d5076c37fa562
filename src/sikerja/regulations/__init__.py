"""Regulation packs: the regulation as data (no Django models here)."""
