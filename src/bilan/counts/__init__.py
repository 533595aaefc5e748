"""Counts of people affected: numbers, counted nouns, categories, subsets and their links.

The `numbers` and `counts` stages (:mod:`bilan.stages.numbers`, :mod:`bilan.stages.counts`) are
thin wrappers over this package, split by concept:

- :mod:`~bilan.counts.numerals`: French numbers → NumberMention (value, low/high, qualifier)
- :mod:`~bilan.counts.lexicon`: the typed view of ``lang/fr/counts.yaml``
- :mod:`~bilan.counts.nouns`: the counted noun, its group, and the traps that are not counts
- :mod:`~bilan.counts.category`: what happened, from the dependency parse (plus hedging)
- :mod:`~bilan.counts.agents`: perpetrator and cause
- :mod:`~bilan.counts.subsets`: ``part_of`` ("dont", "parmi eux", splits of a total)
- :mod:`~bilan.counts.linking`: source, period, place, origin and destination
"""
