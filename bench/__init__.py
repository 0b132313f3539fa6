"""Benchmarks that print numbers beside the obvious alternative. Run with ``make bench``."""
