"""The Django app: with ``api_errors`` in ``INSTALLED_APPS``, the drf-spectacular hook is importable,
the package's translations are found, ``manage.py check`` checks its setup, and Celery tasks
carry the correlation id (when installed)."""
from django.apps import AppConfig


class ApiErrorsConfig(AppConfig):
    name = "api_errors"
    verbose_name = "API errors"

    def ready(self) -> None:
        from . import checks
        from .integrations import connect_task_integrations
        from .settings import api_settings

        checks.register()
        # Read and validate API_ERRORS once, at start-up; what is wrong is reported by the checks.
        api_settings.load()
        connect_task_integrations()
