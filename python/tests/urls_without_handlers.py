"""The test project's URLs without the README's handler400/403/404/500 lines."""
from .urls import urlpatterns  # noqa: F401
