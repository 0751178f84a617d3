"""The domain's questions as named statements: who visited whom, who plans plants where.

Each question has a statement per way in: from the entity asked about (an index lookup, then
its own relations), or over every relation of the type when nothing is given. A
`$x IS NULL OR v.id = $x` filter would make the database scan every VISITED relation even
when the visitor is known. Rows are sorted on the bare relations first and projected after
SKIP/LIMIT, so only one page of evidence lists is ever built.
"""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import edge, evidence, node
from graph_schema.vocabulary import ENTITY_LABEL, EntityType, RelationType

# How far a plant's place may sit inside the place asked for (plant → city → region → country).
MAX_PLACE_DEPTH = 4

_VISITED = RelationType.VISITED.value
_LOCATED_IN = RelationType.LOCATED_IN.value
_PLANT_RELATIONS = f"{RelationType.PLANS.value}|{RelationType.OPERATES.value}"

_VISIT_FILTER = """
      ($status IS NULL OR r.status = $status)
      AND (($date_from IS NULL AND $date_to IS NULL)
           OR any(day IN r.seen_dates WHERE ($date_from IS NULL OR day >= $date_from)
                                         AND ($date_to IS NULL OR day <= $date_to)))
"""

_VISIT_PAGE = f"""
    WITH r ORDER BY r.last_seen DESC, r.id SKIP $skip LIMIT $limit
    WITH r, startNode(r) AS v, endNode(r) AS h
    RETURN {node("v")} AS visitor, {node("h")} AS host, {edge("r")} AS relation,
           {evidence("r")} AS evidence
    ORDER BY r.last_seen DESC, r.id
"""


def _visits(name: str, match: str) -> Statement:
    return Statement(name, f"{match}\n    WHERE {_VISIT_FILTER}\n{_VISIT_PAGE}")


# Newest first. $visitor and $host are both passed; a statement uses those it starts from.
VISITS = _visits("VISITS", f"MATCH (:{ENTITY_LABEL})-[r:{_VISITED}]->(:{ENTITY_LABEL})")
VISITS_BY_VISITOR = _visits(
    "VISITS_BY_VISITOR",
    f"""
    MATCH (:{ENTITY_LABEL} {{id: $visitor}})-[r:{_VISITED}]->(h:{ENTITY_LABEL})
    WITH r, h WHERE $host IS NULL OR h.id = $host
    WITH r""",
)
VISITS_BY_HOST = _visits(
    "VISITS_BY_HOST",
    # The known end is written first: ArcadeDB starts a pattern where it is written.
    f"MATCH (:{ENTITY_LABEL} {{id: $host}})<-[r:{_VISITED}]-(:{ENTITY_LABEL})",
)

# A plant's status: what the text said about the plant, else what the relation implies.
_STATUS = (
    f"coalesce(p.status, CASE type(r) WHEN '{RelationType.OPERATES.value}' "
    "THEN 'operating' ELSE 'planned' END)"
)

_IN_PLACE = f"""EXISTS {{
            MATCH (p)-[:{_LOCATED_IN}*1..{MAX_PLACE_DEPTH}]->(:{ENTITY_LABEL} {{id: $place}})
          }}"""

_PLANT_PAGE = f"""
    WITH c, r, p, {_STATUS} AS status
    WHERE $status IS NULL OR status = $status
    WITH c, r, p, status ORDER BY c.name, p.name, r.id SKIP $skip LIMIT $limit
    RETURN {node("c")} AS company, {node("p")} AS plant, {edge("r")} AS relation, status,
           [(p)-[:{_LOCATED_IN}]->(l:{ENTITY_LABEL}) | {node("l")}] AS located_in,
           p.product AS product, p.capacity AS capacity, p.investment AS investment
    ORDER BY c.name, p.name, r.id
"""

_ORG, _PLANT = EntityType.ORGANIZATION.value, EntityType.PLANT.value

# By company and plant name. $company and $place are both passed, either may be null.
PLANTS = Statement(
    "PLANTS",
    f"""
    MATCH (c:{_ORG})-[r:{_PLANT_RELATIONS}]->(p:{_PLANT})
    {_PLANT_PAGE}
    """,
)
PLANTS_BY_COMPANY = Statement(
    "PLANTS_BY_COMPANY",
    f"""
    MATCH (c:{_ORG} {{id: $company}})-[r:{_PLANT_RELATIONS}]->(p:{_PLANT})
    WHERE $place IS NULL OR {_IN_PLACE}
    {_PLANT_PAGE}
    """,
)
# From the place down: plants whose LOCATED_IN chain reaches it (plant → city → region), then
# their companies; a hub country is walked once instead of testing every plant of the graph.
PLANTS_IN_PLACE = Statement(
    "PLANTS_IN_PLACE",
    f"""
    MATCH (:{ENTITY_LABEL} {{id: $place}})<-[:{_LOCATED_IN}*1..{MAX_PLACE_DEPTH}]-(p:{_PLANT})
    WITH DISTINCT p
    MATCH (c:{_ORG})-[r:{_PLANT_RELATIONS}]->(p)
    WHERE $company IS NULL OR c.id = $company
    {_PLANT_PAGE}
    """,
)
