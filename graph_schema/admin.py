"""Statements that manage running transactions (for the watchdog); same text on both backends."""

from graph_schema.statement import Statement

FIND_TAGGED_TRANSACTIONS = Statement(
    "FIND_TAGGED_TRANSACTIONS",
    "SHOW TRANSACTIONS YIELD transactionId, currentQuery "
    "WHERE any(tag IN $tags WHERE currentQuery CONTAINS tag) "
    "RETURN transactionId",
)

TERMINATE_TRANSACTION = Statement(
    "TERMINATE_TRANSACTION",
    "TERMINATE TRANSACTION $id",
)

PING = Statement("PING", "RETURN 1 AS ok")
