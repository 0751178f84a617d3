"""docker-compose.yml and the Dockerfile cannot run here (no Docker engine); check what they say.

The Neo4j 5 image turns every NEO4J_* variable of the container, but a few it reads itself,
into a neo4j.conf setting (NEO4J_x_y__z -> x.y_z), and Neo4j 5 refuses to start on a setting it
does not know (neo4j/docker-neo4j#403: a NEO4J_PASSWORD for the healthcheck kept the service
from ever starting, and wrote the password into neo4j.conf). The test renders the settings the
entrypoint would write and checks each against the list taken from the Neo4j 5 manual.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = Path(__file__).with_name("neo4j5_settings.txt")
PASSWORD = "s3cret-test-pw"

# The variables the image's docker-entrypoint.sh reads itself and never writes to neo4j.conf
# (its `not_configs` list in the Neo4j 5 image).
ENTRYPOINT_VARIABLES = {
    "NEO4J_ACCEPT_LICENSE_AGREEMENT",
    "NEO4J_AUTH",
    "NEO4J_AUTH_PATH",
    "NEO4J_DEBUG",
    "NEO4J_EDITION",
    "NEO4J_HOME",
    "NEO4J_PLUGINS",
    "NEO4J_SHA256",
    "NEO4J_TARBALL",
}


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def known_settings() -> set[str]:
    lines = SETTINGS.read_text(encoding="utf-8").splitlines()
    return {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}


def interpolate(value: object, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:?message}, ${VAR:-default} and $$, with `env` as the .env file."""

    def one(match: re.Match[str]) -> str:
        if match.group(0) == "$$":  # an escaped dollar, left for the container's shell
            return "$"
        name, _, rest = match.group(1).partition(":")
        if name in env:
            return env[name]
        return rest[1:] if rest.startswith("-") else ""

    return re.sub(r"\$\$|\$\{([^}]+)\}", one, str(value))


def rendered_settings(environment: dict[str, object], env: dict[str, str]) -> dict[str, str]:
    """What the Neo4j 5 entrypoint writes to neo4j.conf from the container's environment."""
    settings = {}
    for name, raw in environment.items():
        if not name.startswith("NEO4J_") or name in ENTRYPOINT_VARIABLES:
            continue
        value = interpolate(raw, env)
        if not value:  # the entrypoint skips empty values
            continue
        setting = name.removeprefix("NEO4J_").replace("_", ".").replace("..", "_")
        settings[setting] = value
    return settings


def neo4j_environment() -> dict[str, object]:
    return compose()["services"]["neo4j"]["environment"]


def test_the_entrypoint_turns_variables_into_settings_as_neo4j_does() -> None:
    rendered = rendered_settings(
        {
            "NEO4J_server_memory_heap_initial__size": "512m",
            "NEO4J_dbms_security_allow__csv__import__from__file__urls": "false",
            "NEO4J_AUTH": "neo4j/x",
            "NEO4J_EMPTY": "",
        },
        {},
    )
    assert rendered == {
        "server.memory.heap.initial_size": "512m",
        "dbms.security.allow_csv_import_from_file_urls": "false",
    }


def test_every_neo4j_variable_of_the_compose_file_is_a_known_setting() -> None:
    rendered = rendered_settings(neo4j_environment(), {"NEO4J_PASSWORD": PASSWORD})
    unknown = sorted(set(rendered) - known_settings())
    assert unknown == [], f"Neo4j 5 would refuse to start: unknown settings {unknown}"
    # The settings the project relies on are there.
    assert rendered["dbms.security.allow_csv_import_from_file_urls"] == "false"
    assert rendered["db.transaction.timeout"] == "120s"


def test_a_variable_meant_for_the_healthcheck_would_fail_the_check() -> None:
    # The bug of neo4j/docker-neo4j#403, as the compose file had it.
    rendered = rendered_settings({"NEO4J_PASSWORD": "${NEO4J_PASSWORD}"}, {"NEO4J_PASSWORD": "x"})
    assert set(rendered) - known_settings() == {"PASSWORD"}


def test_the_password_stays_out_of_neo4j_conf() -> None:
    environment = neo4j_environment()
    assert interpolate(environment["NEO4J_AUTH"], {"NEO4J_PASSWORD": PASSWORD}) == (
        f"neo4j/{PASSWORD}"
    )
    rendered = rendered_settings(environment, {"NEO4J_PASSWORD": PASSWORD})
    assert all(PASSWORD not in value for value in rendered.values())
    assert not any("password" in setting for setting in rendered)


def test_the_healthcheck_reads_the_password_from_neo4j_auth() -> None:
    neo4j = compose()["services"]["neo4j"]
    [kind, command] = neo4j["healthcheck"]["test"]
    assert kind == "CMD-SHELL" and "cypher-shell" in command
    shell = interpolate(command, {})
    assert '"${NEO4J_AUTH#neo4j/}"' in shell  # the container's variable, at check time
    assert "-p" not in shell.split()  # not on cypher-shell's command line


def test_neo4j_5_with_volumes_on_loopback_ports() -> None:
    neo4j = compose()["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5")
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


# -- the image -----------------------------------------------------------------------------------


def dockerfile_lines() -> list[str]:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def test_the_image_installs_dependencies_before_the_source_is_copied() -> None:
    lines = dockerfile_lines()
    deps = next(i for i, line in enumerate(lines) if "pip install -r" in line)
    first_source = next(i for i, line in enumerate(lines) if line.startswith("COPY graph_schema"))
    project = next(i for i, line in enumerate(lines) if "pip install --no-deps ." in line)
    copies_before = [line for line in lines[:deps] if line.startswith("COPY")]
    assert copies_before == ["COPY pyproject.toml README.md ./"]
    assert deps < first_source < project
    assert 'CMD ["kg", "serve"]' in lines and lines[0].startswith("FROM python:3.11")


def test_the_image_leaves_the_embedded_server_out() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    base = config["project"]["dependencies"]
    assert not any(dep.startswith("arcadedb-embedded") for dep in base)
    assert any(
        d.startswith("arcadedb-embedded")
        for d in config["project"]["optional-dependencies"]["embedded"]
    )
    text = " ".join(dockerfile_lines())
    assert "['project']['dependencies']" in text  # the base dependencies only
    assert "[embedded" not in text and "arcadedb" not in text
    assert "'.[embedded,test]'" in (ROOT / "Makefile").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["db", "start"], ["serve"]])
def test_without_the_embedded_package_the_embedded_path_says_so(
    tmp_path: Path, command: list[str]
) -> None:
    import os
    import subprocess
    import sys

    # As the image is: the package cannot be imported (a None in sys.modules hides it).
    hidden = (
        "import sys; sys.modules['arcadedb_embedded'] = None; "
        "from service.cli import app; app(sys.argv[1:])"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env["KG_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-c", hidden, *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "the embedded graph server is not installed" in done.stderr
    assert "newsgraph[embedded]" in done.stderr and "KG_NEO4J_URI" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "data" / "server.pid").exists()
