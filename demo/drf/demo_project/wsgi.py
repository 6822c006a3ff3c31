"""WSGI entry point of the DRF demo."""
import os
import sys
from pathlib import Path

_here = str(Path(__file__).resolve().parent.parent)
if _here not in sys.path:
    sys.path.insert(0, _here)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo_project.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

from demo_project.database import prepare  # noqa: E402

prepare()
