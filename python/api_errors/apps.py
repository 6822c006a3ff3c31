"""The Django app: with ``api_errors`` in ``INSTALLED_APPS``, the drf-spectacular hook is importable,
the package's translations are found, and Celery tasks carry the correlation id (when installed)."""
from django.apps import AppConfig


class ApiErrorsConfig(AppConfig):
    name = "api_errors"
    verbose_name = "API errors"

    def ready(self):
        from .integrations import connect_task_integrations

        connect_task_integrations()
