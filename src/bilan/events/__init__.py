"""Events: one typed record per incident an article reports (ACLED types, disasters, displacement).

* :mod:`bilan.events.rules`     the typing rules of ``lang/fr/events.yaml`` and the trigger matcher
* :mod:`bilan.events.detect`    sentences → candidate events (triggers, counts)
* :mod:`bilan.events.merge`     continuations and repeated mentions → one event per incident
* :mod:`bilan.events.assemble`  actors, place, date, fatalities and sources of an event
"""
