"""A plain Django page (no DRF): a ModelForm, a formset and a FormView, posted by jQuery.

    GET  /forms/             the page: the forms rendered by Django's own form templates (as_p)
    POST /forms/account/     a ModelForm on the auth User: an AJAX post answers Django's documented
                             JSON, `JsonResponse(form.errors.get_json_data(), status=400)`, or 201;
                             a plain HTML post renders the page again with Django's errorlists
    POST /forms/order/       a formset of order lines: an AJAX post answers the package's envelope,
                             `form_error_response(formset)`: the inputs' names (`form-1-qty`), the
                             formset's own errors under `__all__`
    POST /forms/newsletter/  a FormView with the package's `AjaxFormMixin`: an AJAX post answers the
                             envelope (400) or `{"redirect": "/forms/?subscribed=1"}`; a plain
                             post is Django's (the page again with its errorlists, or the redirect)

Works on Django 3.2 to 6.0: nothing here needs a newer Django than 3.2.
"""
from django import forms
from django.contrib.auth import get_user_model
from django.http import JsonResponse
from django.shortcuts import render
from django.views.generic import FormView
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST

from api_errors import AjaxFormMixin, form_error_response


class AccountForm(forms.ModelForm):
    email = forms.EmailField(label="Email")

    class Meta:
        model = get_user_model()
        fields = ["username", "email"]

    def clean(self):
        cleaned = super().clean()
        username, email = cleaned.get("username"), cleaned.get("email")
        if username and email and email.split("@")[0].lower() == username.lower():
            raise forms.ValidationError("Choose a username that is not your email address.",
                                        code="username_is_email")
        return cleaned


class OrderLineForm(forms.Form):
    sku = forms.CharField(label="Product", max_length=8)
    qty = forms.IntegerField(label="Quantity", min_value=1, max_value=99)


class BaseOrderFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        skus = [form.cleaned_data.get("sku") for form in self.forms if form.cleaned_data]
        if len(skus) != len(set(skus)):
            raise forms.ValidationError("Each product can be on one line only.", code="duplicate")


OrderFormSet = forms.formset_factory(OrderLineForm, formset=BaseOrderFormSet, extra=3)


class NewsletterForm(forms.Form):
    prefix = "newsletter"  # its inputs are newsletter-email...: the account form has an email too
    email = forms.EmailField(label="Email")
    weekly = forms.BooleanField(label="Weekly news", required=False)
    releases = forms.BooleanField(label="Release notes", required=False)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("weekly") or cleaned.get("releases")):
            raise forms.ValidationError("Choose at least one newsletter.", code="no_newsletter")
        return cleaned


def is_ajax(request):
    """jQuery sends X-Requested-With with every same-origin request; a plain HTML post does not."""
    return request.headers.get("X-Requested-With") == "XMLHttpRequest"


def _context(request, account=None, order=None, newsletter=None):
    return {
        "account": account or AccountForm(),
        "order": order or OrderFormSet(),
        "newsletter": newsletter or NewsletterForm(),
        "subscribed": "subscribed" in request.GET,
    }


def _page(request, account=None, order=None, status=200):
    return render(request, "forms.html", _context(request, account, order), status=status)


@require_GET
@ensure_csrf_cookie
def forms_page(request):
    return _page(request)


@require_POST
def account(request):
    form = AccountForm(request.POST)
    if form.is_valid():
        user = form.save()
        return JsonResponse({"ok": True, "username": user.get_username()}, status=201)
    if is_ajax(request):
        return JsonResponse(form.errors.get_json_data(), status=400)
    return _page(request, account=form, status=400)


@require_POST
def order(request):
    formset = OrderFormSet(request.POST)
    if formset.is_valid():
        lines = [form.cleaned_data for form in formset.forms if form.cleaned_data]
        return JsonResponse({"ok": True, "lines": len(lines)})
    if is_ajax(request):
        return form_error_response(formset, request=request)
    return _page(request, order=formset, status=400)


class NewsletterView(AjaxFormMixin, FormView):
    """Django's FormView as it is, plus the mixin: nothing here is about AJAX."""
    http_method_names = ["post"]
    form_class = NewsletterForm
    template_name = "forms.html"
    success_url = "/forms/?subscribed=1"

    def get_context_data(self, **kwargs):
        return _context(self.request, newsletter=kwargs.get("form"))
