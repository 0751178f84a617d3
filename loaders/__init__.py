"""loaders: spaCy extraction, resolution to canonical keys, and batched writing into the graph."""
