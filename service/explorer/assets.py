"""Where the explorer's files come from: the page we wrote, and the graph library as shipped in
the installed pyvis package (never a CDN, never a copy in this repository)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"

# pyvis ships vis-network's standalone build (it bundles its DataSet); 9.1.2 is its newest copy.
_VIS_DIR = ("lib", "vis-9.1.2")
VENDOR_FILES = {"vis-network.min.js": "text/javascript", "vis-network.css": "text/css"}

MEDIA_TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


@dataclass(frozen=True)
class Asset:
    path: Path
    media_type: str


def vendor_asset(name: str) -> Asset | None:
    """A file of the graph library, resolved inside the installed pyvis package."""
    if name not in VENDOR_FILES:
        return None
    path = Path(str(resources.files("pyvis").joinpath(*_VIS_DIR, name)))
    return Asset(path, VENDOR_FILES[name]) if path.is_file() else None


def static_asset(relative: str) -> Asset | None:
    """A file of the page (HTML, JS modules, CSS) under static/, refusing paths that leave it.

    Anything the file system cannot even look up (a NUL byte, a name too long) is no file of
    ours either: None, so the route answers 404 rather than failing with a 500.
    """
    if "\x00" in relative:
        return None
    try:
        path = (STATIC_DIR / relative).resolve()
        if not path.is_relative_to(STATIC_DIR) or not path.is_file():
            return None
    except (OSError, ValueError):
        return None
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    return Asset(path, media_type) if media_type else None
