"""Management commands of the core app: packs."""
