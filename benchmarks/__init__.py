"""Benchmarks at the scale the design promises (`make bench`); never timed assertions in tests/."""
