"""Curation of the graph's entities by an analyst: merge, split, rename, undo (changes.py), the
region of the graph a change rewrites (region.py), what each change makes of it (edits.py), and
the candidate pairs linking left to decide (candidates.py)."""
