"""The workflow engine: definitions from packs, instances, steps and decisions."""
