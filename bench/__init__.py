"""Benchmarks for the clinic portal; run ``python bench/run.py`` (see README.md)."""
