"""Reproducible speed and memory measurements (`make bench`, never part of `make test`).

Every figure is a ratio or a rate measured in one run on the same texts, because the machine is
shared: absolute times vary with the load, ratios measured side by side vary much less.
"""
