"""What the handler guards against is real on every DRF the package supports."""
from django.http import Http404
from rest_framework import views


def test_drfs_own_handler_passes_http404s_text_on():
    # DRF 3.15 and later build NotFound(*exc.args): the view's text would reach the client. The
    # package's handler answers DRF's default message instead (test_handlers checks it does).
    response = views.exception_handler(Http404("secret path"), {})
    assert str(response.data["detail"]) == "secret path"
