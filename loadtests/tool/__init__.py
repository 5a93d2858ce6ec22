"""The load-test runner's parts: budgets, gate, stack, report, chart, history, capacity."""
