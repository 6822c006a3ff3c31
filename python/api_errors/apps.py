"""The Django app: with ``api_errors`` in ``INSTALLED_APPS``, the drf-spectacular hook is importable
and the package's translations are found."""
from django.apps import AppConfig


class ApiErrorsConfig(AppConfig):
    name = "api_errors"
    verbose_name = "API errors"
