"""The handler tests again, with DRF's exception_handler as DRF 3.15 and later have it.

DRF 3.15 (encode/django-rest-framework#8051) builds ``NotFound(*exc.args)`` and
``PermissionDenied(*exc.args)`` from Django's ``Http404`` and ``PermissionDenied``, so the text a
view passed them reaches ``response.data["detail"]``. Debian's DRF is older; this runs every handler
test with that behaviour patched in, so the package is checked against both.
"""
from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, views
from rest_framework.response import Response
from rest_framework.views import set_rollback

from . import test_handlers, test_server_errors
from .helpers import EnvelopeTestCase


def exception_handler_as_in_drf_315(exc, context):
    """DRF 3.16's ``views.exception_handler``, line for line."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*(exc.args))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*(exc.args))

    if isinstance(exc, exceptions.APIException):
        headers = {}
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None):
            headers["Retry-After"] = "%d" % exc.wait

        if isinstance(exc.detail, (list, dict)):
            data = exc.detail
        else:
            data = {"detail": exc.detail}

        set_rollback()
        return Response(data, status=exc.status_code, headers=headers)

    return None


class Drf315Behaviour:
    """Swaps the code of DRF's function itself, so every reference to it, however imported, runs
    the 3.15+ lines (the names it uses are all in rest_framework.views)."""

    def setUp(self):
        handler = views.exception_handler
        self.addCleanup(setattr, handler, "__code__", handler.__code__)
        handler.__code__ = exception_handler_as_in_drf_315.__code__
        super().setUp()


class PatchIsInEffect(Drf315Behaviour, EnvelopeTestCase):
    def test_the_patched_handler_passes_the_text_on(self):
        response = views.exception_handler(Http404("secret path"), {})
        self.assertEqual(str(response.data["detail"]), "secret path")


_CASES = [value for module in (test_handlers, test_server_errors) for value in vars(module).values()
          if isinstance(value, type) and issubclass(value, EnvelopeTestCase) and value is not EnvelopeTestCase]
for _case in _CASES:
    _name = _case.__name__ + "OnDrf315"
    globals()[_name] = type(_name, (Drf315Behaviour, _case), {"__module__": __name__})
del _case, _name
