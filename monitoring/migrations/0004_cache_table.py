"""The database cache's table (figures between changes), made by migrate so that no setup
step can forget it; a no-op when CACHE_URL points elsewhere."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0003_constraint_messages")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
