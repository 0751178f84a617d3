"""API keys over HTTP, for admins (the command line does the same: kg keys …)."""

from __future__ import annotations

from fastapi import APIRouter, Path, Request, status

from service.audit import Action, AuditDep
from service.deps import GraphDep
from service.repository import access as repo
from service.routes.common import NAME_TAKEN, STORAGE_FULL, errors
from service.schemas import Page
from service.schemas_access import ApiKeyIn, ApiKeyInfo, NewApiKey

router = APIRouter(prefix="/keys", tags=["keys"])


@router.post(
    "",
    response_model=NewApiKey,
    status_code=status.HTTP_201_CREATED,
    summary="Create an API key; the answer is the only time the key is shown",
    responses={**errors(400, 422, 503, also=(STORAGE_FULL,)), 409: NAME_TAKEN},
)
def create_key(body: ApiKeyIn, graph: GraphDep, audit: AuditDep) -> NewApiKey:
    audit.start(Action.KEY_CREATE, [body.name] if body.name else [])
    created = repo.create_key(graph, body.role, body.name)
    audit.targets = [created.name]
    audit.message = f"role {created.role.value}"
    return created


@router.get(
    "",
    response_model=Page[ApiKeyInfo],
    summary="The API keys (names, roles, first characters; never the keys)",
    responses=errors(503, 504),
)
def list_keys(graph: GraphDep) -> Page[ApiKeyInfo]:
    return Page(items=repo.list_keys(graph), next_cursor=None)


@router.delete(
    "/{name}",
    response_model=ApiKeyInfo,
    summary="Revoke an API key",
    description="Other service processes stop accepting it within KG_KEY_CACHE_S seconds.",
    responses=errors(404, 422, 503, not_found="no key named 'ci'", also=(STORAGE_FULL,)),
)
def revoke_key(
    request: Request, graph: GraphDep, audit: AuditDep, name: str = Path(min_length=1)
) -> ApiKeyInfo:
    audit.start(Action.KEY_REVOKE, [name])
    revoked = repo.revoke_key(graph, name)
    request.app.state.access.keys.forget(revoked.name)
    return revoked
