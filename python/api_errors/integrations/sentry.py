"""Sentry: the correlation id as the ``correlation_id`` tag of the request's scope.

With Sentry's Django integration each request has its own isolation scope, so every event of the
request (an error, a message, a log record turned event) carries the tag; searching Sentry for
``correlation_id:<the Reference>`` finds them. Needs ``sentry-sdk`` 2.x.
"""
import sentry_sdk

TAG = "correlation_id"


def bind(request, cid):
    if not sentry_sdk.get_client().is_active():  # installed, but not set up with a DSN
        return None
    scope = sentry_sdk.get_isolation_scope()
    scope.set_tag(TAG, cid)
    return lambda: scope.remove_tag(TAG)
