"""Sentry: the correlation id as the ``correlation_id`` tag of the request's scope.

With Sentry's Django integration each request has its own isolation scope, so every event of the
request (an error, a message, a log record turned event) carries the tag; searching Sentry for
``correlation_id:<the Reference>`` finds them. Needs ``sentry-sdk`` 2.x.
"""
import sentry_sdk

TAG = "correlation_id"


def active():
    """Set up with a DSN (``sentry_sdk.init`` in settings.py) by the time the middleware is made."""
    return sentry_sdk.get_client().is_active()


def bind(request, cid):
    scope = sentry_sdk.get_isolation_scope()
    scope.set_tag(TAG, cid)
    return lambda: scope.remove_tag(TAG)
