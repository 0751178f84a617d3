"""One paging scheme for every list: `limit` and an opaque `cursor` (the next page's offset)."""

from __future__ import annotations

import base64
import binascii
import json

from graph_schema.errors import InvalidInputError

# Far past any list a client pages through, far below the graph's 64-bit SKIP: a cursor
# beyond it was not handed out by this service.
MAX_OFFSET = 10**9


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
    if type(offset) is not int or not 0 <= offset <= MAX_OFFSET:  # bool is an int subclass
        raise InvalidInputError(
            f"cursor is not one this service handed out (its offset must be a whole number "
            f"from 0 to {MAX_OFFSET:,})"
        )
    return offset


def next_cursor(offset: int, limit: int, fetched: int) -> str | None:
    """Statements fetch limit + 1 rows; a surplus row means there is a next page."""
    more = fetched > limit and offset + limit <= MAX_OFFSET  # never a cursor we would refuse
    return encode_cursor(offset + limit) if more else None
