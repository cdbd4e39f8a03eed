"""Benchmarks: each ``bench_*.py`` module measures one stage against a baseline run in the same
process tree, so figures are ratios that hold across machines. Run: ``python -m benchmarks``."""
