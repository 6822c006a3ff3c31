"""CorrelationIdFilter: gives every log record a ``correlation_id`` attribute for your formatter.

Records logged while a request is handled get its id, from the middleware until Django has
finished with the request, so Django's own ``django.request`` and ``django.server`` records and
the server's access line have it too; any other record (a management command, a worker outside
a task) gets ``"-"``; a ``django.request`` record logged outside the middleware gets the id the
handler gave its request, so ``%(correlation_id)s`` always formats. Put it on your *handlers*: a
handler's filters see every record that reaches it, a logger's only that logger's own.
"""
import logging

from .correlation import current_correlation_id


class CorrelationIdFilter(logging.Filter):
    def __init__(self, name: str = "", default: str = "-") -> None:
        super().__init__(name)
        self.default = default

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "correlation_id", None):
            # Django's django.request records carry the request: its id holds even where no
            # request is current (a handler called without the middleware, a record read later).
            request_id = getattr(getattr(record, "request", None), "correlation_id", None)
            record.correlation_id = current_correlation_id() or request_id or self.default
        return True
