"""URLs of the DRF demo: /api/..., the session pages and the static files."""
from django.conf import settings
from django.urls import path, re_path

from . import api_views as api
from . import form_views as forms
from . import session_views as session
from . import static_views as files

urlpatterns = [
    path("api/signup", api.SignupView.as_view()),
    path("api/scenario/ok", api.ScenarioOkView.as_view()),
    path("api/scenario/401", api.Scenario401View.as_view()),
    path("api/scenario/403", api.Scenario403View.as_view()),
    path("api/scenario/404", api.Scenario404View.as_view()),
    path("api/scenario/429", api.Scenario429View.as_view()),
    path("api/scenario/500", api.Scenario500View.as_view()),
    path("api/scenario/500-html", api.scenario_500_html),
    path("api/scenario/502", api.scenario_502),
    path("api/scenario/slow", api.ScenarioSlowView.as_view()),
    path("api/scenario/xss", api.ScenarioXssView.as_view()),
    path("api/scenario/network", api.scenario_network),

    path("api/session/", session.SessionView.as_view()),
    path("api/login-required/", session.login_required_view),
    path("api/csrf/", session.CsrfView.as_view()),
    path("csrf-django/", session.csrf_django),
    path("api/throttled/", session.ThrottledView.as_view()),
    path("api/unavailable/", session.UnavailableView.as_view()),
    path("accounts/login/", session.login_page),
    path("accounts/logout/", session.logout_page),

    path("forms/", forms.forms_page),
    path("forms/account/", forms.account),
    path("forms/order/", forms.order),
    path("forms/newsletter/", forms.NewsletterView.as_view()),
]

if settings.HAS_SPECTACULAR:
    from drf_spectacular.views import SpectacularAPIView

    urlpatterns.append(path("api/schema/", SpectacularAPIView.as_view()))

urlpatterns += [
    # Any other /api/ URL: Django's Http404, which handler404 answers with the envelope there.
    re_path(r"^api(?:/.*)?$", api.api_not_found),

    path("", files.index),
    re_path(r"^dist/(?P<path>.*)$", files.serve_dist),
    re_path(r"^node_modules/(?P<path>.*)$", files.serve_node_modules),
    re_path(r"^vendor/(?P<path>.*)$", files.serve_vendor),
    re_path(r"^demo/(?P<path>.*)$", files.serve_public),
    # /legacy.html, /backbone.html and whatever they load next to them.
    re_path(r"^(?P<path>.+)$", files.serve_public),
]

handler400 = "api_errors.views.handler400"
handler403 = "api_errors.views.handler403"
handler404 = "api_errors.views.handler404"
handler500 = "api_errors.views.handler500"
