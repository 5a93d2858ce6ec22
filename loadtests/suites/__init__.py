"""Locust suites, one module each: they behave like real users of the reference product."""
