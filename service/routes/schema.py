from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from loaders.models import SCHEMA_PATH, document_json_schema

router = APIRouter(tags=["documents"])

# The schema's head as the example ("Try it out" shows the whole): its properties and $defs
# are the models' own, listed in docs/FORMAT.md.
_EXAMPLE = {k: v for k, v in document_json_schema().items() if k not in ("properties", "$defs")}


@router.get(
    SCHEMA_PATH,
    summary="The document format (docs/FORMAT.md) as JSON Schema",
    description="What `kg extract` prints and `POST /documents/extracted` and `kg ingest` "
    "load, generated from the models that validate it.",
    response_class=JSONResponse,
    responses={
        200: {
            "content": {
                "application/schema+json": {"example": _EXAMPLE},
                "application/json": {"example": _EXAMPLE},
            }
        }
    },
)
def read_document_schema() -> JSONResponse:
    return JSONResponse(document_json_schema(), media_type="application/schema+json")
