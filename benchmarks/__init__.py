"""Benchmarks and reliability trials of the `creatives` command; run `python -m benchmarks`."""
