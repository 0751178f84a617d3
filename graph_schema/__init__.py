"""graph_schema: labels, relation types, constraints, indexes, every Cypher statement, the driver."""
