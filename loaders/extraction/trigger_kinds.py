"""The kinds of trigger words (each pack's triggers.tsv lists its words for each kind)."""

from __future__ import annotations

from enum import StrEnum


class TriggerKind(StrEnum):
    """What a trigger word says; relation rules read a sentence by the kinds it holds."""

    VISIT = "visit"  # a visit or trip
    MEET = "meet"  # talks, a meeting, a reception
    PLAN = "plan"  # plan, build, set up
    OPERATE = "operate"  # run, produce at, open an existing site
    ORDER = "order"  # instruct, order, propose
    INVEST = "invest"  # invest, finance, subsidise
    OWN = "own"  # owned by, brand of, subsidiary of
    FOUND = "found"  # founded in, headquartered in, based in
    FUTURE = "future"  # marks an announced event
    LEAD = "lead"  # a delegation led by
    REPORT = "report"  # "X reports" (media outlets)
    CONSTRUCT = "construct"  # the site is being built
    OPEN = "open"  # the site was opened or works
    PRODUCT = "product"  # what a plant makes ("MAN trucks")
    RECEIVE = "receive"  # a host receives a guest
    NOT_RECEIVE = "not_receive"  # words after "принял" that make it no reception
    SIDES = "sides"  # "the parties": both sides of the last meeting or visit
    DISCUSS = "discuss"  # what the sides do together
    SITE = "site"  # a site or land for a plant, or preparing one
    SIGN = "sign"  # signing an agreement
    INAUGURATE = "inaugurate"  # opening a plant or laying its foundation stone
    ATTEND = "attend"  # taking part in an event
    BUILT = "built"  # the site has been built
    EXPORT = "export"  # goods sent elsewhere or a market
    EXECUTE = "execute"  # a project or its works carried out (by a builder or contractor)
    BRIEF = "brief"  # someone briefs or tells a visitor ("briefed the President", "рассказал")
    CONTRACT = "contract"  # a contract or order for works ("EPC contract", "Auftrag", "контракт")
    CLIENT = "client"  # the client a plant is built for ("Auftraggeber", "по заказу", "customer")

    @property
    def verbal(self) -> bool:
        """Its words are verbs or verbal nouns (not "product", "future" ...): a word of such a
        kind ends a noun phrase and opens a clause."""
        return self in _VERBAL


_VERBAL = frozenset(
    {
        TriggerKind.VISIT,
        TriggerKind.MEET,
        TriggerKind.PLAN,
        TriggerKind.OPERATE,
        TriggerKind.ORDER,
        TriggerKind.INVEST,
        TriggerKind.CONSTRUCT,
        TriggerKind.OPEN,
        TriggerKind.RECEIVE,
        TriggerKind.EXECUTE,
    }
)
