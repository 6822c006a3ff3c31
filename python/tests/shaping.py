"""What a project plugs in: its own exceptions (for EXCEPTION_MAP), a formatter function, and a
should_not_handle hook."""
from rest_framework import exceptions


class OutOfStock(Exception):
    pass


class PaymentGatewayDown(Exception):
    pass


class LegacyNotFound(exceptions.NotFound):
    """An old endpoint's error, whose clients still read DRF's {"detail": ...}."""


def flat_body(error):
    """A formatter as a plain function: another shape, still JSON."""
    return {"ok": False, "status": error.status, "reason": error.code, "text": str(error.message)}


def leave_legacy_alone(exc, request):
    return isinstance(exc, LegacyNotFound) or "legacy" in getattr(request, "path", "")


exceptions_seen = []


def recording_body(error):
    """A formatter that notes which exception each error came from (None: none was raised)."""
    exceptions_seen.append(type(error.exception).__name__ if error.exception is not None else None)
    return {"status": error.status, "code": error.code}
