"""The demo's database: SQLite in memory, made at start-up, with the user demo / demo."""
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection


def prepare():
    """Create the tables and the demo user. The connection of the calling thread stays open:
    the in-memory database lives as long as one connection to it does."""
    call_command("migrate", interactive=False, verbosity=0)
    users = get_user_model()
    if not users.objects.filter(username="demo").exists():
        users.objects.create_user("demo", password="demo")
    connection.ensure_connection()
