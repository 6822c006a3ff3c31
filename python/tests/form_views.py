"""Plain Django pages (no DRF): a CreateView and a FormView over a formset with AjaxFormMixin, and
function views answering with form_error_response."""
from django.http import HttpResponse
from django.views.generic import CreateView, FormView

from api_errors import AjaxFormMixin, form_error_response

from .forms import LineFormSet, OrderForm
from .models import Order


class OrderCreateView(AjaxFormMixin, CreateView):
    model = Order
    form_class = OrderForm
    template_name = "tests/order_form.html"
    success_url = "/pages/orders/done/"


class LinesView(AjaxFormMixin, FormView):
    form_class = LineFormSet
    template_name = "tests/lines.html"
    success_url = "/pages/lines/done/"


def order_function_view(request):
    form = OrderForm(request.POST)
    if not form.is_valid():
        return form_error_response(form, message="Please check the order.")
    return HttpResponse("saved")


def lines_function_view(request):
    formset = LineFormSet(request.POST, prefix="lines")
    if not formset.is_valid():
        return form_error_response(formset, status=422)
    return HttpResponse("saved")
