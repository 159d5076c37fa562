"""Append-only, hash-chained audit log of every service write, one chain per government."""
