"""docker-compose.yml cannot run here (no Docker engine); check that it says what it must."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_neo4j_5_with_healthcheck_and_volumes() -> None:
    neo4j = compose()["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5")
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    mounts = {m.split(":")[1] for m in neo4j["volumes"]}
    assert {"/data", "/logs"} <= mounts
    assert all(port.startswith("127.0.0.1:") for port in neo4j["ports"])


def test_service_waits_for_healthy_neo4j_and_is_configured_by_kg_neo4j() -> None:
    service = compose()["services"]["newsgraph"]
    assert service["build"] == "."
    assert service["depends_on"]["neo4j"]["condition"] == "service_healthy"
    env = service["environment"]
    assert env["KG_NEO4J_URI"] == "bolt://neo4j:7687"
    assert {"KG_NEO4J_USER", "KG_NEO4J_PASSWORD", "KG_NEO4J_DATABASE"} <= set(env)
    assert "/health" in " ".join(service["healthcheck"]["test"])


def test_dockerfile_installs_the_project_and_serves() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "FROM python:3.11" in text and "pip install ." in text
    assert 'CMD ["kg", "serve"]' in text
