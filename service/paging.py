"""One paging scheme for every list: `limit` and an opaque `cursor` (the next page's offset)."""

from __future__ import annotations

import base64
import binascii
import json

from graph_schema.errors import InvalidInputError


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        offset = json.loads(base64.urlsafe_b64decode(padded.encode()))["o"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise InvalidInputError("cursor is not one this service handed out") from None
    if not isinstance(offset, int) or offset < 0:
        raise InvalidInputError("cursor is not one this service handed out")
    return offset


def next_cursor(offset: int, limit: int, fetched: int) -> str | None:
    """Statements fetch limit + 1 rows; a surplus row means there is a next page."""
    return encode_cursor(offset + limit) if fetched > limit else None
