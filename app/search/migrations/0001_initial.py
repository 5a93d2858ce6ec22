"""The search app's shared tables (PostgreSQL: statistics, terms, postings, functions).

Per-model triggers are generated from each model's declaration and installed after every
migrate (app/search/install.py); this migration only makes what they all share.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from app.search.backends.postgres import install_schema

        with schema_editor.connection.cursor() as cursor:
            install_schema(cursor)
    elif schema_editor.connection.vendor == "sqlite":
        from app.search.backends.sqlite_schema import VERSION_TABLE

        schema_editor.execute(VERSION_TABLE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "DROP TABLE IF EXISTS search_posting, search_term, search_stats, search_version"
        )
    else:
        schema_editor.execute("DROP TABLE IF EXISTS search_version")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(forwards, backwards)]
