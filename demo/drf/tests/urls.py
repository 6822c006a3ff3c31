"""The demo's URLs plus views that exist only to exercise the handler."""
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.urls import path
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from demo_project.urls import handler400, handler403, handler404, handler500  # noqa: F401
from demo_project.urls import urlpatterns as demo_urlpatterns


class Maintenance(exceptions.APIException):
    status_code = 503
    default_detail = "Down for maintenance."
    default_code = "maintenance"


class ItemSerializer(serializers.Serializer):
    sku = serializers.CharField()
    qty = serializers.IntegerField(min_value=1)


class ChangePasswordSerializer(serializers.Serializer):
    old = serializers.CharField()
    new = serializers.CharField()

    def validate(self, attrs):
        if attrs["old"] == attrs["new"]:
            raise serializers.ValidationError("The new password must differ from the old one.")
        return attrs


def raising(exc_factory):
    class RaisingView(APIView):
        def get(self, request):
            raise exc_factory()

        post = get

    return RaisingView.as_view()


class RootListView(APIView):
    def post(self, request):
        ItemSerializer(data=request.data, many=True).is_valid(raise_exception=True)
        return Response({"ok": True})


class NonFieldView(APIView):
    def post(self, request):
        ChangePasswordSerializer(data=request.data).is_valid(raise_exception=True)
        return Response({"ok": True})


class AcceptView(APIView):
    def get(self, request):
        return Response({"ok": True})


urlpatterns = [
    path("t/http404", raising(lambda: Http404("secret path /etc/x"))),
    path("t/django-403", raising(lambda: DjangoPermissionDenied("secret reason"))),
    path("t/maintenance", raising(Maintenance)),
    path("t/custom-code", raising(lambda: exceptions.APIException("Quota exceeded.", code="quota_exceeded"))),
    path("t/auth-failed", raising(lambda: exceptions.AuthenticationFailed("Token expired."))),
    path("t/parse", raising(lambda: exceptions.ParseError())),
    path("t/validation-text", raising(lambda: exceptions.ValidationError("Just text."))),
    path("t/dict-detail", raising(lambda: exceptions.APIException({"field": ["bad"]}))),
    path("t/key-error", raising(lambda: KeyError("password_hash"))),
    path("t/root-list", RootListView.as_view()),
    path("t/non-field", NonFieldView.as_view()),
    path("t/accept", AcceptView.as_view()),
] + demo_urlpatterns
