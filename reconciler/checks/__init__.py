"""Checks generated from the shipped schemas by `python -m reconciler.schema_check`."""
