"""The demo runs on the installed drf-api-errors package: say how to get it when it is missing."""
import sys


def require_api_errors():
    try:
        import api_errors  # noqa: F401
    except ImportError:
        sys.exit(
            "drf-api-errors is not installed for %s.\n"
            "Run the demo with `npm run demo:drf` (it makes .tmp/venv with the package), or\n"
            "`node scripts/drf-venv.mjs demo/drf/manage.py ...`, or `pip install ./python` in your own venv."
            % sys.executable
        )
