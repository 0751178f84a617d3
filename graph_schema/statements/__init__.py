"""Every Cypher statement of the project, as named, parameterised constants, grouped by subject.

Labels and relation types are interpolated only from graph_schema.vocabulary; every value is a
$parameter. Where Neo4j and ArcadeDB need different text, `Statement.arcadedb` holds the variant.
"""
