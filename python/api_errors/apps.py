"""The Django app: with ``api_errors`` in ``INSTALLED_APPS``, the drf-spectacular hook is importable,
the package's translations are found, and ``manage.py check`` checks its setup."""
from django.apps import AppConfig


class ApiErrorsConfig(AppConfig):
    name = "api_errors"
    verbose_name = "API errors"

    def ready(self) -> None:
        from . import checks
        from .settings import api_settings

        checks.register()
        # Read and validate API_ERRORS once, at start-up; what is wrong is reported by the checks.
        api_settings.load()
