"""System checks: ``manage.py check`` (and ``runserver``, ``migrate``...) report a setup that would
answer some errors outside the envelope or without the correlation id.

Errors (``E...``) are mistakes in ``API_ERRORS``; warnings (``W...``) are pieces of the README's
setup that are missing or replaced. A warning you mean (your own handler calling the package's,
say) is silenced with ``SILENCED_SYSTEM_CHECKS = ["api_errors.W003"]``.
"""
from typing import Any, List, Optional, Sequence

from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string

from .settings import api_settings

MIDDLEWARE = "api_errors.middleware.CorrelationIdMiddleware"
HANDLER = "api_errors.handlers.exception_handler"
CSRF_VIEW = "api_errors.views.csrf_failure"
# Middleware that may come before CorrelationIdMiddleware: it logs nothing per request, and the
# responses it answers itself (HTTPS redirects) need no correlation id.
MAY_PRECEDE = ("django.middleware.security.SecurityMiddleware",)


def _load(path: str) -> Optional[Any]:
    try:
        return import_string(path)
    except ImportError:
        return None  # Django reports a middleware or view it cannot import


def _is(path: str, expected: str) -> bool:
    """``path`` names the class or function ``expected`` names, or a subclass of that class."""
    if path == expected:
        return True
    found, wanted = _load(path), import_string(expected)
    return found is wanted or (isinstance(found, type) and isinstance(wanted, type) and issubclass(found, wanted))


def check_api_errors_setting(app_configs: Optional[Sequence[Any]] = None, **kwargs: Any) -> List[checks.CheckMessage]:
    return api_settings.problems


def check_middleware(app_configs: Optional[Sequence[Any]] = None, **kwargs: Any) -> List[checks.CheckMessage]:
    middleware = [path for path in (getattr(settings, "MIDDLEWARE", None) or []) if isinstance(path, str)]
    position = next((index for index, path in enumerate(middleware) if _is(path, MIDDLEWARE)), None)
    if position is None:
        return [checks.Warning(
            "%s is not in MIDDLEWARE: responses carry no X-Correlation-ID header, and log lines "
            "and error bodies have no correlation id to match." % MIDDLEWARE,
            hint="Add %r as the first entry of MIDDLEWARE (or right after SecurityMiddleware)." % MIDDLEWARE,
            id="api_errors.W001",
        )]
    before = [path for path in middleware[:position] if not any(_is(path, allowed) for allowed in MAY_PRECEDE)]
    if before:
        return [checks.Warning(
            "%s comes after %s in MIDDLEWARE." % (MIDDLEWARE, ", ".join(before)),
            hint="Middleware before it runs outside the request's id: what it logs, and any response "
                 "it answers itself (a redirect, a 403, its own crash), has no correlation id. Put "
                 "CorrelationIdMiddleware first, or right after SecurityMiddleware, whose HTTPS "
                 "redirects need none.",
            id="api_errors.W002",
        )]
    return []


def check_exception_handler(app_configs: Optional[Sequence[Any]] = None, **kwargs: Any) -> List[checks.CheckMessage]:
    configured = (getattr(settings, "REST_FRAMEWORK", None) or {}).get("EXCEPTION_HANDLER")
    if isinstance(configured, str) and _is(configured, HANDLER):
        return []
    if callable(configured) and configured is import_string(HANDLER):
        return []
    return [checks.Warning(
        "REST_FRAMEWORK['EXCEPTION_HANDLER'] is %r, not the package's handler: DRF's errors are "
        "not answered in the envelope." % (configured or "DRF's default"),
        hint="Set REST_FRAMEWORK = {'EXCEPTION_HANDLER': %r}. If your handler calls it, silence "
             "this with SILENCED_SYSTEM_CHECKS = ['api_errors.W003']." % HANDLER,
        id="api_errors.W003",
    )]


def _uses_django_csrf() -> bool:
    from django.middleware.csrf import CsrfViewMiddleware

    for path in getattr(settings, "MIDDLEWARE", None) or []:
        found = _load(path) if isinstance(path, str) else None
        if isinstance(found, type) and issubclass(found, CsrfViewMiddleware):
            return True
    return False


def check_csrf_failure_view(app_configs: Optional[Sequence[Any]] = None, **kwargs: Any) -> List[checks.CheckMessage]:
    if not api_settings.API_PREFIX or not _uses_django_csrf():
        return []
    view = getattr(settings, "CSRF_FAILURE_VIEW", "")
    if isinstance(view, str) and _is(view, CSRF_VIEW):
        return []
    return [checks.Warning(
        "CSRF_FAILURE_VIEW is %r: a CSRF failure under API_PREFIX is answered with Django's HTML "
        "page, not the envelope." % view,
        hint="Set CSRF_FAILURE_VIEW = %r (it answers Django's HTML page outside API_PREFIX)." % CSRF_VIEW,
        id="api_errors.W004",
    )]


def check_error_handlers(app_configs: Optional[Sequence[Any]] = None, **kwargs: Any) -> List[checks.CheckMessage]:
    if not api_settings.API_PREFIX:
        return []
    from django.urls import get_resolver

    from . import views

    try:
        resolver = get_resolver()
        missing = ["handler%d" % code for code in (400, 403, 404, 500)
                   if resolver.resolve_error_handler(code) is not getattr(views, "handler%d" % code)]
    except Exception:  # noqa: BLE001 - Django's own URL checks report a broken URLconf
        return []
    if not missing:
        return []
    return [checks.Warning(
        "%s in the root URLconf (%s) %s not the package's: a URL no route matches, or a crash "
        "outside DRF, under API_PREFIX is answered with Django's HTML page."
        % (", ".join(missing), settings.ROOT_URLCONF, "is" if len(missing) == 1 else "are"),
        hint="In %s: %s." % (settings.ROOT_URLCONF, "; ".join(
            '%s = "api_errors.views.%s"' % (name, name) for name in missing)),
        id="api_errors.W005",
    )]


def register() -> None:
    checks.register(check_api_errors_setting)
    checks.register(check_middleware)
    checks.register(check_exception_handler)
    checks.register(check_csrf_failure_view)
    checks.register(check_error_handlers, checks.Tags.urls)
