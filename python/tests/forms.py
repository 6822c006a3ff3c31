"""The test app's forms: a ModelForm over Order (its model's clean() too), and a formset of lines."""
from django import forms

from .models import Order


class OrderForm(forms.ModelForm):
    confirm_email = forms.EmailField()
    step = forms.IntegerField(widget=forms.HiddenInput, initial=1, max_value=1)

    class Meta:
        model = Order
        fields = ["email", "qty", "note"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("email") and cleaned.get("confirm_email") not in (None, cleaned["email"]):
            raise forms.ValidationError("The two e-mail addresses differ.", code="email_mismatch")
        return cleaned


class LineForm(forms.Form):
    sku = forms.CharField(max_length=8)
    qty = forms.IntegerField(min_value=1)


LineFormSet = forms.formset_factory(LineForm, extra=0, max_num=3, validate_max=True, can_delete=True)
