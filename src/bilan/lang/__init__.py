"""Language knowledge as data, one sub-package per language."""
