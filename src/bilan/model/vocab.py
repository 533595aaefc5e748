"""Closed vocabularies of GOLD.md §1 as Literal types and tuples."""

from typing import Literal, get_args

Category = Literal[
    "killed",
    "injured",
    "missing",
    "kidnapped",
    "arrested",
    "displaced",
    "evacuated",
    "affected",
    "population",
]
Group = Literal[
    "people",
    "civilians",
    "children",
    "women",
    "men",
    "security_forces",
    "armed_groups",
    "journalists",
    "aid_workers",
    "protesters",
    "migrants",
    "other",
]
Qualifier = Literal[
    "exact",
    "at_least",
    "more_than",
    "about",
    "up_to",
    "less_than",
    "range",
    "vague",
]

#: what an access fact is about (issue 12): a siege, people trapped, aid stocks or convoys,
#: humanitarian access, a corridor
AccessKind = Literal["siege", "trapped", "aid_stock", "aid_convoy", "access", "corridor"]
#: what the text says of it: still on, over, asked for, ready, allowed, done, refused
AccessStatus = Literal["ongoing", "ended", "requested", "ready", "granted", "delivered", "denied"]

CATEGORIES: tuple[str, ...] = get_args(Category)
GROUPS: tuple[str, ...] = get_args(Group)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
ACCESS_KINDS: tuple[str, ...] = get_args(AccessKind)
ACCESS_STATUSES: tuple[str, ...] = get_args(AccessStatus)
