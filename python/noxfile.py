"""The drf-api-errors matrix: the built wheel, tested on each Django/DRF pair it supports.

    nox -f python/noxfile.py                      every session (what CI runs)
    nox -f python/noxfile.py -s django52-drf318   one env; after ``--``, arguments for pytest

Each env installs exactly what ``constraints/<env>.txt`` pins (every package, the transitive ones
too: the session fails when something unpinned slips in), builds the wheel from a copy of this
directory and installs it, then runs ``tests/`` with pytest from a directory without the sources,
so the tests prove the wheel. Sessions run on the Python that runs nox.
"""
import email
import pathlib
import re
import shutil
import sys
import zipfile

import nox
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

HERE = pathlib.Path(__file__).resolve().parent
CONSTRAINTS = HERE / "constraints"
# env name: what it proves. The last one is the newest pair; npm test and the DRF demo use it.
ENVS = {
    "django42-drf315": "Django 4.2 LTS with DRF 3.15",
    "django52-drf316": "Django 5.2 LTS with DRF 3.16",
    "django52-drf318": "the newest DRF with the newest Django it supports on Python 3.11",
}
NEWEST = "django52-drf318"
# What the suite needs besides the wheel: every extra (the integrations' tests), the servers the
# correlation-id tests run under, django-cors-headers; no test may be skipped (API_ERRORS_NO_SKIPS).
TEST_EXTRAS = "openapi,sentry,opentelemetry,celery"
TEST_PACKAGES = ("pytest", "pytest-django", "uvicorn", "gunicorn", "django-cors-headers", "opentelemetry-sdk")
# What a build of the wheel may leave in a copy of python/; never part of the package.
LEFTOVERS = shutil.ignore_patterns(".nox", ".mypy_cache", ".pytest_cache", "build", "dist", "*.egg-info",
                                   "__pycache__", "*.pyc")

nox.options.sessions = [*ENVS, "typing", "package"]
nox.options.error_on_external_run = True


def _constraint(name):
    return str(CONSTRAINTS / ("%s.txt" % name))


def _source_copy(session):
    """A copy of python/ in the session's tmp dir, to build from (the build leaves nothing in
    python/), and an empty directory for what it makes."""
    tmp = pathlib.Path(session.create_tmp())
    source, out = tmp / "source", tmp / "dist"
    for path in (source, out):
        shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(HERE, source, ignore=LEFTOVERS)
    return str(source), out


# The build backend (setuptools, in the isolated build environment) pinned too: pip from 26 reads
# PIP_BUILD_CONSTRAINT, older pip and build's own install PIP_CONSTRAINT.
BUILD_ENV = {"PIP_BUILD_CONSTRAINT": str(CONSTRAINTS / "build.txt"), "PIP_CONSTRAINT": str(CONSTRAINTS / "build.txt")}


def _wheel(session):
    source, out = _source_copy(session)
    session.run("python", "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(out), source,
                env=BUILD_ENV, silent=True)
    [wheel] = out.glob("drf_api_errors-*.whl")
    return str(wheel)


def _install(session, name, *packages, extras="openapi"):
    """The freshly built wheel with ``extras`` and ``packages``, at the pins of
    constraints/<name>.txt; the wheel reinstalled even where a reused env has its version."""
    constraints, wheel = _constraint(name), _wheel(session)
    session.install("-c", constraints, "%s[%s]" % (wheel, extras), *packages)
    session.install("--force-reinstall", "--no-deps", wheel)
    _assert_all_pinned(session, constraints)


def _assert_all_pinned(session, constraints):
    """Every installed package is pinned in ``constraints`` at the version installed."""
    pinned = {line.strip().lower() for line in pathlib.Path(constraints).read_text().splitlines()
              if line.strip() and not line.startswith("#")}
    frozen = session.run("python", "-m", "pip", "freeze", "--exclude", "drf-api-errors", silent=True)
    loose = [line for line in frozen.splitlines() if line and line.lower() not in pinned]
    if loose:
        session.error("not pinned in %s: %s" % (constraints, ", ".join(loose)))
    session.run("python", "-m", "pip", "check", silent=True)


def _copy_tests(session):
    """tests/ and pytest.ini in a directory of their own: only the installed wheel is importable."""
    run = pathlib.Path(session.create_tmp()) / "run"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir()
    shutil.copytree(HERE / "tests", run / "tests", ignore=LEFTOVERS)
    shutil.copy(HERE / "pytest.ini", run / "pytest.ini")
    return run


def _matrix_env(name):
    @nox.session(name=name, python=None)
    def env(session):
        _install(session, name, *TEST_PACKAGES, extras=TEST_EXTRAS)
        with session.chdir(_copy_tests(session)):
            session.run("python", "-c", "import api_errors, sys; assert 'site-packages' in api_errors.__file__, "
                        "api_errors.__file__; import django, rest_framework; print(sys.version.split()[0], "
                        "'Django', django.__version__, 'DRF', rest_framework.VERSION)")
            session.run("python", "-m", "pytest", *session.posargs, env={"API_ERRORS_NO_SKIPS": "1"})

    env.__doc__ = "The package's tests on %s (constraints/%s.txt)." % (ENVS[name], name)
    return env


for _name in ENVS:
    globals()[_name.replace("-", "_")] = _matrix_env(_name)


@nox.session(python=None)
def typing(session):
    """mypy with django-stubs: the package's code, and its public API as a project types it
    (strict, from the installed wheel: py.typed is shipped and every public call is typed)."""
    _install(session, "typing", "mypy", "django-stubs", "djangorestframework-stubs")
    config = str(HERE / "pyproject.toml")
    with session.chdir(HERE):
        session.run("mypy", "--config-file", config, "api_errors")
    with session.chdir(_copy_tests(session)):
        session.run("mypy", "--config-file", config, "--strict", "tests/typing_public_api.py")


@nox.session(python=None)
def package(session):
    """python -m build (the sdist, then the wheel from it) and twine check; the wheel holds the
    package, its translations and py.typed, and no tests."""
    constraints = _constraint("package")
    session.install("-c", constraints, "build", "twine")
    _assert_all_pinned(session, constraints)
    source, out = _source_copy(session)
    session.run("python", "-m", "build", "--outdir", str(out), source, env=BUILD_ENV, silent=True)
    dists = sorted(str(path) for path in out.iterdir())
    session.run("twine", "check", "--strict", *dists)
    [wheel] = out.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tests = [name for name in names if name.startswith("tests/") or "/tests/" in name]
    if tests:
        session.error("the wheel ships tests: %s" % ", ".join(tests))
    for required in ("api_errors/py.typed", "api_errors/checks.py", "api_errors/locale/fr/LC_MESSAGES/django.mo"):
        if required not in names:
            session.error("the wheel lacks %s" % required)
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [name for name in names if name.endswith(".dist-info/METADATA")]
        problems = _declared_is_tested(email.message_from_bytes(archive.read(metadata)))
    if problems:
        session.error("the metadata does not match the matrix: " + "; ".join(problems))
    session.log("%s: %d files, no tests; Python, Django and DRF as the matrix runs" % (wheel.name, len(names)))


def _tested(distribution):
    """The (major, minor) of ``distribution`` in each env's constraints."""
    found = set()
    for name in ENVS:
        for line in pathlib.Path(_constraint(name)).read_text().splitlines():
            if line.lower().startswith(distribution.lower() + "=="):
                found.add(tuple(int(part) for part in line.split("==")[1].split(".")[:2]))
    return found


def _declared_is_tested(metadata):
    """What the wheel declares (bounds, classifiers) against what the matrix runs: the bounds start
    at the oldest release tested and end before the release after the newest; the classifiers
    name exactly the versions tested."""
    problems = []
    python = sys.version_info[:2]
    tested = {"Python": {python}, "Django": _tested("Django"), "djangorestframework": _tested("djangorestframework")}
    bounds = {"Python": SpecifierSet(metadata["Requires-Python"])}
    bounds.update({Requirement(line).name: Requirement(line).specifier for line in metadata.get_all("Requires-Dist")
                   if "extra ==" not in line})
    for name, versions in tested.items():
        low, high = min(versions), max(versions)
        after = (high[0] + 1, 0) if name == "Django" and high[1] == 2 else (high[0], high[1] + 1)
        inside = ["%d.%d.0" % low, "%d.%d.99" % high]
        outside = ["%d.%d.99" % (low[0], low[1] - 1), "%d.%d.0" % after] if name != "Python" else ["%d.%d" % (low[0], low[1] - 1)]
        spec = bounds.get(name, SpecifierSet())
        if not all(spec.contains(v) for v in inside) or any(spec.contains(v) for v in outside):
            problems.append("%s %s, tested %s" % (name, spec, sorted(versions)))
    classifiers = set(metadata.get_all("Classifier"))
    for prefix, versions in (("Programming Language :: Python :: ", tested["Python"]),
                             ("Framework :: Django :: ", tested["Django"])):
        declared = {c[len(prefix):] for c in classifiers if re.fullmatch(re.escape(prefix) + r"\d+\.\d+", c)}
        expected = {"%d.%d" % version for version in versions}
        if declared != expected:
            problems.append("classifiers %s%s, tested %s" % (prefix, sorted(declared), sorted(expected)))
    return problems
