"""The demo API: the same endpoints as the Node demo server, built with DRF."""
import socket
import time
from datetime import datetime, timezone

from django.http import Http404, HttpResponse, HttpResponseServerError
from django.views.decorators.csrf import csrf_exempt
from rest_framework import authentication, exceptions, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView


# --- POST /api/signup ---------------------------------------------------------

class AddressSerializer(serializers.Serializer):
    street = serializers.CharField(max_length=200)
    city = serializers.CharField(max_length=100)


class ItemSerializer(serializers.Serializer):
    sku = serializers.CharField(max_length=64)            # required, may not be blank
    qty = serializers.IntegerField(min_value=1, max_value=999)


class SignupSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(min_length=8, max_length=128, trim_whitespace=False)
    address = AddressSerializer()
    items = ItemSerializer(many=True, allow_empty=False, min_length=1, max_length=50)
    tags = serializers.ListField(child=serializers.IntegerField(), required=False, max_length=50)

    def validate(self, attrs):
        email = attrs["email"]
        local_part = email.rsplit("@", 1)[0]
        problems = []
        if attrs["password"].lower() == local_part.lower():
            problems.append("The password must not be the same as the email name.")
        if email.lower().endswith("@taken.example"):
            problems.append("This email is already registered.")
        if problems:
            raise serializers.ValidationError(problems)
        return attrs


class SignupView(APIView):
    serializer_class = SignupSerializer      # read by drf-spectacular for the schema

    def post(self, request):
        serializer = self.serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response({"ok": True}, status=status.HTTP_201_CREATED)


# --- GET /api/scenario/<name> ----------------------------------------------------

class DemoTokenAuthentication(authentication.BaseAuthentication):
    """Accepts no one: no header → 401 NotAuthenticated, any token → 401 AuthenticationFailed."""

    def authenticate(self, request):
        if request.META.get("HTTP_AUTHORIZATION"):
            raise exceptions.AuthenticationFailed("Invalid token.")
        return None

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class Scenario401View(APIView):
    authentication_classes = [DemoTokenAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request):  # never reached
        return Response({"ok": True})


class Scenario403View(APIView):
    def get(self, request):
        raise exceptions.PermissionDenied("You do not have permission to view these reports.")


class Scenario404View(APIView):
    def get(self, request):
        raise exceptions.NotFound("No order with that number.")


class Scenario429View(APIView):
    def get(self, request):
        raise exceptions.Throttled(wait=30)


class Scenario500View(APIView):
    def get(self, request):
        raise RuntimeError("secret internals")


class ScenarioOkView(APIView):
    def get(self, request):
        return Response({"ok": True})

    post = put = patch = delete = get


class ScenarioSlowView(APIView):
    def get(self, request):
        try:
            ms = int(request.query_params.get("ms", "3000"))
        except ValueError:
            raise exceptions.ValidationError({"ms": ["A valid integer is required."]})
        time.sleep(min(max(ms, 0), 10000) / 1000.0)
        return Response({"ok": True})


XSS_PAYLOADS = {
    "img": "<img src=x onerror=alert(1)>",
    "script": "<script>alert(1)</script>",
    "attr": '"><svg onload=alert(1)>',
    "url": "javascript:alert(1)",
}


class ScenarioXssView(APIView):
    """A 400 envelope whose every string is markup: the page must show it as text."""

    def get(self, request):
        body = {
            "error": {
                "message": XSS_PAYLOADS["img"] + " " + XSS_PAYLOADS["script"],
                "code": "VALIDATION_ERROR",
                "status": 400,
                "errors": {
                    "email": [XSS_PAYLOADS["script"]],
                    XSS_PAYLOADS["attr"]: [XSS_PAYLOADS["img"]],
                    "address": {"city": [XSS_PAYLOADS["url"]]},
                    "non_field_errors": [XSS_PAYLOADS["attr"]],
                },
                "timestamp": datetime.now(timezone.utc).isoformat(),
                "correlation_id": XSS_PAYLOADS["script"],
            }
        }
        return Response(body, status=status.HTTP_400_BAD_REQUEST)


def api_not_found(request):
    """Any other /api/ URL and method: Django's 404, which api_errors.views.handler404 answers."""
    raise Http404("No route for this URL.")


def scenario_500_html(request):
    """What Django itself answers when DEBUG is off and no envelope handler ran."""
    return HttpResponseServerError("<h1>Server Error (500)</h1>", content_type="text/html")


def scenario_502(request):
    """A proxy in front of the app failed: status 502 and no body at all."""
    return HttpResponse(b"", status=502, content_type="text/plain")


def _find_socket(environ):
    """The client socket under Django's runserver (wsgiref) or gunicorn, else None."""
    sock = environ.get("gunicorn.socket")
    if isinstance(sock, socket.socket):
        return sock
    obj = environ.get("wsgi.input")
    for _ in range(8):                     # LimitedStream → BufferedReader → SocketIO → socket
        if obj is None or isinstance(obj, socket.socket):
            break
        # Django 4.2+'s LimitedStream keeps only the wrapped stream's bound read method.
        read = getattr(obj, "_read", None)
        obj = (getattr(obj, "stream", None) or getattr(obj, "raw", None) or getattr(obj, "_sock", None)
               or getattr(read, "__self__", None))
    return obj if isinstance(obj, socket.socket) else None


@csrf_exempt
def scenario_network(request):
    """Close the connection without any HTTP response (the browser sees status 0).

    The socket is shut down in both directions; the server's later attempt to
    write the response fails with BrokenPipeError, which wsgiref and Django's
    runserver drop silently.
    """
    sock = _find_socket(request.META)
    if sock is None:
        return HttpResponse(
            "This server does not expose the client socket: cannot drop the connection.",
            status=501, content_type="text/plain; charset=utf-8",
        )
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    return HttpResponse(b"dropped", content_type="text/plain")

