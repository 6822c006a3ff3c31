"""Read-only file serving for the demo pages, the plugin build and node_modules."""
import os
from html import escape

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, HttpResponse, HttpResponseNotAllowed, HttpResponseNotFound
from django.utils._os import safe_join

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "application/javascript; charset=utf-8",
    ".cjs": "application/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".ts": "text/plain; charset=utf-8",
    ".mts": "text/plain; charset=utf-8",
    ".cts": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".gif": "image/gif",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
}


def _not_found():
    return HttpResponseNotFound("Not found.", content_type="text/plain; charset=utf-8")


def _resolve(root, path):
    """The file under ``root`` for the URL ``path``, or None (never outside ``root``)."""
    if not path or "\x00" in path or "\\" in path:
        return None
    parts = path.split("/")
    if any(part in ("..", ".") or part.startswith(".") for part in parts if part):
        return None                                      # no traversal, no dotfiles
    try:
        full = safe_join(str(root), path)
    except (SuspiciousFileOperation, ValueError):
        return None
    return full if os.path.isfile(full) else None


def serve_file(request, path, root):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    full = _resolve(root, path)
    if full is None:
        return _not_found()
    ext = os.path.splitext(full)[1].lower()
    content_type = CONTENT_TYPES.get(ext, "application/octet-stream")
    if request.method == "HEAD":
        response = HttpResponse(b"", content_type=content_type)
        response["Content-Length"] = str(os.path.getsize(full))
    else:
        response = FileResponse(open(full, "rb"), content_type=content_type)
        response["Content-Type"] = content_type  # FileResponse re-guesses text/html types
    response["Cache-Control"] = "no-cache"
    return response


def serve_public(request, path):
    return serve_file(request, path, settings.PUBLIC_DIR)


def serve_dist(request, path):
    return serve_file(request, path, settings.DIST_DIR)


def serve_node_modules(request, path):
    return serve_file(request, path, settings.NODE_MODULES_DIR)


def serve_vendor(request, path):
    """/vendor/jquery/dist/jquery.js, and the short /vendor/jquery/jquery.js."""
    parts = path.split("/")
    if len(parts) == 2 and _resolve(settings.NODE_MODULES_DIR, path) is None:
        path = "%s/dist/%s" % (parts[0], parts[1])
    return serve_file(request, path, settings.NODE_MODULES_DIR)


INDEX_LINKS = [
    ("legacy.html", "Legacy page: plain $.ajax forms"),
    ("backbone.html", "Backbone page: model.save"),
]
API_LINKS = [
    "/api/scenario/ok", "/api/scenario/401", "/api/scenario/403", "/api/scenario/404",
    "/api/scenario/429", "/api/scenario/500", "/api/scenario/500-html", "/api/scenario/502",
    "/api/scenario/slow?ms=3000", "/api/scenario/xss", "/api/scenario/network",
    "/api/session/", "/api/login-required/", "/api/throttled/", "/api/unavailable/", "/accounts/login/",
]


def index(request):
    """demo/public/index.html when it exists, else a small generated page."""
    if os.path.isfile(os.path.join(str(settings.PUBLIC_DIR), "index.html")):
        return serve_file(request, "index.html", settings.PUBLIC_DIR)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    pages = "".join(
        '<li><a href="/%s">%s</a></li>' % (escape(href), escape(label)) for href, label in INDEX_LINKS
    )
    api = "".join('<li><a href="%s">%s</a></li>' % (escape(u), escape(u)) for u in API_LINKS)
    body = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>jquery-api-errors: DRF demo</title></head><body>"
        "<h1>jquery-api-errors: Django REST Framework demo</h1>"
        "<ul>%s</ul><h2>API scenarios</h2><ul>%s</ul>"
        "<p>POST /api/signup takes JSON or form data.</p></body></html>" % (pages, api)
    )
    return HttpResponse(body, content_type="text/html; charset=utf-8")
