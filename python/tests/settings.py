"""The package's test project: the README's settings block, plus what the tests need to run."""
import importlib.util

SECRET_KEY = "api-errors-tests-not-a-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
USE_TZ = True
USE_I18N = True
LANGUAGE_CODE = "en-us"
ROOT_URLCONF = "tests.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
TEMPLATES: list[dict[str, object]] = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]
HAS_SPECTACULAR = importlib.util.find_spec("drf_spectacular") is not None

# --- the README's block ---------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "rest_framework",
    "api_errors",
    "tests",  # the test app: a model, its forms and templates
] + (["drf_spectacular"] if HAS_SPECTACULAR else [])

MIDDLEWARE = [
    "api_errors.middleware.CorrelationIdMiddleware",
    "api_errors.views.ExceptionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": "api_errors.handlers.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"},
}
if HAS_SPECTACULAR:
    REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"] = "api_errors.openapi.AutoSchema"
    SPECTACULAR_SETTINGS = {
        "DISABLE_ERRORS_AND_WARNINGS": True,  # the test views have no serializers on purpose
    }

CSRF_FAILURE_VIEW = "api_errors.views.csrf_failure"

API_ERRORS = {
    "API_PREFIX": "/api/",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"correlation_id": {"()": "api_errors.logging.CorrelationIdFilter"}},
    "formatters": {"plain": {"format": "%(levelname)s [%(correlation_id)s] %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["correlation_id"], "formatter": "plain"},
        # The tests cause errors on purpose and read the logs with assertLogs.
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["null"], "level": "WARNING"},
    "loggers": {
        "api_errors": {"handlers": ["null"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["null"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["null"], "level": "ERROR", "propagate": False},
    },
}
