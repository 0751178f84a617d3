"""GET /explore (the page) and the files it loads, all from this service."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from graph_schema.errors import NotFoundError
from service.explorer.assets import Asset, static_asset, vendor_asset

router = APIRouter(tags=["explorer"])

# The page may talk to this service only: the browser itself enforces "no external network".
# Inline styles are allowed because vis-network positions its tooltips and menus with them.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

# Our own files change with the code, so the browser revalidates them; the library is versioned.
_REVALIDATE = "no-cache"
_LIBRARY_CACHE = "public, max-age=86400"


def _file(asset: Asset | None, what: str, cache_control: str) -> FileResponse:
    if asset is None:
        raise NotFoundError(f"no explorer file {what!r}")
    return FileResponse(
        asset.path,
        media_type=asset.media_type,
        headers={"Cache-Control": cache_control, "X-Content-Type-Options": "nosniff"},
    )


@router.get(
    "/explore",
    response_class=FileResponse,
    summary="The graph explorer: search, expand, evidence, paths, export",
)
def explore_page() -> FileResponse:
    response = _file(static_asset("index.html"), "index.html", _REVALIDATE)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


@router.get("/explore/vendor/{name}", include_in_schema=False)
def explore_vendor(name: str) -> FileResponse:
    return _file(vendor_asset(name), name, _LIBRARY_CACHE)


@router.get("/explore/static/{relative:path}", include_in_schema=False)
def explore_static(relative: str) -> FileResponse:
    return _file(static_asset(relative), relative, _REVALIDATE)
