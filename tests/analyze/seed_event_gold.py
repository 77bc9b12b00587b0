"""Gold events of the five seed articles (../shared/seeds), annotated by hand from their texts.

Each event is named by a few words of its clause (``locator``, found in the cleaned text at run
time: no sentence is copied here) and the trigger word inside them, with the date the article's
words give it, at the granularity they give:

- "2023-12-20", "2023-11", "2023": the day, month or year;
- "<=2023-12-18": on or before that day (a past perfect, "earlier", a past event under a dated
  reporting clause: "Axios reported on Monday that Barnea had met Burns");
- "<=pub": nothing in the clause or its reporting clause dates it; the article reports it as
  done, so it happened by the day the article appeared (PUBLISHED: the days it may have).

Events are what an analyst would list: actions that took place (meetings, attacks, demands,
releases); statements are quotes, and plans, conditions and denials of events are left out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GoldEvent:
    locator: str  # a few words of the event's clause, first occurrence in the text
    trigger: str  # the word among them that names the event
    date: str


# The days each article may have appeared: what a "<=pub" gold date is counted against.
# 000: AFP, the day Haniyeh arrived in Cairo (Wednesday 20 December 2023); 001: the day after
# the Thursday talks in Cairo and Doha of 24 October 2024, or the next; 002: a rewrite of the
# wires of 20 December 2023; 003: its own date line; 004: Saturday 9 March 2024.
PUBLISHED: dict[str, tuple[str, ...]] = {
    "000": ("2023-12-20",),
    "001": ("2024-10-24", "2024-10-25", "2024-10-26"),
    "002": ("2023-12-20", "2023-12-21"),
    "003": ("2024-12-02",),
    "004": ("2024-03-09",),
}

GOLD: dict[str, tuple[GoldEvent, ...]] = {
    "000": (
        GoldEvent("travelled to Egypt", "travelled", "2023-12-20"),
        GoldEvent("arrived in Cairo", "arrived", "<=pub"),
        GoldEvent("earlier met Iranian", "met", "<=pub"),
        GoldEvent("twice sent his spy chief", "sent", "<=2023-12-19"),
        GoldEvent("had met CIA director", "met", "<=2023-12-18"),
        GoldEvent("helped broker a week-long truce", "broker", "2023-11"),
        GoldEvent("hostages were freed", "freed", "2023-11"),
        GoldEvent("burst out of Gaza", "burst", "2023-10-07"),
        GoldEvent("killing around", "killing", "2023-10-07"),
        GoldEvent("abducting about", "abducting", "2023-10-07"),
        GoldEvent("began a campaign of bombardment", "began", "<=pub"),
        GoldEvent("have killed 19", "killed", "<=pub"),
        GoldEvent("released video footage", "released", "<=pub"),
        GoldEvent("votes were delayed", "delayed", "<=pub"),
        GoldEvent("US vetoed", "vetoed", "<=pub"),
        GoldEvent("which urged more action", "urged", "<=pub"),
        GoldEvent("troops were expanding operations", "expanding", "2023-12-19"),
        GoldEvent("soldiers had been killed", "killed", "<=pub"),
        GoldEvent("people were killed overnight", "killed", "2023-12-20"),
        GoldEvent("has also urged it", "urged", "<=pub"),
        GoldEvent("called on Israel to take", "called", "<=pub"),
    ),
    "001": (
        GoldEvent("spy chief was dispatched", "dispatched", "2024-10-24"),
        GoldEvent("Hamas reiterated its readiness", "reiterated", "2024-10-24"),
        GoldEvent("had met with Egyptian officials", "met", "2024-10-24"),
        GoldEvent("voiced support for Egypt", "voiced", "<=pub"),
        GoldEvent("Netanyahu directed the head", "directed", "<=pub"),
        GoldEvent("meeting with Qatari leaders", "meeting", "2024-10-24"),
        GoldEvent("escalation began last October", "began", "2023-10"),
        GoldEvent("had renewed contact", "renewed", "<=pub"),
        GoldEvent("urged both Hamas", "urged", "<=pub"),
        GoldEvent("resulted in over 770", "resulted", "<=pub"),
        GoldEvent("as a shelter killed", "killed", "<=pub"),
        GoldEvent("have launched a large-scale campaign", "launched", "<=pub"),
        GoldEvent("in Lebanon killed 12", "killed", "<=pub"),
        GoldEvent("Israeli forces targeted", "targeted", "<=pub"),
        GoldEvent("has led to at least", "led", "<=pub"),
    ),
    "002": (
        GoldEvent("made a strategic visit", "visit", "2023-12-20"),
        GoldEvent("voiced a definitive rejection", "voiced", "<=pub"),
        GoldEvent("has demanded the release", "demanded", "<=pub"),
        GoldEvent("a raid by Hamas", "raid", "2023-10-07"),
        GoldEvent("has amplified its appeals", "amplified", "<=pub"),
        GoldEvent("have launched attacks", "launched", "<=pub"),
        GoldEvent("to establish a multinational force", "establish", "<=pub"),
        GoldEvent("initially postponed", "postponed", "<=pub"),
    ),
    "003": (
        GoldEvent("held talks with Egyptian", "held", "2024-12-01"),
        GoldEvent("U.S. announced a renewed", "announced", "<=pub"),
        GoldEvent("Sullivan revealed", "revealed", "<=pub"),
        GoldEvent("convened security talks", "convened", "<=pub"),
        GoldEvent("which began on October 7", "began", "2023-10-07"),
        GoldEvent("militants attacking", "attacking", "2023-10-07"),
        GoldEvent("killing 1,200", "killing", "2023-10-07"),
        GoldEvent("abducting more than", "abducting", "2023-10-07"),
        GoldEvent("has claimed over", "claimed", "<=pub"),
        GoldEvent("halting deliveries", "halting", "<=pub"),
        GoldEvent("denied obstructing", "denied", "<=pub"),
        GoldEvent("airstrikes killed at least 20", "killed", "2024-12-01"),
        GoldEvent("have reportedly targeted", "targeted", "<=pub"),
    ),
    "004": (
        GoldEvent("had met with his US counterpart", "met", "<=2024-03-09"),
        GoldEvent("Hamas left on Thursday", "left", "2024-03-07"),
        GoldEvent("is threatening to expel", "threatening", "<=pub"),
        GoldEvent("was preparing for", "preparing", "<=pub"),
        GoldEvent("called on “our people”", "called", "2024-03-08"),
    ),
}
