"""Built-in stages, one module per concept; importing this package registers them all.

Each stage is a ``Document -> Document`` step with ``requires`` / ``assigns`` (see
:mod:`bilan.pipeline`). Default order (``bilan.config.DEFAULT_STAGES``):

numbers → entities → attribution → dates → places → counts → access → quotes → actors → events
"""

from bilan.stages import (  # noqa: F401
    access,
    actors,
    attribution,
    counts,
    dates,
    entities,
    events,
    numbers,
    places,
    quotes,
)
