#!/usr/bin/env python3
"""Django's command-line utility for the jquery-api-errors DRF demo.

Run it with the demo's Python, which has drf-api-errors installed (made on first use):

    node scripts/drf-venv.mjs demo/drf/manage.py test
    node scripts/drf-venv.mjs demo/drf/manage.py spectacular --file schema.yml
"""
import os
import sys
from pathlib import Path


def main():
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo_project.settings")
    from demo_project.installed import require_api_errors

    require_api_errors()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
