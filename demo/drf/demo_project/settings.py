"""Settings of the jquery-api-errors DRF demo (local use on 127.0.0.1 only).

The error handling is the drf-api-errors package (python/ in this repository), installed in the
demo's virtualenv by `node scripts/drf-venv.mjs`; nothing of it is copied here.
"""
import importlib.util
import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent          # demo/drf
REPO_DIR = BASE_DIR.parent.parent                          # the repository root
PUBLIC_DIR = REPO_DIR / "demo" / "public"
DIST_DIR = REPO_DIR / "dist"
NODE_MODULES_DIR = REPO_DIR / "node_modules"

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "jquery-api-errors-demo-only-not-a-secret")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
HAS_SPECTACULAR = importlib.util.find_spec("drf_spectacular") is not None

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "rest_framework",
    "api_errors",
] + (["drf_spectacular"] if HAS_SPECTACULAR else [])

MIDDLEWARE = [
    "api_errors.middleware.CorrelationIdMiddleware",
    "demo_project.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Every POST to a plain Django view needs the csrftoken (DRF's views are exempt: there,
    # SessionAuthentication checks it for a signed-in session). A failure is CSRF_FAILURE_VIEW.
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "demo_project.urls"
WSGI_APPLICATION = "demo_project.wsgi.application"
# The plain Django forms page (form_views.py); Django's form templates come with Django.
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates",
              "DIRS": [BASE_DIR / "demo_project" / "templates"]}]
# In memory, shared by the server's threads; demo_project.database.prepare() fills it at start-up.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": "file:jquery-api-errors-demo?mode=memory&cache=shared"}}
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
LOGIN_URL = "/accounts/login/"
CSRF_FAILURE_VIEW = "api_errors.views.csrf_failure"
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en-us"
USE_I18N = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
TEST_RUNNER = "demo_project.testrunner.DemoTestRunner"

REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": "api_errors.handlers.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Only the session endpoints authenticate (and so check CSRF); the rest take anyone.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"},
}
if HAS_SPECTACULAR:
    # Each operation documents the errors its view can answer (drf-api-errors' schema class).
    REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"] = "api_errors.openapi.AutoSchema"
    SPECTACULAR_SETTINGS = {
        "TITLE": "jquery-api-errors DRF demo",
        # The scenario views have no serializers on purpose.
        "DISABLE_ERRORS_AND_WARNINGS": True,
    }

API_ERRORS = {"API_PREFIX": "/api/"}

CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"

_TESTING = len(sys.argv) > 1 and sys.argv[1] == "test"
if _TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
_QUIET = "null" if _TESTING else "console"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"correlation_id": {"()": "api_errors.logging.CorrelationIdFilter"}},
    "formatters": {"plain": {"format": "[%(asctime)s] %(levelname)s %(name)s [%(correlation_id)s]: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["correlation_id"]},
        "null": {"class": "logging.NullHandler"},
    },
    "loggers": {
        "api_errors": {"handlers": [_QUIET], "level": os.environ.get("API_ERRORS_LOG_LEVEL", "INFO"),
                       "propagate": False},
        # Django logs every 4xx/5xx response; the demo produces them on purpose.
        "django.request": {"handlers": [_QUIET], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": [_QUIET], "level": "ERROR", "propagate": False},
    },
}
