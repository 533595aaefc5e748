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

CATEGORIES: tuple[str, ...] = get_args(Category)
GROUPS: tuple[str, ...] = get_args(Group)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
