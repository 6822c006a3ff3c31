"""URLs of views_runtime, under /api/rt/."""
from django.urls import path

from . import views_runtime as views

urlpatterns = [
    path("sleep/", views.sleep_view),
    path("async-ok/", views.async_ok),
    path("ok/", views.OkView.as_view()),
    path("invalid/", views.InvalidView.as_view()),
    path("echo/<int:n>/", views.EchoView.as_view()),
    path("task/", views.send_task),
]
