"""Articles from the web: pages (`fetch`, `page`), RSS/Atom feeds and what they have already
given (`feeds`), and syndicated copies of one story (`syndication`).

Each source ends as the same `loaders.ingest.Article` a file becomes (text, and metadata with
the URL), so `kg ingest URL…`, `kg ingest --feed`, `kg watch` and `POST /documents {"url"}`
load it through the one pipeline.
"""
