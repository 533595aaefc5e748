"""Events: one typed record per incident an article reports (ACLED types, disasters, displacement).

* :mod:`bilan.events.rules`      the typing rules of ``lang/fr/events.yaml`` and the trigger matcher
* :mod:`bilan.events.anchors`    which rules can match a sentence (speed)
* :mod:`bilan.events.reality`    negated, wanted, denied, descriptive or cited triggers
* :mod:`bilan.events.background` tallies, time windows, pluperfect and quoted mentions
* :mod:`bilan.events.detect`     sentences → candidate events (triggers, counts, combinations)
* :mod:`bilan.events.merge`      continuations, parts and repeated mentions → one event per incident
* :mod:`bilan.events.initiator`  actor1 read off the event word (authors, crowds, arresting force)
* :mod:`bilan.events.participants` actors and sources of an event
* :mod:`bilan.events.assemble`   type, place, date (with fallbacks), fatalities of an event
"""
