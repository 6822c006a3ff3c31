"""The test project's ASGI application, for uvicorn."""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.server_settings")
application = get_asgi_application()
