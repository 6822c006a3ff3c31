"""Views of the test project: each raises or answers one kind of error."""
import logging

from django.core import exceptions as django_exceptions
from django.http import Http404, HttpResponse
from django.views.decorators.csrf import csrf_protect
from rest_framework import authentication, exceptions, generics, parsers, permissions, serializers, throttling
from rest_framework.response import Response
from rest_framework.views import APIView

from api_errors import error_response
from api_errors.handlers import CsrfFailed

from . import shaping
from .models import Order

app_logger = logging.getLogger("api_errors.tests.app")


class Maintenance(exceptions.APIException):
    status_code = 503
    default_detail = "Down for maintenance."
    default_code = "maintenance"

    def __init__(self):
        super().__init__()
        self.wait = 120


RAISES = {
    "http404": lambda: Http404("secret path /etc/x"),
    "django-403": lambda: django_exceptions.PermissionDenied("secret reason"),
    "suspicious": lambda: django_exceptions.SuspiciousOperation("secret host evil.example"),
    "too-big": lambda: django_exceptions.RequestDataTooBig("secret size"),
    "parse": lambda: exceptions.ParseError("JSON parse error - secret decoder text"),
    "throttled": lambda: exceptions.Throttled(wait=30),
    "not-found": lambda: exceptions.NotFound("No order with that number."),
    "permission": lambda: exceptions.PermissionDenied("You may not see these reports."),
    "maintenance": Maintenance,
    "custom-code": lambda: exceptions.APIException("Quota exceeded.", code="quota_exceeded"),
    "dict-detail": lambda: exceptions.APIException({"field": ["bad"]}),
    "validation-text": lambda: exceptions.ValidationError("Just text."),
    "auth-failed": lambda: exceptions.AuthenticationFailed("Token expired."),
    "crash": lambda: RuntimeError("secret internals"),
    "key-error": lambda: KeyError("password_hash"),
    "recursion": lambda: RecursionError("secret recursion"),
    "detail-list": lambda: exceptions.PermissionDenied({"detail": ["You may not see this order.", "Ask its owner."]}),
    "wait-zero": lambda: exceptions.Throttled(wait=0),
    "django-validation": lambda: django_exceptions.ValidationError({
        "email": [django_exceptions.ValidationError("Enter a valid email address.", code="invalid")],
        "__all__": [django_exceptions.ValidationError("These dates overlap.", code="overlap")],
    }),
    "out-of-stock": lambda: shaping.OutOfStock("Only 2 left."),
    "payment-down": lambda: shaping.PaymentGatewayDown("secret gateway host"),
    "legacy-not-found": lambda: shaping.LegacyNotFound("No such legacy order."),
    "django-validation-text": lambda: django_exceptions.ValidationError("Out of range.", code="range"),
    "csrf-failed-by-hand": lambda: CsrfFailed(),
}


class RaiseView(APIView):
    """GET /api/raise/<name>/: raises RAISES[name]."""

    def get(self, request, name):
        raise RAISES[name]()

    post = get


class AddressSerializer(serializers.Serializer):
    city = serializers.CharField(max_length=100)


class PersonSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=50)
    email = serializers.EmailField()
    address = AddressSerializer()
    tags = serializers.ListField(child=serializers.IntegerField(), required=False)

    def validate(self, attrs):
        if attrs["name"] == "taken":
            raise serializers.ValidationError("This name is already registered.")
        return attrs


class PeopleView(generics.GenericAPIView):
    """POST /api/people/: a serializer with a nested field and a list field."""
    serializer_class = PersonSerializer

    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response({"ok": True}, status=201)


class ItemSerializer(serializers.Serializer):
    sku = serializers.CharField()


class ItemListView(APIView):
    """POST /api/items/: a list at the root of the body, and of its errors. Open to anyone."""
    authentication_classes = []
    permission_classes = []

    def post(self, request):
        ItemSerializer(data=request.data, many=True).is_valid(raise_exception=True)
        return Response({"ok": True})


class BodyView(APIView):
    """POST /api/body/: reads the body (JSON, form or multipart) and says how many keys it had."""

    def post(self, request):
        return Response({"keys": len(request.data)})


class SignedJSONParser(parsers.JSONParser):
    """A project's parser with a bug: it reads a key the body need not have."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        return dict(data, signature=data["signature"])


class SignedBodyView(APIView):
    """POST /api/signed/: parsed by SignedJSONParser."""
    parser_classes = [SignedJSONParser]

    def post(self, request):
        return Response({"keys": len(request.data)})


class OrderCheckView(APIView):
    """POST /api/orders/check/: Order.full_clean() on the body, in a DRF view."""

    def post(self, request):
        Order(**{name: request.data.get(name) for name in ("email", "qty", "note")}).full_clean()
        return Response({"ok": True})


def plain_order_check(request):
    """POST /api/plain/orders/check/ and /pages/orders/check/: the same, in a plain Django view."""
    Order(**{name: request.POST.get(name, "") for name in ("email", "qty", "note")}).full_clean()
    return HttpResponse("ok")


class OrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "email", "qty", "note"]


class OrderList(generics.ListCreateAPIView):
    """GET, POST /api/orders/: a ModelSerializer, whose id is read-only."""
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


class OrderDetail(generics.RetrieveUpdateDestroyAPIView):
    """/api/orders/<pk>/: a lookup, so a 404."""
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        if request.META.get("HTTP_AUTHORIZATION"):
            raise exceptions.AuthenticationFailed("Invalid token.")
        return None

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class TokenView(APIView):
    authentication_classes = [TokenAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request):
        return Response({"ok": True})


class SessionView(APIView):
    """GET or POST /api/session/: SessionAuthentication (DRF answers 403, and checks CSRF)."""
    authentication_classes = [authentication.SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request):
        return Response({"user": request.user.get_username()})

    post = get


class ThrottledView(APIView):
    throttle_classes = [throttling.AnonRateThrottle]

    def get(self, request):
        return Response({"ok": True})


class LoggingView(APIView):
    """GET /api/log/: logs from the view, then answers with error_response."""

    def get(self, request):
        app_logger.warning("inside the view")
        return error_response(409, "Already done.", {"step": ["Done twice."]}, code="conflict")


def plain_error_response(request):
    return error_response(402, "Payment required.", retry_after=5)


def plain_raise(exc_factory):
    def view(request):
        raise exc_factory()
    return view


def plain_raise_named(request, name):
    raise RAISES[name]()


@csrf_protect
def plain_csrf(request):
    return HttpResponse("ok")
