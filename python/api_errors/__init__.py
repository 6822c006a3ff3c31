"""drf-api-errors: one JSON error envelope, with a correlation id, for every failed request.

Settings name the pieces by module (``api_errors.handlers.exception_handler``,
``api_errors.middleware.CorrelationIdMiddleware``, ...); the helpers a view calls are here.
"""
from .forms import AjaxFormMixin, form_error_response
from .middleware import get_correlation_id
from .responses import error_response

__version__ = "0.1.0"
__all__ = ["AjaxFormMixin", "error_response", "form_error_response", "get_correlation_id", "__version__"]
