#!/usr/bin/env python3
"""Django's command-line utility for the jquery-api-errors DRF demo.

    /usr/bin/python3 demo/drf/manage.py runserver 127.0.0.1:8001 --noreload
    /usr/bin/python3 demo/drf/manage.py test
"""
import os
import sys
from pathlib import Path


def main():
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo_project.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
