/*! jquery-api-errors 0.1.0 | MIT License */
/** The formats parseApiError recognises, in the order it tries them. */
type ApiErrorFormat = 'envelope' | 'problem' | 'jsonapi' | 'standardized' | 'django' | 'laravel' | 'drf' | 'none';
/**
 * What the plugin made of a failure, whatever code the server sent: field or form errors
 * (`validation`), an expired session, a CSRF failure, throttling (429), an unavailable service
 * (502 to 504), a timeout, no network while offline or online, any other answer of 500 and above
 * (`server`) or 400 and above (`client`), else a response that could not be read (`parse`).
 */
type ApiErrorKind = 'validation' | 'session_expired' | 'csrf' | 'rate_limited' | 'unavailable' | 'timeout' | 'offline' | 'network' | 'parse' | 'server' | 'client';
/** Any failed response, reduced to one shape. Made only by parseApiError, so always well formed. */
interface ApiError {
    /** Never empty. */
    message: string;
    /**
     * The server's code exactly as it sent it; only when it sent none, one derived from the
     * response: VALIDATION_ERROR, SESSION_EXPIRED, CSRF_FAILED, RATE_LIMITED, SERVICE_UNAVAILABLE,
     * TIMEOUT, OFFLINE, NETWORK_ERROR, PARSE_ERROR or UNKNOWN_ERROR.
     */
    code: string;
    /** What the plugin made of the failure: the policies, `messages` and `stickyWhen` go by it. */
    kind: ApiErrorKind;
    /** HTTP status; 0 when no response arrived. */
    status: number;
    /** Field errors keyed by dotted path (`address.city`, `items.1.qty`). */
    errors: Record<string, string[]>;
    /** Errors tied to no field (`non_field_errors`, `__all__`, pointer-less errors). */
    formErrors: string[];
    correlationId: string | null;
    timestamp: string | null;
    /** Seconds the server asks to wait before trying again (1 to 86400), else null. */
    retryAfter: number | null;
    format: ApiErrorFormat;
    /** The parsed body, if any. */
    raw: unknown;
}
/** What parseApiError accepts: a jqXHR or anything shaped like one. */
interface XhrLike {
    status?: number;
    responseJSON?: unknown;
    responseText?: string;
    getResponseHeader?: (name: string) => string | null;
    /** The URL the response came from (XMLHttpRequest's), to tell that a redirect happened. */
    responseURL?: string;
}
/** Minimal structural views of jQuery and Backbone, so the plugin never imports either. */
type JQueryLike = any;
type BackboneLike = any;
/**
 * `$.ajax` and Backbone's save/fetch/destroy take `apiErrors`. These merge into @types/jquery's
 * interfaces when it is installed (Backbone's option types extend jQuery's settings); without
 * it they declare names nothing else uses, so a project without @types/jquery still compiles.
 */
declare global {
    interface JQueryStatic {
    }
    namespace JQuery {
        namespace Ajax {
            interface AjaxSettingsBase<TContext> {
                /** `false`: the plugin leaves this request alone; an object: options for this request. */
                apiErrors?: RequestApiErrorsOptions | false;
            }
        }
    }
}
/** jQuery's `JQuery.jqXHR` when @types/jquery is installed, else `any`. */
type JqXHR = JQueryStatic extends {
    ajax(settings?: any): infer X;
} ? X : any;
/** `JQuery.AjaxSettings` when @types/jquery is installed, else a record of anything. */
type AjaxSettings = JQueryStatic extends {
    ajaxSetup(options: infer S): any;
} ? S : Record<string, any>;
/** Where a failure is rendered; every renderer gets the same object. */
interface ApiErrorContext {
    jqXHR: JqXHR;
    settings: AjaxSettings;
    /** The element field errors are looked up in: the request's form, or `document`. */
    scope: Element | Document;
    /** The Backbone model, for failures that came from Backbone.sync. */
    model?: unknown;
    /** The Backbone options object of that request. */
    options?: Record<string, unknown>;
    /** Field errors that no element took; the toast shows them, each led by its label or path. */
    unrendered: Record<string, string[]>;
    /** The error summary drawn for this failure, if any: the toast then needs only the message. */
    summary?: Element | null;
    /** Label text by path, for the unrendered fields that have a label somewhere on the page. */
    fieldLabels?: Record<string, string>;
    /** The options in force for this request: the install options, then its own `apiErrors`. */
    apiErrors?: Readonly<ApiErrorsOptions>;
    /** The options the page passed to `$.ajax`, before jQuery merged in its defaults. */
    originalOptions?: AjaxSettings;
}
/** Where the default toasts sit; `start` and `end` follow the page's direction. */
type ToastPosition = 'top-end' | 'top-start' | 'top-center' | 'bottom-end' | 'bottom-start' | 'bottom-center';
/** Called once when requests start failing with SESSION_EXPIRED, again only after a success. */
type SessionExpiredHandler = (error: ApiError, context: ApiErrorContext) => void;
type ToastRenderer = (message: string, error: ApiError, context: ApiErrorContext) => void;
type FieldRenderer = (field: string, messages: string[], error: ApiError, context: ApiErrorContext) => boolean | void;
type FieldClearer = (context: ApiErrorContext) => void;
/** Options of installApiErrors; every one can also be given per request as `apiErrors: {…}`. */
interface ApiErrorsOptions {
    toast?: ToastRenderer | false;
    renderField?: FieldRenderer | false;
    clearFields?: FieldClearer | false;
    fallbackMessage?: string;
    /** Messages by code, HTTP status or kind (in that order), used only when the server gave no message. */
    messages?: Record<string | number, string>;
    shouldHandle?: (jqXHR: JqXHR, settings: AjaxSettings) => boolean;
    /** Milliseconds before a toast that may go goes by itself; 0 keeps every toast until dismissed. */
    toastDuration?: number;
    /**
     * Whether a failure's toast stays until dismissed; replaces the built-in rule (a `validation`
     * failure whose every error is shown on the page may go; every other failure stays).
     */
    stickyWhen?: (error: ApiError) => boolean;
    position?: ToastPosition;
    /** Any of the built-in texts, in the page's language. */
    text?: Partial<ApiErrorsText>;
    /** The final text of the toast; return nothing to keep the server's (or `messages`') text. */
    message?: (error: ApiError, context: ApiErrorContext) => string | void;
    /** The error summary: on by default when the form holds `[data-api-errors-summary]`. */
    summary?: boolean;
    /** The words a field is known by in the toast and the summary (its label text by default). */
    fieldLabel?: (path: string, element: Element | null) => string | void;
    /** Replaces the built-in "Your session has expired." toast; `false` treats it as any failure. */
    onSessionExpired?: SessionExpiredHandler | false;
    /** Where "Sign in again" leads; the current page by default (Django redirects it to the login). */
    loginUrl?: string;
    /** A "Try again" button for failed GET and HEAD requests (throttled, unavailable, timeout, network). */
    retry?: boolean;
    jQuery?: JQueryLike;
    Backbone?: BackboneLike;
}
/** The per-request form: the install options plus the form that field errors go into. */
interface RequestApiErrorsOptions extends Omit<ApiErrorsOptions, 'jQuery' | 'Backbone'> {
    /** Element, selector or jQuery object. */
    form?: unknown;
}
interface ApiErrorsInstallation {
    uninstall(): void;
}
/** The options parseApiError needs to choose a message; the rest belong to rendering. */
interface MessageOptions {
    fallbackMessage?: string;
    messages?: Record<string | number, string>;
}
/** What parseApiError can be told about the request besides the response itself. */
interface ParseOptions extends MessageOptions {
    /** `navigator.onLine` when the request failed: `false` makes a status-0 failure OFFLINE. */
    online?: boolean;
    /** The URL the request was sent to: a response from another path (`responseURL`) was redirected. */
    url?: string;
    /** The URL the response came from, when the xhr-like object has no `responseURL` of its own. */
    responseURL?: string;
    /** The current time in ms, for a Retry-After date (default `Date.now()`). */
    now?: number;
}
/** The built-in texts. `{n}` is replaced with a number; `{message}` with the failure's message. */
interface ApiErrorsText {
    /** The close button's accessible name. */
    dismiss: string;
    /** The button under the toasts that closes them all, shown while two or more are on screen. */
    dismissAll: string;
    copy: string;
    /** Shown on the Copy button once the reference is on the clipboard. */
    copied: string;
    /** Leads the correlation id. */
    reference: string;
    /** Sums up detail lines past the few a toast shows. */
    more: string;
    /** How often the same toast was asked for while it was on screen. */
    count: string;
    /** Leads each field message for screen readers (visually hidden). */
    error: string;
    summaryHeading: string;
    /** Leads a message that was moved from a list item (`tags.1`) to its list's field. */
    item: string;
    /** The status line for a server error (status 500 and above). */
    serverAnswered: string;
    sessionExpired: string;
    signIn: string;
    pageOutOfDate: string;
    reload: string;
    rateLimited: string;
    /** The countdown of a service that said when it will be back. */
    unavailable: string;
    retryReady: string;
    retry: string;
    offline: string;
    burst: string;
}

/**
 * Hooks jQuery's failed requests and wraps Backbone.sync. Installing again replaces the earlier
 * installation, so there are never two handlers.
 */
declare function installApiErrors(options?: ApiErrorsOptions): ApiErrorsInstallation;

/**
 * Any failed response to one ApiError. Never throws. `options` may give messages and what is
 * known about the request: `{ online: navigator.onLine, url, now }`.
 */
declare function parseApiError(xhrLike: unknown, textStatus?: string, errorThrown?: unknown, options?: ParseOptions): ApiError;

/** Called from a request's own `error`/`.fail()`: the plugin leaves that request alone. */
declare function markHandled(jqXHR: unknown): void;

/** The built-in `toast`. */
declare function defaultToast(message: string, error: ApiError, context?: Partial<ApiErrorContext>): void;

/**
 * The built-in `renderField`. Returns false when the scope has no element for the field, so
 * its messages go into the toast instead.
 */
declare function defaultRenderField(field: string, messages: string[], _error?: ApiError, context?: Partial<ApiErrorContext>): boolean;

/**
 * Removes every mark and message the default renderer drew in `scope` (an element, a jQuery
 * object, a selector or the document; the whole document when omitted). A marked input given
 * as the scope clears that field.
 */
declare function clearFieldErrors(scope?: unknown): void;

declare const version = "0.1.0";

export { installApiErrors, parseApiError, markHandled, defaultToast, defaultRenderField, clearFieldErrors, version };
export type { ApiError, ApiErrorFormat, ApiErrorKind, ApiErrorContext, ApiErrorsOptions, ApiErrorsInstallation, RequestApiErrorsOptions, ToastRenderer, FieldRenderer, FieldClearer, XhrLike, ApiErrorsText, SessionExpiredHandler, ToastPosition, ParseOptions };
