"""Plain Django views and forms (no DRF): a form's or a formset's errors, or a ``ValidationError``,
as the envelope; and ``AjaxFormMixin``, which answers a ``FormView``'s AJAX posts in JSON.

The field keys are the inputs' HTML names (``form.add_prefix(name)``: ``email``, a formset's
``form-1-qty``), so the browser plugin finds each input by its ``name``. What belongs to no input
(a form's ``__all__``, a formset's ``non_form_errors()``, a hidden field's errors) is under
``__all__``, which the plugin shows as the form's errors. Messages are plain strings, in order.
"""
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.formsets import DELETION_FIELD_NAME
from typing import Any, Optional

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext

from .mapping import django_validation_errors
from .responses import error_info, respond
from .settings import api_settings


def _add(errors, codes, key, items):
    errors.setdefault(key, []).extend(str(item["message"]) for item in items)
    codes.setdefault(key, []).extend(item["code"] or "invalid" for item in items)


def _add_form(form, errors, codes):
    for name, items in form.errors.get_json_data().items():
        if name != NON_FIELD_ERRORS and form[name].is_hidden:
            # Nobody sees a hidden input: say which, as Django's own form templates do.
            hidden = gettext("(Hidden field %(name)s) %(error)s")
            items = [dict(item, message=hidden % {"name": name, "error": item["message"]}) for item in items]
            name = NON_FIELD_ERRORS
        _add(errors, codes, name if name == NON_FIELD_ERRORS else form.add_prefix(name), items)


def form_errors(form_or_formset):
    """``(errors, codes)``: the messages and Django's error codes, by input name."""
    errors, codes = {}, {}
    if hasattr(form_or_formset, "non_form_errors"):
        formset = form_or_formset
        formset.is_valid()
        _add(errors, codes, NON_FIELD_ERRORS, formset.non_form_errors().get_json_data())
        for form in formset.forms:
            deleted = formset.can_delete and getattr(form, "cleaned_data", {}).get(DELETION_FIELD_NAME)
            if not deleted:  # Django ignores the errors of a form marked for deletion
                _add_form(form, errors, codes)
    else:
        _add_form(form_or_formset, errors, codes)
    empty = [key for key, messages in errors.items() if not messages]
    for key in empty:
        del errors[key], codes[key]
    return errors, codes


def _response(errors, codes, status, message, request, exception=None):
    return respond(error_info(status, message or api_settings.VALIDATION_MESSAGE, errors, "VALIDATION_ERROR",
                              request=request, field_codes=codes if api_settings.FIELD_CODES else None,
                              exception=exception))


def form_error_response(form_or_formset: Any, *, status: int = 400, message: Any = None,
                        request: Optional[HttpRequest] = None) -> JsonResponse:
    """The envelope (a ``JsonResponse``) for an invalid form or formset."""
    errors, codes = form_errors(form_or_formset)
    return _response(errors, codes, status, message, request)


def validation_error_response(exc, *, status=400, message=None, request=None):
    """The envelope for Django's ``ValidationError`` (``full_clean()``, a model's ``clean()``...)."""
    detail = django_validation_errors(exc)
    errors = {key: [str(item) for item in items] for key, items in detail.items()}
    codes = {key: [item.code for item in items] for key, items in detail.items()}
    return _response(errors, codes, status, message, request, exc)


def _preferred_type(accept):
    """``application/json`` or ``text/html``, whichever ``accept`` ranks first; ties: the first listed."""
    best, best_q = None, 0.0
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        if media.lower() not in ("application/json", "text/html"):
            continue
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q > best_q:
            best, best_q = media.lower(), q
    return best


def wants_json(request):
    """An AJAX post as jQuery sends it (``X-Requested-With``), or an Accept preferring JSON to HTML."""
    headers = request.headers
    if headers.get("X-Requested-With") == "XMLHttpRequest":
        return True
    return _preferred_type(headers.get("Accept", "")) == "application/json"


class AjaxFormMixin:
    """For ``FormView``, ``CreateView`` and ``UpdateView``: an AJAX or JSON post that is invalid
    is answered with the envelope (400); a valid one with ``{"redirect": <success URL>}`` (200),
    where the page sends the person (an AJAX request would follow a 302 and get the next page's
    HTML). A plain HTML post is Django's: the form re-rendered, or the redirect.
    """

    def form_invalid(self, form):
        if wants_json(self.request):
            return form_error_response(form, request=self.request)
        return super().form_invalid(form)

    def form_valid(self, form):
        response = super().form_valid(form)
        if wants_json(self.request) and 300 <= response.status_code < 400:
            return self.ajax_form_valid(form, response)
        return response

    def ajax_form_valid(self, form, response):
        """The answer to a valid AJAX post; ``response`` is the redirect Django would have sent."""
        return JsonResponse({"redirect": response["Location"]})
