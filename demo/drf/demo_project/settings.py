"""Settings of the jquery-api-errors DRF demo (local use on 127.0.0.1 only)."""
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

INSTALLED_APPS = ["rest_framework"]

MIDDLEWARE = [
    "api_errors.CorrelationIdMiddleware",
    "demo_project.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "demo_project.urls"
WSGI_APPLICATION = "demo_project.wsgi.application"
TEMPLATES = []
DATABASES = {}          # no database: the demo stores nothing
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en-us"
USE_I18N = False
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
TEST_RUNNER = "demo_project.testrunner.DemoTestRunner"

REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": "api_errors.envelope_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # No django.contrib.auth in this demo: no users, no sessions.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "UNAUTHENTICATED_TOKEN": None,
}

CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"

_TESTING = len(sys.argv) > 1 and sys.argv[1] == "test"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "[%(asctime)s] %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "null": {"class": "logging.NullHandler"},
    },
    "loggers": {
        "api_errors": {
            "handlers": ["null" if _TESTING else "console"],
            "level": os.environ.get("API_ERRORS_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        # Django logs every 4xx/5xx response; the demo produces them on purpose.
        "django.request": {"handlers": ["null" if _TESTING else "console"], "level": "ERROR", "propagate": False},
    },
}
