"""Benchmarks that need more than the core: run from the project root with ``python -m bench.…``."""
