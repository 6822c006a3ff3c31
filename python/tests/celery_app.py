"""A Celery app for the tests, and a task that logs; the view in views_runtime sends it."""
import logging

from celery import Celery

app = Celery("api_errors_tests", set_as_current=False)
app.conf.update(task_always_eager=True, broker_url="memory://", result_backend="cache+memory://")
task_logger = logging.getLogger("api_errors.tests.task")


@app.task(name="tests.log_something")
def log_something(n):
    task_logger.info("task n=%s", n)
    return n
