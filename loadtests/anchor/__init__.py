"""The anchor: a minimal Django app every load-test run measures beside the kit.

One plain view returning JSON, served by Granian in the same shape as the kit (tool/stack.py),
configured with the same database and cache, hit by the same generator at the same pace. What
the machine does to it (a slower CPU, a busy neighbour) it does to the kit too, so budgets are
ratios to it (budgets.toml) and hold on any machine of this kind (../shared/design/perf.md).
"""
