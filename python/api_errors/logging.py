"""CorrelationIdFilter: gives every log record a ``correlation_id`` attribute for your formatter.

Records logged while a request is handled get its id, from the middleware until Django has
finished with the request, so Django's own ``django.request`` and ``django.server`` records and
the server's access line have it too; any other record (a management command, a worker outside
a task) gets ``"-"``, so ``%(correlation_id)s`` always formats. Put it on your *handlers*: a
handler's filters see every record that reaches it, a logger's only that logger's own.
"""
import logging

from .correlation import current_correlation_id


class CorrelationIdFilter(logging.Filter):
    def __init__(self, name="", default="-"):
        super().__init__(name)
        self.default = default

    def filter(self, record):
        if not getattr(record, "correlation_id", None):
            record.correlation_id = current_correlation_id() or self.default
        return True
