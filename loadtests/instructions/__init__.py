"""The instruction-count gate: what one request of each hot path costs in CPU instructions,
counted in-process by valgrind's callgrind and checked against budgets.toml (README.md)."""
