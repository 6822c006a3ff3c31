"""The test app's model: an order whose validators and clean() raise Django's ValidationError."""
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models


class Order(models.Model):
    email = models.EmailField()
    qty = models.IntegerField(validators=[MinValueValidator(1)])
    note = models.CharField(max_length=20, blank=True)

    class Meta:
        app_label = "tests"

    def clean(self) -> None:
        if self.note == "rush" and (self.qty or 0) > 10:
            raise ValidationError("Rush orders are limited to 10 items.", code="rush_limit")
