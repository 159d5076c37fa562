"""Reports on individual work: who may see them (`rules`)."""
