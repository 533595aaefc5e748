"""Cross-article reconciliation: pure functions from stored claims to incidents.

- :mod:`bilan.reconcile.keys`: name keys, cumulative-toll cues.
- :mod:`bilan.reconcile.claims`: the :class:`Claim` record and its number interval.
- :mod:`bilan.reconcile.cluster`: blocking keys and grouping claims into incidents.
- :mod:`bilan.reconcile.estimate`: low / best / high, claims by source, disagreement.
- :mod:`bilan.reconcile.flows`: displacement flows (origin → destination) merged the same way,
  with totals per origin and destination (issue 12).

Nothing here touches a database: :mod:`bilan.store.incidents` loads claims, calls
:func:`reconcile` and saves the incidents.
"""

from bilan.reconcile.claims import Claim, PlaceKey
from bilan.reconcile.cluster import blocking_key, compatible, reconcile
from bilan.reconcile.estimate import Incident, SourceFigure, estimate
from bilan.reconcile.flows import Flow, FlowClaim, FlowTotal, flow_totals, reconcile_flows
from bilan.reconcile.keys import is_cumulative, name_key

__all__ = [
    "Claim",
    "Flow",
    "FlowClaim",
    "FlowTotal",
    "Incident",
    "PlaceKey",
    "SourceFigure",
    "blocking_key",
    "compatible",
    "estimate",
    "flow_totals",
    "is_cumulative",
    "name_key",
    "reconcile",
    "reconcile_flows",
]
