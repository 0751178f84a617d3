"""Linking: every incoming entity matched against the graph before it is written, so that
one thing told of by many documents is one node (see loaders/linking/link.py)."""
