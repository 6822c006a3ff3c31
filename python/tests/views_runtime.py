"""Views for the correlation id's runtime tests, the real-server tests and the bench."""
import asyncio
import logging

from django.http import JsonResponse
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api_errors import get_correlation_id

app_logger = logging.getLogger("api_errors.tests.app")


async def sleep_view(request):
    """GET ?s=0.5: an async view that waits, then answers its id."""
    await asyncio.sleep(float(request.GET.get("s", "0.5")))
    app_logger.info("slept")
    return JsonResponse({"correlation_id": get_correlation_id(request)})


async def async_ok(request):
    return JsonResponse({"ok": True})


class OkView(APIView):
    """The trivial DRF success the bench measures."""

    authentication_classes = permission_classes = ()

    def get(self, request):
        return Response({"ok": True})


class NameSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=5)


class InvalidView(APIView):
    """The DRF 400 the bench measures: a serializer that always fails."""

    authentication_classes = permission_classes = ()

    def get(self, request):
        NameSerializer(data={}).is_valid(raise_exception=True)


class EchoView(APIView):
    """GET /echo/<n>/: logs, then answers by n % 4: 200, 400, 404 or a crash (500)."""

    authentication_classes = permission_classes = ()

    def get(self, request, n):
        app_logger.info("view n=%d", n)
        kind = n % 4
        if kind == 1:
            raise exceptions.ValidationError({"n": ["odd one"]})
        if kind == 2:
            raise exceptions.NotFound()
        if kind == 3:
            raise RuntimeError("crash n=%d" % n)
        return Response({"n": n, "correlation_id": get_correlation_id(request)})


def send_task(request):
    """Sends the Celery task of ``tests.celery_app`` (eager or to its in-memory broker)."""
    from .celery_app import log_something

    log_something.delay(int(request.GET.get("n", "0")))
    return JsonResponse({"correlation_id": get_correlation_id(request)})
