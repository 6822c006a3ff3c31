"""OpenTelemetry: the correlation id on the active span, or the span's trace id as the id.

The id is set as the ``correlation_id`` attribute of the span active when the middleware runs
(the server span of ``opentelemetry-instrumentation-django``, for one). With
``TRACE_ID_AS_CORRELATION_ID``, a request without a trusted client id takes the trace id (32 hex
digits) as its id, so the Reference a user reads is the trace to open.
"""
from opentelemetry import trace

ATTRIBUTE = "correlation_id"


def incoming_id(request):
    context = trace.get_current_span().get_span_context()
    return trace.format_trace_id(context.trace_id) if context.is_valid else None


def bind(request, cid):
    span = trace.get_current_span()
    if span.is_recording():
        span.set_attribute(ATTRIBUTE, cid)
    return None
