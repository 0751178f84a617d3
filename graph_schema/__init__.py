"""graph_schema: labels, relation types, constraints, indexes, the Cypher, the driver."""
