"""CorrelationIdMiddleware: every request gets a correlation id, in the response header and the logs.

A client's id (``X-Correlation-ID`` by default) is kept when ``TRUST_REQUEST_HEADER`` is on and
``VALIDATE_ID`` accepts it (by default 1-64 characters of ``[A-Za-z0-9._-]``); anything else is
replaced by ``GENERATE_ID``'s and never echoed or logged. The middleware runs natively under WSGI
and ASGI (no thread switch on the async path); the id stays current until Django has finished
with the request (see ``api_errors.correlation``).
"""
import logging
from typing import Any, Awaitable, Callable, Union

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

from django.http import HttpRequest, HttpResponseBase

from . import integrations
from .correlation import (  # noqa: F401  (the names other modules and users import from here)
    begin, config, current_correlation_id, get_correlation_id, incoming_correlation_id,
    new_correlation_id, printable, safe_correlation_id,
)

logger = logging.getLogger("api_errors")

EXPOSE = "Access-Control-Expose-Headers"


def choose_correlation_id(request, hooks=(), cfg=None):
    """A trusted client id, else an integration's (an OpenTelemetry trace id), else a new one."""
    cfg = cfg or config()
    cid = incoming_correlation_id(request, cfg)
    if cid is None and cfg.trace_id:
        for hook in hooks:
            cid = getattr(hook, "incoming_id", lambda request: None)(request)
            if cid:
                break
    return cid or str(cfg.generate(request))


def expose_header(response: HttpResponseBase, name: str, mode: Any = None) -> None:
    """Let a cross-origin page read ``name``: add it to ``Access-Control-Expose-Headers``."""
    mode = config().expose if mode is None else mode
    if not mode or (mode == "cors" and not response.has_header("Access-Control-Allow-Origin")):
        return
    names = [part.strip() for part in response.get(EXPOSE, "").split(",") if part.strip()]
    if name.lower() not in (part.lower() for part in names):
        response[EXPOSE] = ", ".join(names + [name])


class CorrelationIdMiddleware:
    """Put it first in ``MIDDLEWARE`` (before ``CorsMiddleware`` too), so every response has it."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.hooks = integrations.request_integrations()
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if self.is_async:
            return self.__acall__(request)  # type: ignore[return-value]  # awaited by Django
        cfg = config()
        cid = self.start(request, cfg)
        return self.finish(self.get_response(request), cid, cfg)

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        cfg = config()
        cid = self.start(request, cfg)
        return self.finish(await self.get_response(request), cid, cfg)

    def start(self, request, cfg):
        cid = choose_correlation_id(request, self.hooks, cfg)
        request.correlation_id = cid
        if self.hooks:
            undo = [hook.bind(request, cid) for hook in self.hooks]
            begin(cid, [step for step in undo if step is not None], request)
        else:
            begin(cid, (), request)
        if cfg.log_requests:
            logger.info("%s %s correlation_id=%s", printable(request.method),
                        printable(request.path), cid)
        return cid

    def finish(self, response, cid, cfg):
        response[cfg.header] = cid
        expose_header(response, cfg.header, cfg.expose)
        return response
