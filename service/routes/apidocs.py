"""/docs (Swagger UI) and /redoc, served with their scripts from this service.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, which a laptop without network (and
the rule of the house) does not have; the fastapi-offline package ships the same builds, and
only its files are used here, under a policy that lets the browser talk to this service only.
Swagger UI's Authorize button comes from the security schemes of the OpenAPI (service.access);
`persistAuthorization` keeps a key entered there across reloads.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from graph_schema.errors import NotFoundError

router = APIRouter(include_in_schema=False)

STATIC_FILES = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "redoc.standalone.js": "text/javascript",
    "favicon.png": "image/png",
}
# Swagger UI would send the spec to swagger.io's validator (validatorUrl null keeps it home);
# "Try it out" is open from the start, since trying is what an analyst comes for, and fills in
# each parameter's first openapi_example (service.routes.params).
SWAGGER_PARAMETERS = {
    "persistAuthorization": True,
    "displayRequestDuration": True,
    "validatorUrl": None,
    "tryItOutEnabled": True,
    "defaultModelsExpandDepth": 0,
}

# FastAPI's pages start the UI from an inline script; ReDoc runs its search in a blob worker.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)


def _static(name: str) -> Path:
    return Path(str(resources.files("fastapi_offline").joinpath("static", name)))


def _root(request: Request) -> str:
    return request.scope.get("root_path", "")


def _guarded(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return page


@router.get("/docs")
def swagger_page(request: Request) -> HTMLResponse:
    root = _root(request)
    return _guarded(
        get_swagger_ui_html(
            openapi_url=f"{root}/openapi.json",
            title="newsgraph API",
            swagger_js_url=f"{root}/docs/static/swagger-ui-bundle.js",
            swagger_css_url=f"{root}/docs/static/swagger-ui.css",
            swagger_favicon_url=f"{root}/docs/static/favicon.png",
            swagger_ui_parameters=SWAGGER_PARAMETERS,
        )
    )


@router.get("/redoc")
def redoc_page(request: Request) -> HTMLResponse:
    root = _root(request)
    return _guarded(
        get_redoc_html(
            openapi_url=f"{root}/openapi.json",
            title="newsgraph API",
            redoc_js_url=f"{root}/docs/static/redoc.standalone.js",
            redoc_favicon_url=f"{root}/docs/static/favicon.png",
            with_google_fonts=False,
        )
    )


@router.get("/docs/static/{name}")
def docs_file(name: str) -> FileResponse:
    media_type = STATIC_FILES.get(name)
    path = _static(name) if media_type else None
    if path is None or not path.is_file():
        raise NotFoundError(f"no documentation file {name!r}")
    return FileResponse(
        path,
        media_type=media_type,
        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
    )
