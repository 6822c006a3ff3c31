"""manage.py check reports a wrong API_ERRORS and a setup that misses the README's pieces; a wrong
API_ERRORS never costs a request its envelope."""
import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from django.utils.translation import gettext_lazy

from api_errors.settings import DEFAULTS, VALUE_RULES, api_settings, validate

SECURITY = "django.middleware.security.SecurityMiddleware"
OURS = "api_errors.middleware.CorrelationIdMiddleware"


class OurSubclass:
    """Stands for a project's subclass of the middleware (made a real subclass below)."""


def messages(*ids):
    """What the checks report, for the package's ids (all of them when none is named)."""
    return [m for m in run_checks() if m.id and m.id.startswith("api_errors.") and (not ids or m.id in ids)]


def ids():
    return sorted(m.id for m in messages())


def assert_envelope(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == code


def test_the_readme_setup_passes_every_check():
    assert messages() == []


# --- API_ERRORS ------------------------------------------------------------------------------

def test_a_typo_is_an_error_with_did_you_mean(settings):
    settings.API_ERRORS = {"API_PREFX": "/v2/"}
    [error] = messages()
    assert error.id == "api_errors.E002"
    assert "'API_PREFX'" in error.msg
    assert error.hint.startswith("Did you mean 'API_PREFIX'?")
    assert error.is_serious()


def test_manage_py_check_fails_on_a_typo(settings):
    settings.API_ERRORS = {"api_prefx": "/api/"}
    with pytest.raises(SystemCheckError, match=r"api_errors\.E002.*'api_prefx'"):
        call_command("check")


@pytest.mark.django_db
@pytest.mark.parametrize("value", [{"API_PREFX": "/v2/"}, {"API_PREFIX": 5}, ["API_PREFIX"]])
def test_with_a_wrong_setting_requests_still_get_the_envelope(settings, value):
    settings.API_ERRORS = value
    client = Client(raise_request_exception=False)
    assert_envelope(client.get("/api/nowhere/"), 404, "NOT_FOUND")            # handler404
    assert_envelope(client.get("/api/plain/crash/"), 500, "SERVER_ERROR")     # handler500
    assert_envelope(client.get("/api/raise/not-found/"), 404, "NOT_FOUND")    # DRF's handler


def test_not_a_dict_is_an_error(settings):
    settings.API_ERRORS = ["API_PREFIX", "/api/"]
    assert ids() == ["api_errors.E001"]
    assert api_settings.API_PREFIX == "/api/"


@pytest.mark.parametrize("key, value", [
    ("FIELD_CODES", "yes"), ("LOG_REQUESTS", 1), ("RERAISE_IN_DEBUG", None),
    ("VALIDATION_MESSAGE", 3), ("REQUEST_HEADER", b"X-Id"),
    ("API_PREFIX", 5), ("API_PREFIX", ["/api/", 5]),
    ("GENERATE_ID", 5), ("VALIDATE_ID", ""), ("FORMATTER", 3), ("SHOULD_NOT_HANDLE", True),
    ("EXPOSE_HEADER", "always"), ("INTEGRATIONS", ["sentry", "datadog"]), ("INTEGRATIONS", "sentry"),
])
def test_a_value_of_the_wrong_type_is_an_error_and_the_default_is_used(settings, key, value):
    settings.API_ERRORS = {key: value}
    [error] = messages()
    assert (error.id, error.is_serious()) == ("api_errors.E003", True)
    assert repr(key) in error.msg and repr(value) in error.msg
    assert "default" in error.hint
    assert getattr(api_settings, key) == DEFAULTS[key]


@pytest.mark.parametrize("given", [
    {"API_PREFIX": ("/api/", "/v2/")}, {"API_PREFIX": ["/api/"]}, {"API_PREFIX": None}, {"API_PREFIX": ""},
    {"VALIDATION_MESSAGE": gettext_lazy("Check the form")}, {"field_codes": True}, {},
    {"GENERATE_ID": lambda request: "made-here"}, {"VALIDATE_ID": "api_errors.correlation.is_safe_correlation_id"},
    {"FORMATTER": "api_errors.formatters.ProblemDetailsFormatter"}, {"EXPOSE_HEADER": True},
    {"INTEGRATIONS": []}, {"INTEGRATIONS": ("celery",)},
])
def test_right_values_pass(settings, given):
    settings.API_ERRORS = given
    assert messages() == []


def test_every_key_is_checked_against_its_defaults_type():
    # Generic over DEFAULTS: a key added later is checked without being listed anywhere else.
    assert validate(dict(DEFAULTS)) == (DEFAULTS, [])
    for key, default in DEFAULTS.items():
        values, problems = validate({key: object()})
        if default is None and key not in VALUE_RULES:
            assert problems == [], key
        else:
            assert [p.id for p in problems] == ["api_errors.E003"], key
            assert values[key] is default


@pytest.mark.parametrize("key", ["FORMATTER", "SHOULD_NOT_HANDLE", "GENERATE_ID", "VALIDATE_ID"])
def test_a_dotted_path_that_does_not_import_is_an_error_at_start_up(settings, key):
    settings.API_ERRORS = {key: "myproject.errors.ProblemFormater"}
    [error] = messages()
    assert (error.id, error.is_serious()) == ("api_errors.E004", True)
    assert "'myproject.errors.ProblemFormater'" in error.msg and "default" in error.hint
    assert getattr(api_settings, key) == DEFAULTS[key]


@pytest.mark.django_db
def test_with_a_formatter_that_does_not_import_requests_still_get_the_envelope(settings):
    settings.API_ERRORS = {"FORMATTER": "myproject.errors.ProblemFormater"}
    response = Client(raise_request_exception=False).get("/api/raise/not-found/")
    assert_envelope(response, 404, "NOT_FOUND")


# --- the README's pieces -----------------------------------------------------------------

def test_middleware_missing(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != OURS]
    [warning] = messages()
    assert (warning.id, warning.is_serious()) == ("api_errors.W001", False)
    assert OURS in warning.hint


def test_middleware_after_what_logs_or_answers(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != OURS]
    settings.MIDDLEWARE.insert(1, OURS)
    [warning] = messages()
    assert warning.id == "api_errors.W002"
    assert settings.MIDDLEWARE[0] in warning.msg
    assert "SecurityMiddleware" in warning.hint


@pytest.mark.parametrize("middleware", [[OURS, SECURITY], [SECURITY, OURS], ["tests.test_checks.OurSubclass"]])
def test_middleware_first_or_right_after_security_middleware(settings, middleware):
    settings.MIDDLEWARE = middleware + [m for m in settings.MIDDLEWARE if m != OURS]
    assert messages("api_errors.W001", "api_errors.W002") == []


def test_exception_handler_elsewhere(settings):
    settings.REST_FRAMEWORK = {"EXCEPTION_HANDLER": "rest_framework.views.exception_handler"}
    [warning] = messages()
    assert warning.id == "api_errors.W003"
    assert "api_errors.handlers.exception_handler" in warning.hint
    assert "SILENCED_SYSTEM_CHECKS" in warning.hint


def test_exception_handler_not_set(settings):
    settings.REST_FRAMEWORK = {}
    assert ids() == ["api_errors.W003"]


def test_a_warning_can_be_silenced(settings, capsys):
    settings.REST_FRAMEWORK = {}
    settings.SILENCED_SYSTEM_CHECKS = ["api_errors.W003"]
    call_command("check")
    assert "api_errors" not in capsys.readouterr().err


def test_csrf_failure_view_not_set_while_api_prefix_is(settings):
    settings.CSRF_FAILURE_VIEW = "django.views.csrf.csrf_failure"  # Django's default
    [warning] = messages()
    assert warning.id == "api_errors.W004"
    assert "api_errors.views.csrf_failure" in warning.hint


@pytest.mark.parametrize("change", ["no prefix", "no csrf middleware"])
def test_csrf_failure_view_needed_only_with_a_prefix_and_django_csrf(settings, change):
    settings.CSRF_FAILURE_VIEW = "django.views.csrf.csrf_failure"  # Django's default
    if change == "no prefix":
        settings.API_ERRORS = {"API_PREFIX": None}
    else:
        settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "csrf" not in m]
    assert messages() == []


def test_error_handlers_not_set(settings):
    settings.ROOT_URLCONF = "tests.urls_without_handlers"
    [warning] = messages()
    assert warning.id == "api_errors.W005"
    assert "handler400, handler403, handler404, handler500" in warning.msg
    assert 'handler404 = "api_errors.views.handler404"' in warning.hint


def _make_subclass():
    from api_errors.middleware import CorrelationIdMiddleware

    global OurSubclass
    OurSubclass = type("OurSubclass", (CorrelationIdMiddleware,), {"__module__": __name__})


_make_subclass()


def test_the_integrations_setting_accepts_exactly_the_integrations_there_are():
    from api_errors.integrations import LIBRARIES
    from api_errors.settings import INTEGRATION_NAMES

    assert sorted(LIBRARIES) == sorted(INTEGRATION_NAMES) == sorted(DEFAULTS["INTEGRATIONS"])
