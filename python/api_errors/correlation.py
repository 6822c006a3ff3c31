"""The correlation id of the request being handled: chosen once, current until Django is done.

The id lives in a ``ContextVar`` (each thread and each asyncio task sees its own, no thread-locals)
from the moment ``CorrelationIdMiddleware`` chooses it until Django's ``request_finished``: Django
logs "Not Found", "Bad Request" and "Internal Server Error" on ``django.request`` *after* the
middleware has returned, and the development server logs its access line after that, so resetting
any earlier would leave those records without it. ``request_started`` clears a stale one too.
"""
import contextvars
import re
import uuid
from functools import lru_cache

from django.core.signals import request_finished, request_started
from django.utils.module_loading import import_string

from .settings import api_settings

_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# (id, undo callables of the integrations) of the request being handled, or None.
_current = contextvars.ContextVar("api_errors_correlation_id", default=None)


def new_correlation_id(request=None):
    """The default ``GENERATE_ID``: a fresh ``uuid4().hex``."""
    return uuid.uuid4().hex


def is_safe_correlation_id(value):
    """The default ``VALIDATE_ID``: 1-64 characters of ``[A-Za-z0-9._-]`` (a UUID fits)."""
    return isinstance(value, str) and _SAFE_ID.fullmatch(value) is not None


def safe_correlation_id(value):
    """``value`` when it is a safe correlation id, else ``None``."""
    return value if is_safe_correlation_id(value) else None


def printable(text):
    """Text for a log line: control and non-ASCII characters escaped (no log injection)."""
    return str(text).encode("unicode_escape").decode("ascii")


@lru_cache(maxsize=16)
def _import(path):
    return import_string(path)


def setting_callable(value):
    """A callable named by a setting: a dotted path, or the callable itself."""
    return _import(value) if isinstance(value, str) else value


def incoming_correlation_id(request):
    """The client's id from ``REQUEST_HEADER`` when trusted and ``VALIDATE_ID`` accepts it."""
    if not api_settings.TRUST_REQUEST_HEADER:
        return None
    headers = getattr(request, "headers", None)
    try:
        value = headers.get(api_settings.REQUEST_HEADER) if headers is not None else None
    except AttributeError:
        value = None
    if value is None or not setting_callable(api_settings.VALIDATE_ID)(value):
        return None
    return value


def generate_correlation_id(request=None):
    return str(setting_callable(api_settings.GENERATE_ID)(request))


def current_correlation_id():
    """The id of the request being handled in this thread or task, or ``None`` outside one."""
    state = _current.get()
    return state[0] if state is not None else None


def begin(cid, undo=()):
    """Make ``cid`` current until ``request_finished``; ``undo`` callables run then."""
    _current.set((cid, tuple(undo)))


def use(cid):
    """Make ``cid`` current (a task, a job); returns the token ``restore`` takes."""
    return _current.set((cid, ()))


def restore(token):
    try:
        _current.reset(token)
    except ValueError:  # reset in another context than the one it was set in
        _current.set(None)


def end(**kwargs):
    """Forget the current id (a ``request_started`` and ``request_finished`` receiver)."""
    state = _current.get()
    if state is None:
        return
    _current.set(None)
    for undo in state[1]:
        undo()


request_started.connect(end, dispatch_uid="api_errors.correlation.end.started")
request_finished.connect(end, dispatch_uid="api_errors.correlation.end.finished")


def get_correlation_id(request=None):
    """The correlation id of ``request`` (a Django ``HttpRequest`` or a DRF ``Request``).

    Set by the middleware; without it (a view called through ``APIRequestFactory``), a trusted
    incoming header is used, else a fresh id, remembered on the request so it stays the same.
    """
    if request is None:
        return current_correlation_id() or generate_correlation_id()
    cid = getattr(request, "correlation_id", None)
    if isinstance(cid, str) and cid:
        return cid
    cid = incoming_correlation_id(request) or current_correlation_id() or generate_correlation_id(request)
    # A DRF Request reads attributes through to the HttpRequest it wraps: store it there.
    target = getattr(request, "_request", request)
    try:
        target.correlation_id = cid
    except AttributeError:
        pass
    return cid
