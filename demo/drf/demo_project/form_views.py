"""A plain Django page (no DRF): a ModelForm and a formset, posted by jQuery.

    GET  /forms/          the page: both forms rendered by Django's own form templates (as_p)
    POST /forms/account/  a ModelForm on the auth User: an AJAX post answers Django's documented
                          JSON, `JsonResponse(form.errors.get_json_data(), status=400)`, or 201;
                          a plain HTML post renders the page again with Django's errorlists
    POST /forms/order/    a formset of order lines: an AJAX post answers the same JSON with the
                          inputs' names (`form-1-qty`), the formset's own errors under `__all__`

Works on Django 3.2 to 6.0: nothing here needs a newer Django than 3.2.
"""
from django import forms
from django.contrib.auth import get_user_model
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST


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


def is_ajax(request):
    """jQuery sends X-Requested-With with every same-origin request; a plain HTML post does not."""
    return request.headers.get("X-Requested-With") == "XMLHttpRequest"


def formset_errors(formset):
    """Django's error JSON for a formset: each form's errors under the inputs' own names
    (`form-1-qty`), the formset's and the forms' own errors under `__all__`."""
    errors = {}
    for form in formset.forms:
        for name, items in form.errors.get_json_data().items():
            key = "__all__" if name == "__all__" else form.add_prefix(name)
            errors.setdefault(key, []).extend(items)
    non_form = formset.non_form_errors().get_json_data()
    if non_form:
        errors.setdefault("__all__", []).extend(non_form)
    return errors


def _page(request, account=None, order=None, status=200):
    return render(request, "forms.html", {
        "account": account or AccountForm(),
        "order": order or OrderFormSet(),
    }, status=status)


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
        return JsonResponse(formset_errors(formset), status=400)
    return _page(request, order=formset, status=400)
