"""The domain's questions as named statements: who visited whom, who plans plants where."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import edge, evidence, node
from graph_schema.vocabulary import ENTITY_LABEL, EntityType, RelationType

# How far a plant's place may sit inside the place asked for (plant → city → region → country).
MAX_PLACE_DEPTH = 4

_VISITED = RelationType.VISITED.value
_LOCATED_IN = RelationType.LOCATED_IN.value
_PLANT_RELATIONS = f"{RelationType.PLANS.value}|{RelationType.OPERATES.value}"

VISITS = Statement(
    "VISITS",
    f"""
    MATCH (v:{ENTITY_LABEL})-[r:{_VISITED}]->(h:{ENTITY_LABEL})
    WHERE ($visitor IS NULL OR v.id = $visitor)
      AND ($host IS NULL OR h.id = $host)
      AND ($status IS NULL OR r.status = $status)
      AND (($date_from IS NULL AND $date_to IS NULL)
           OR any(day IN r.seen_dates WHERE ($date_from IS NULL OR day >= $date_from)
                                         AND ($date_to IS NULL OR day <= $date_to)))
    RETURN {node("v")} AS visitor, {node("h")} AS host, {edge("r")} AS relation,
           {evidence("r")} AS evidence
    ORDER BY r.last_seen DESC, r.id
    SKIP $skip LIMIT $limit
    """,
)

# A plant's status: what the text said about the plant, else what the relation implies.
_STATUS = (
    f"coalesce(p.status, CASE type(r) WHEN '{RelationType.OPERATES.value}' "
    "THEN 'operating' ELSE 'planned' END)"
)

PLANTS = Statement(
    "PLANTS",
    f"""
    MATCH (c:{EntityType.ORGANIZATION.value})-[r:{_PLANT_RELATIONS}]->(p:{EntityType.PLANT.value})
    WHERE ($company IS NULL OR c.id = $company)
      AND ($place IS NULL OR EXISTS {{
            MATCH (p)-[:{_LOCATED_IN}*1..{MAX_PLACE_DEPTH}]->(:{ENTITY_LABEL} {{id: $place}})
          }})
    WITH c, r, p, {_STATUS} AS status
    WHERE $status IS NULL OR status = $status
    RETURN {node("c")} AS company, {node("p")} AS plant, {edge("r")} AS relation, status,
           [(p)-[:{_LOCATED_IN}]->(l:{ENTITY_LABEL}) | {node("l")}] AS located_in,
           p.product AS product, p.capacity AS capacity, p.investment AS investment
    ORDER BY c.name, p.name, r.id
    SKIP $skip LIMIT $limit
    """,
)
