"""A non-editable install (the Dockerfile's `pip install .`) ships every data file the code reads:
each one under the packages matches a package-data pattern of pyproject.toml."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch

from tests.conftest import ROOT


def test_every_data_file_of_the_packages_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["*"]
    packages = ("service", "graph_schema", "loaders")
    data = [
        path
        for package in packages
        for path in (ROOT / package).rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert ROOT / "service" / "explorer" / "static" / "favicon.svg" in data
    assert any(p.is_relative_to(ROOT / "loaders" / "extraction" / "data") for p in data)
    missing = [
        str(p.relative_to(ROOT))
        for p in data
        if not any(fnmatch(p.name, pattern) for pattern in patterns)
    ]
    assert missing == []
