"""Celery: a task sent while a request runs carries its correlation id, and its logs show it.

``before_task_publish`` puts the current id in the message headers; in the worker,
``task_prerun`` makes it current for the task (so ``CorrelationIdFilter`` gives it to every record
the task logs) and ``task_postrun`` restores what was current before. Eager tasks
(``task_always_eager``) run where they are sent and keep the caller's id.
"""
from typing import Any, Dict

from celery import signals

from ..correlation import current_correlation_id, restore, use

# Not "correlation_id": Celery uses that name for the task id in its message properties.
HEADER = "api_errors_correlation_id"
_tokens: Dict[Any, Any] = {}  # task id -> the token restore() takes


def _on_publish(headers=None, **kwargs):
    cid = current_correlation_id()
    if cid and headers is not None and not headers.get(HEADER):
        headers[HEADER] = cid


def _on_prerun(task_id=None, task=None, **kwargs):
    request = getattr(task, "request", None)
    cid = getattr(request, HEADER, None) or current_correlation_id()
    if cid:
        _tokens[task_id] = use(cid)


def _on_postrun(task_id=None, **kwargs):
    token = _tokens.pop(task_id, None)
    if token is not None:
        restore(token)


def connect():
    signals.before_task_publish.connect(_on_publish, weak=False, dispatch_uid="api_errors.publish")
    signals.task_prerun.connect(_on_prerun, weak=False, dispatch_uid="api_errors.prerun")
    signals.task_postrun.connect(_on_postrun, weak=False, dispatch_uid="api_errors.postrun")
