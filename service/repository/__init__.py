"""The repository: runs named statements from graph_schema and returns the API's models.

Routes call one function here; no Cypher text is written outside graph_schema.
"""
