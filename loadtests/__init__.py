"""QuickScale load tests: Locust suites, budgets, and the `just loadtest` runner."""
