"""The failures of a session-based Django page: expired login, CSRF, throttling, an unavailable service.

    GET  /api/session/         SessionAuthentication: 200 {"user": ...}, or DRF's 403 NOT_AUTHENTICATED
    GET  /api/login-required/  @login_required: 302 to /accounts/login/?next=... (an HTML page)
    POST /api/csrf/            signed in, no CSRF token: DRF's 403 "CSRF Failed: ...", code CSRF_FAILED
    POST /csrf-django/         Django's CsrfViewMiddleware check: its HTML 403 "CSRF verification failed"
    POST /api/login-required/  the same check under /api/: CSRF_FAILURE_VIEW's envelope, code CSRF_FAILED
    GET  /api/throttled/       AnonRateThrottle at 1/minute: the second request is a 429 with Retry-After
    GET  /api/unavailable/     503 SERVICE_UNAVAILABLE with Retry-After: 120
    GET  /accounts/login/      an HTML sign-in form; POST username=demo&password=demo and the form's
                               csrfmiddlewaretoken (checked by CsrfViewMiddleware) signs in
    POST /accounts/logout/     signs out (the session is flushed), CSRF-checked; 302 to the sign-in form

Sessions are signed cookies (SESSION_ENGINE): a session ends when its cookie goes, as when the
browser drops it at its Max-Age, or when /accounts/logout/ flushes it.
"""
from html import escape
from urllib.parse import quote

from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.middleware.csrf import get_token
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_POST
from rest_framework import authentication, exceptions, permissions, throttling
from rest_framework.response import Response
from rest_framework.views import APIView

DEMO_USER = ("demo", "demo")


class SessionView(APIView):
    authentication_classes = [authentication.SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request):
        return Response({"user": request.user.get_username()})


class CsrfView(SessionView):
    """SessionAuthentication checks CSRF only for a signed-in user, on unsafe methods."""

    def post(self, request):
        return Response({"ok": True})


class ThrottledView(APIView):
    throttle_classes = [throttling.AnonRateThrottle]

    def get(self, request):
        return Response({"ok": True})


class ServiceUnavailable(exceptions.APIException):
    status_code = 503
    default_detail = "The service is temporarily unavailable. Try again later."
    default_code = "service_unavailable"
    wait = 120                  # DRF's handler turns it into Retry-After


class UnavailableView(APIView):
    def get(self, request):
        raise ServiceUnavailable()

    post = get


@login_required
def login_required_view(request):
    return HttpResponse('{"ok": true}', content_type="application/json")


# Not exempt: CsrfViewMiddleware checks every POST to it.
def csrf_django(request):
    return HttpResponse("CSRF check passed.", content_type="text/plain; charset=utf-8")


LOGIN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in: jquery-api-errors DRF demo</title></head>
<body><h1>Sign in</h1>%s
<form method="post" action="/accounts/login/?next=%s">
<input type="hidden" name="csrfmiddlewaretoken" value="%s">
<p><label>Username <input name="username" autocomplete="username"></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password"></label></p>
<p><button type="submit">Sign in</button> (user <code>demo</code>, password <code>demo</code>)</p>
</form></body></html>
"""


def _safe_next(request, default):
    next_url = request.GET.get("next") or default
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = default
    return next_url


# Sets the csrftoken cookie (what a page sends back as X-CSRFToken); CsrfViewMiddleware checks the
# form's csrfmiddlewaretoken on POST, as for Django's LoginView.
@ensure_csrf_cookie
def login_page(request):
    next_url = _safe_next(request, "/")
    problem = ""
    if request.method == "POST":
        user = authenticate(request, username=request.POST.get("username", ""),
                            password=request.POST.get("password", ""))
        if user is not None:
            login(request, user)
            return HttpResponseRedirect(next_url)
        problem = "<p role=\"alert\">Wrong username or password.</p>"
    body = LOGIN_PAGE % (problem, escape(quote(next_url, safe="/"), quote=True), escape(get_token(request)))
    return HttpResponse(body, content_type="text/html; charset=utf-8", status=200 if not problem else 400)


@require_POST
def logout_page(request):
    logout(request)
    return HttpResponseRedirect(_safe_next(request, "/accounts/login/"))
