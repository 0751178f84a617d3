"""Schemathesis over the service's own OpenAPI: every operation, with an admin key, against the
real service and graph, bounded in examples. No answer may be a server error, and every answer
must match the schema the OpenAPI declares for its status (body and content type).

The probe's run (7,601 requests over 19 operations) found none; this keeps it so in make test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from graph_schema.graph import Graph
from service.app import create_app
from service.settings import Settings
from tests.conftest import Backend, Service, make_key
from tests.service.world import load_world

# Examples per operation (valid and invalid input): ~30 operations, about a minute on two cores.
EXAMPLES = 25
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]

# One test per operation, named by it. The app's OpenAPI is built without a graph; the test
# itself reads the running service's. (schemathesis' own pytest plugin does not run on
# pytest 9.2: it reads a node attribute pytest no longer has.)
OPERATIONS = [
    f"{method.upper()} {path}"
    for path, item in create_app(Settings()).openapi()["paths"].items()
    for method in item
]


@pytest.fixture(scope="module")
def admin_key(backend: Backend) -> str:
    return make_key(backend.config, "admin", "schemathesis-admin")


@pytest.fixture(scope="module")
def api_schema(service: Service, graph: Graph) -> Iterator[schemathesis.BaseSchema]:
    load_world(service, graph)  # ids that exist, so generated ones sometimes hit
    yield schemathesis.openapi.from_url(f"{service.url}/openapi.json")


def operation(schema: schemathesis.BaseSchema, label: str) -> schemathesis.APIOperation:
    for result in schema.get_all_operations():
        found = result.ok()
        if found.label == label:
            return found
    raise AssertionError(f"{label} is not in the service's OpenAPI")


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_error_and_no_schema_violation(
    label: str, api_schema: schemathesis.BaseSchema, service: Service, admin_key: str
) -> None:
    op = operation(api_schema, label)
    cases = st.one_of(
        op.as_strategy(GenerationMode.POSITIVE), op.as_strategy(GenerationMode.NEGATIVE)
    )

    statuses: list[int] = []

    @given(case=cases)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        answer = case.call_and_validate(
            base_url=service.url,
            headers={"Authorization": f"Bearer {admin_key}"},
            checks=CHECKS,
            timeout=60,
        )
        statuses.append(answer.status_code)

    run()
    # It did call the service (an operation without parameters has one case only).
    assert statuses, label
