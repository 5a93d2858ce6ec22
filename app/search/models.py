"""No Django models: the search tables are made by SQL (migrations/0001, install.py).

This module exists so Django sends post_migrate for this app, which installs the triggers.
"""
