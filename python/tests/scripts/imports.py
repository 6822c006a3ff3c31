"""Run by test_integrations: which optional libraries does importing and using the package import?

``present``: import every module of the package (no Django set-up), print what got imported.
``absent``: block the libraries, set Django up, answer one request, print what got imported.
"""
import importlib.abc
import json
import sys

LIBRARIES = ("sentry_sdk", "opentelemetry", "celery")


class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in LIBRARIES:
            raise ModuleNotFoundError("No module named %r (blocked)" % name, name=name)
        return None


def imported():
    return sorted(name for name in sys.modules if name.split(".")[0] in LIBRARIES)


if sys.argv[1] == "present":
    import api_errors  # noqa: F401
    for module in ("correlation", "handlers", "logging", "middleware", "responses", "settings", "views",
                   "integrations"):
        __import__("api_errors." + module)
    print(json.dumps({"imported": imported()}))
else:
    sys.meta_path.insert(0, Block())
    import django
    from django.test import Client

    django.setup()
    response = Client().get("/api/raise/not-found/")
    print(json.dumps({"imported": imported(), "status": response.status_code,
                      "correlation_id": response.json()["error"]["correlation_id"]}))
