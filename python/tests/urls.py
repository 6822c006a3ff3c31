"""URLs of the test project: DRF views under /api/, plain Django views inside and outside it."""
from django.core import exceptions as django_exceptions
from django.urls import include, path

from . import form_views, views

urlpatterns = [
    path("api/raise/<str:name>/", views.RaiseView.as_view()),
    path("api/rt/", include("tests.urls_runtime")),
    path("api/people/", views.PeopleView.as_view()),
    path("api/items/", views.ItemListView.as_view()),
    path("api/body/", views.BodyView.as_view()),
    path("api/token/", views.TokenView.as_view()),
    path("api/session/", views.SessionView.as_view()),
    path("api/throttled/", views.ThrottledView.as_view()),
    path("api/log/", views.LoggingView.as_view()),
    path("api/signed/", views.SignedBodyView.as_view()),
    path("api/orders/check/", views.OrderCheckView.as_view()),
    path("api/orders/", views.OrderList.as_view()),
    path("api/orders/<int:pk>/", views.OrderDetail.as_view()),
    path("api/plain/orders/check/", views.plain_order_check),
    path("pages/orders/check/", views.plain_order_check),
    path("api/plain/error-response/", views.plain_error_response),
    path("api/plain/crash/", views.plain_raise(lambda: RuntimeError("secret internals"))),
    path("api/plain/suspicious/", views.plain_raise(lambda: django_exceptions.SuspiciousOperation("secret"))),
    path("api/plain/forbidden/", views.plain_raise(lambda: django_exceptions.PermissionDenied("secret"))),
    path("api/plain/csrf/", views.plain_csrf),
    path("api/plain/raise/<str:name>/", views.plain_raise_named),
    path("api/legacy/crash/", views.plain_raise(lambda: RuntimeError("secret internals"))),
    path("pages/orders/new/", form_views.OrderCreateView.as_view()),
    path("pages/lines/", form_views.LinesView.as_view()),
    path("pages/orders/fn/", form_views.order_function_view),
    path("pages/lines/fn/", form_views.lines_function_view),
    path("pages/crash/", views.plain_raise(lambda: RuntimeError("secret internals"))),
    path("pages/csrf/", views.plain_csrf),
]

handler400 = "api_errors.views.handler400"
handler403 = "api_errors.views.handler403"
handler404 = "api_errors.views.handler404"
handler500 = "api_errors.views.handler500"
