"""The correlation id of the request being handled: chosen once, current until Django is done.

The id lives in a ``ContextVar`` (each thread and each asyncio task sees its own, no thread-locals)
from the moment ``CorrelationIdMiddleware`` chooses it until Django's ``request_finished``: Django
logs "Not Found", "Bad Request" and "Internal Server Error" on ``django.request`` *after* the
middleware has returned, and the development server logs its access line after that, so resetting
any earlier would leave those records without it. ``request_started`` clears a stale one too.
"""
import contextvars
import os
import re
from collections import namedtuple
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from django.core.signals import request_finished, request_started, setting_changed
from django.utils.module_loading import import_string

from .settings import api_settings

if TYPE_CHECKING:
    from django.http import HttpRequest

_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# (id, undo callables of the integrations, the request) of the request being handled, or None.
_current = contextvars.ContextVar("api_errors_correlation_id", default=None)


def new_correlation_id(request=None):
    """The default ``GENERATE_ID``: 32 random hex digits (128 bits, as many as a UUID's hex)."""
    return os.urandom(16).hex()


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


# The settings a request reads, read once: ``api_settings`` costs a lookup per attribute.
Config = namedtuple("Config", "trust meta_key validate generate trace_id log_requests header expose")
_config = None


def config():
    global _config
    if _config is None:
        _config = Config(
            api_settings.TRUST_REQUEST_HEADER,
            # META directly: building ``request.headers`` copies every header, on every request.
            "HTTP_" + api_settings.REQUEST_HEADER.upper().replace("-", "_"),
            setting_callable(api_settings.VALIDATE_ID), setting_callable(api_settings.GENERATE_ID),
            api_settings.TRACE_ID_AS_CORRELATION_ID, api_settings.LOG_REQUESTS,
            api_settings.RESPONSE_HEADER, api_settings.EXPOSE_HEADER,
        )
    return _config


def _forget_config(*, setting, **kwargs):
    global _config
    if setting == "API_ERRORS":
        _config = None


setting_changed.connect(_forget_config, dispatch_uid="api_errors.correlation.config")


def incoming_correlation_id(request, cfg=None):
    """The client's id from ``REQUEST_HEADER`` when trusted and ``VALIDATE_ID`` accepts it."""
    cfg = cfg or config()
    if not cfg.trust:
        return None
    meta = getattr(request, "META", None)
    value = meta.get(cfg.meta_key) if isinstance(meta, dict) else None
    if value is None or not cfg.validate(value):
        return None
    return value


def generate_correlation_id(request=None):
    return str(config().generate(request))


def current_correlation_id():
    """The id of the request being handled in this thread or task, or ``None`` outside one."""
    state = _current.get()
    return state[0] if state is not None else None


def current_request() -> "Optional[HttpRequest]":
    """The ``HttpRequest`` the middleware is handling in this thread or task, or ``None``."""
    state = _current.get()
    return state[2] if state is not None else None


def begin(cid, undo=(), request=None):
    """Make ``cid`` (and ``request``) current until ``request_finished``; ``undo`` callables run then."""
    _current.set((cid, tuple(undo), request))


def use(cid):
    """Make ``cid`` current (a task, a job); returns the token ``restore`` takes."""
    return _current.set((cid, (), None))


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


def get_correlation_id(request: Any = None) -> str:
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
