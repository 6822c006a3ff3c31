"""CorrelationIdFilter: gives every log record a ``correlation_id`` attribute for your formatter.

Records logged while a request passes ``CorrelationIdMiddleware`` get its id; any other record
(a management command, a worker) gets ``"-"``, so ``%(correlation_id)s`` always formats.
"""
import logging

from .middleware import current_correlation_id


class CorrelationIdFilter(logging.Filter):
    def __init__(self, name: str = "", default: str = "-") -> None:
        super().__init__(name)
        self.default = default

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "correlation_id", None):
            record.correlation_id = current_correlation_id() or self.default
        return True
