/*! jquery-api-errors 0.1.0 | MIT License */
// adapters/backbone.ts
/** Carried from Backbone's options into $.ajax's settings. A class instance, not a plain object,
 * so jQuery's deep extend of the settings passes it by reference instead of copying it. */
declare class BackboneRequest {
    readonly model: unknown;
    readonly options: Record<string, unknown>;
    constructor(model: unknown, options: Record<string, unknown>);
}
declare const REQUEST_KEY = "apiErrorsBackboneRequest";
/** What the adapter asks of the installation. */
interface BackboneListener {
    /** The ApiError for a failed Backbone request, before the user's error callback sees it. */
    errorFor(jqXHR: JqXHR, textStatus: unknown, errorThrown: unknown, perRequest: unknown): unknown;
    /** A Backbone failure whose request never reached the jQuery adapter (a replaced Backbone.ajax). */
    onUntrackedFailure(request: BackboneRequest, jqXHR: JqXHR, textStatus: unknown, errorThrown: unknown): void;
}
/** Wraps `Backbone.sync`; returns the function that unwraps it. */
declare function wrapBackboneSync(Backbone: BackboneLike, listener: BackboneListener): () => void;

// adapters/jquery.ts
/** One request as the adapter follows it, from the prefilter to its end. */
interface TrackedRequest {
    settings: AjaxSettings;
    originalOptions: AjaxSettings;
    jqXHR: JqXHR;
    failed: boolean;
    textStatus: string;
    errorThrown: unknown;
    settled: boolean;
    /** The URL and data as the prefilter saw them: jQuery later appends a GET's data to the URL. */
    url?: unknown;
    data?: unknown;
}
/** What the adapter calls on the current installation. */
interface JQueryListener {
    /** The request failed and none of the rules below excludes it. */
    onFailure(request: TrackedRequest): void;
    /** The request succeeded. */
    onSuccess(request: TrackedRequest): void;
    /** Whether the page is being left (failures then are the browser cancelling requests). */
    isLeavingPage(): boolean;
}
declare function isTracked(jqXHR: unknown): boolean;
/** Hands a finished request to the listener, once, unless SPEC's rules exclude it. */
declare function settle(request: TrackedRequest, listener: JQueryListener | null): void;
/** Makes `listener` the one that jQuery's failures go to; returns the function that detaches it. */
declare function attachJQuery(jQuery: JQueryLike, listener: JQueryListener): () => void;
/** The listener currently attached to this jQuery, if any (another installation's included). */
declare function currentListener(jQuery: JQueryLike): JQueryListener | null;

// adapters/page.ts
interface PageLeaveWatch {
    isLeaving(): boolean;
    stop(): void;
}
declare function watchPageLeave(view: Window | null): PageLeaveWatch;

// adapters/request.ts
/** Called from a request's own `error`/`.fail()`: the plugin leaves that request alone. */
declare function markHandled(jqXHR: unknown): void;
/** Whether the plugin set `flag` on this jqXHR (markHandled's, or the jQuery adapter's). */
declare function hasFlag(jqXHR: unknown, flag: string): boolean;
declare function isMarkedHandled(jqXHR: unknown): boolean;
/** The ApiError of a failed jqXHR, parsed once. */
declare function errorFor(jqXHR: JqXHR, textStatus: unknown, errorThrown: unknown, options: ResolvedOptions): ApiError;
/**
 * The element field errors are looked up in: the request's `form` option, else a DOM `context`
 * the request was sent with (its form, when it sits in one), else the document.
 */
declare function scopeFor(options: ResolvedOptions, settings: AjaxSettings, doc: Document): Element | Document;
/** The form a request names: its `apiErrors.form`, or a <form> given as its DOM `context`. */
declare function namedForm(options: ResolvedOptions, settings: AjaxSettings, doc: Document): Element | null;
/** `METHOD url` (the URL as sent, before jQuery appended a GET's data): what a repeat shares. */
declare function requestKey(settings: AjaxSettings, url: unknown): string;
/**
 * The form whose fields a request's data was serialized from (`$.post(url, $(form).serialize())`
 * or `data: {…}`, which jQuery encodes the same way): the one form on the page that sends the
 * same field names; of several, the one whose serialization is the very same string. Comparing
 * names first keeps it cheap: most forms differ there, and only look-alikes are serialized.
 */
declare function dataForm(jQuery: JQueryLike, doc: Document, data: unknown): Element | null;
declare function makeContext(jqXHR: JqXHR, settings: AjaxSettings, scope: Element | Document, backbone?: {
    model: unknown;
    options: Record<string, unknown>;
}): ApiErrorContext;

// install.ts
/**
 * Hooks jQuery's failed requests and wraps Backbone.sync. Installing again replaces the earlier
 * installation, so there are never two handlers.
 */
declare function installApiErrors(options?: ApiErrorsOptions): ApiErrorsInstallation;

// options.ts
/** Install options with every default filled in, plus the request's `form`. */
interface ResolvedOptions {
    toast: ToastRenderer | false;
    renderField: FieldRenderer | false;
    clearFields: FieldClearer | false;
    fallbackMessage: string;
    messages: Record<string, string>;
    shouldHandle: ApiErrorsOptions['shouldHandle'] | undefined;
    message: ApiErrorsOptions['message'] | undefined;
    fieldLabel: ApiErrorsOptions['fieldLabel'] | undefined;
    /** undefined: on when the form holds a `[data-api-errors-summary]` container. */
    summary: boolean | undefined;
    form: unknown;
    toastDuration: number;
    stickyWhen: ((error: ApiError) => boolean) | undefined;
    position: ToastPosition;
    text: ApiErrorsText;
    /** A function, `false` (off), or undefined for the built-in toast. */
    onSessionExpired: SessionExpiredHandler | false | undefined;
    /** Undefined: the current page. */
    loginUrl: string | undefined;
    retry: boolean;
}
/** Overlays one layer of options (install or per request) on resolved ones. */
declare function mergeOptions(base: ResolvedOptions, layer: unknown): ResolvedOptions;
declare const DEFAULT_OPTIONS: ResolvedOptions;

// parse/flatten.ts
/**
 * Collects field and form errors for one response, enforcing every bound in LIMITS: paths,
 * messages per path, form errors, and the number of nodes visited (shared by all readers).
 */
declare class ErrorCollector {
    readonly errors: Record<string, string[]>;
    readonly formErrors: string[];
    private fieldCount;
    private nodesLeft;
    /** Count one visited node; false once the budget is spent. */
    visit(): boolean;
    get exhausted(): boolean;
    /** Add one message at a path given as segments; the empty path means the form. */
    add(segments: readonly string[], message: unknown): void;
}
/**
 * Flatten a DRF error structure into the collector. Depth is bounded by LIMITS.depth, so the
 * recursion stays shallow whatever the body; the node budget bounds the total work. Each level
 * gets its own copy of the path, at most LIMITS.depth segments long.
 */
declare function flatten(value: unknown, collector: ErrorCollector, path?: readonly string[], depth?: number): void;
/**
 * A location to path segments. A JSON pointer (`/a/b`, or the URI form `#/a/b`) has `~1` and
 * `~0` decoded and the JSON:API document prefix (`/data/attributes/`, `/data/relationships/`,
 * `/data`) dropped, so `/data/attributes/address/city` is `address.city`. Anything else is a
 * dotted name (`items.1.qty`).
 */
declare function locationSegments(location: string): string[];
/** A dotted field name (`items.1.qty`, drf-standardized-errors' `attr`) to segments. */
declare function nameSegments(name: string): string[];

// parse/formats.ts
/**
 * What a reader found in a body besides the field and form errors, which it adds to the
 * collector it is given; index.ts turns both into an ApiError.
 */
interface FormatReading {
    message?: string;
    code?: string;
    /** A status the body claims; used only when the response itself has none. */
    status?: number;
    correlationId?: string;
    timestamp?: string;
}
interface FormatReader {
    format: Exclude<ApiErrorFormat, 'none'>;
    matches(body: unknown): boolean;
    read(body: unknown, collector: ErrorCollector): FormatReading;
}
/** The readers in the order SPEC.md lists them: the first that matches reads the body. */
declare const FORMAT_READERS: readonly FormatReader[];

// parse/index.ts
/** The message when neither the response nor the options give one. */
declare const DEFAULT_FALLBACK_MESSAGE = "Request failed.";
/** Any failed response to one ApiError, with the default messages. Never throws. */
declare function parseApiError(xhrLike: unknown, textStatus?: string, errorThrown?: unknown): ApiError;
/**
 * Any failed response to one ApiError, choosing the message with `options`. Never throws: an
 * internal failure gives a plain fallback error rather than an exception inside jQuery.
 * `errorThrown` is accepted for jQuery's callback signature; status and textStatus say the same.
 */
declare function parseWithOptions(xhrLike: unknown, textStatus: string | undefined, errorThrown: unknown, options: MessageOptions): ApiError;

// parse/values.ts
/** Bounds on what one response can make the parser produce or visit. */
declare const LIMITS: Readonly<{
    fields: 100;
    messagesPerField: 10;
    formErrors: 10;
    messageLength: 1000;
    pathLength: 200;
    depth: 32;
    nodes: 5000;
}>;
/** Longest server code kept; longer ones are cut. */
declare const CODE_LENGTH = 100;
/** Longest correlation id or timestamp kept; longer ones are cut. */
declare const ID_LENGTH = 200;
type PlainObject = Record<string, unknown>;
/** An own key only: a body never speaks through inherited keys such as `constructor`. */
declare function hasOwn(target: object, key: string): boolean;
/**
 * A JSON-like object (not an array, Date, Map...). Checked by tag rather than prototype because
 * jQuery in an iframe or jsdom parses bodies with another realm's Object.prototype.
 */
declare function isPlainObject(value: unknown): value is PlainObject;
/** The value of an own key of an object, else undefined. */
declare function ownValue(target: unknown, key: string): unknown;
/** Cut a string to at most `max` characters, ending in "…" when cut, never splitting a pair. */
declare function capText(text: string, max: number): string;
/** A string, trimmed and capped; undefined when not a string or empty. */
declare function textOf(value: unknown, max?: number): string | undefined;
/** Like textOf, but numbers and booleans become text too (DRF messages may be any scalar). */
declare function scalarText(value: unknown): string | undefined;
/** An identifier (code, correlation id): a string or finite number, trimmed, cut without "…". */
declare function idOf(value: unknown, max: number): string | undefined;
/** An integer HTTP status in 100..599, else undefined. */
declare function httpStatusOf(value: unknown): number | undefined;

// pipeline.ts
/** Runs `work`, reporting what it throws; `failed` is returned in that case. */
declare function guarded<T>(where: string, work: () => T, failed?: T): T | undefined;
/**
 * What the installation does with a kind of failure (src/policies/): `decide` returns true when
 * a policy drew the failure its own way (or chose to stay quiet), so the default toast is skipped.
 */
interface FailurePolicies {
    decide(error: ApiError, context: ApiErrorContext, options: ResolvedOptions): boolean;
    succeed(context: ApiErrorContext): void;
}
declare function handleFailure(error: ApiError, context: ApiErrorContext, options: ResolvedOptions, jQuery: JQueryLike, policies?: FailurePolicies): void;
/** A later success in the same scope clears the field errors drawn there. */
declare function handleSuccess(context: ApiErrorContext, options: ResolvedOptions, policies?: FailurePolicies): void;

// policies/burst.ts
declare const BURST_MS = 2000;
/** One burst: its kind, count, last failure, toast, and the reads "Try again" re-sends by URL. */
interface Burst {
    kind: string;
    count: number;
    at: number;
    handle: ToastHandle | null;
    requests: Record<string, AjaxSettings>;
    timer?: ReturnType<typeof setTimeout>;
}
declare function isBurstKind(error: ApiError): boolean;
/** Returns `join`: the burst a failure belongs to, counted in; a new one when none is under way. */
declare function burstPolicy(now: () => number): (error: ApiError) => Burst;

// policies/csrf.ts
declare function csrfPolicy(deps: PolicyDeps): Policy;

// policies/index.ts
declare function createPolicies(doc: Document, jQuery: JQueryLike, base: ResolvedOptions): FailurePolicies & {
    stop(): void;
};

// policies/offline.ts
declare function offlinePolicy(deps: PolicyDeps): Policy;

// policies/outage.ts
declare function outagePolicy(deps: PolicyDeps): Policy;

// policies/policy.ts
interface Policy {
    /** True when this policy took the failure: the default toast is then skipped. */
    fail(error: ApiError, context: ApiErrorContext, options: ResolvedOptions): boolean;
    succeed?(): void;
    stop?(): void;
}
/** What a policy may use: the page, its jQuery, a clock, and a way to show a toast. */
interface PolicyDeps {
    doc: Document;
    jQuery: JQueryLike;
    now(): number;
    show(options: ResolvedOptions, spec: ToastSpec): ToastHandle | null;
    /** The install options (the offline banner answers window events, outside any request). */
    base: ResolvedOptions;
}
/**
 * The policies draw their own toasts only in place of the built-in one: a page with its own
 * `toast` gets every failure as before, `error.code` saying its kind.
 */
declare function drawsToasts(options: ResolvedOptions): boolean;
declare function onScreen(handle: ToastHandle | null | undefined): handle is ToastHandle;

// policies/retry.ts
/** What to send again for this failure, or null when it gets no "Try again". */
declare function retryRequest(error: ApiError, context: ApiErrorContext, options: ResolvedOptions): AjaxSettings | null;
/** The button: sends each request once with the page's jQuery, then `done` (the toast goes). */
declare function retryAction(jQuery: JQueryLike, requests: Record<string, AjaxSettings>, label: string, done: () => void): NonNullable<ToastSpec['action']>;

// policies/session.ts
declare function sessionPolicy(deps: PolicyDeps): Policy;

// policies/throttle.ts
declare function countdownFor(error: ApiError, text: ApiErrorsText): ToastSpec['countdown'] | null;

// render/dom.ts
/** Creates `<tag class="className">text</tag>` in `doc`; text is set as text, never parsed. */
declare function createTextElement(doc: Document, tag: string, className: string, text?: string): HTMLElement;
/**
 * Escapes a string for use inside a double-quoted CSS attribute value: every character outside
 * [A-Za-z0-9_-] becomes a hex escape of its code point. jQuery 1.12 and 2.2 have no
 * `$.escapeSelector`, and CSS.escape is missing in older engines and in jsdom; inside quotes no
 * identifier rules apply, so escaping everything else is enough. The `u` flag walks code points,
 * so an astral character is one escape, not two halves of a pair.
 */
declare function cssEscape(value: string): string;
/** `[attribute="value"]` with the value escaped, so no field name can change the selector. */
declare function attributeSelector(attribute: string, value: string): string;
/** Takes a node out of the page, if it is in one. */
declare function removeNode(node: Node): void;
/** Calls `visit` for every element under `root` that matches `selector`. */
declare function eachMatch(root: ParentNode, selector: string, visit: (element: Element) => void): void;
/** The document an element or document belongs to. */
declare function documentOf(node: Node): Document;
/**
 * Reports an exception the plugin caught (from a user's renderer or callback) without throwing:
 * an exception thrown into jQuery would skip the request's remaining callbacks (FACTS.md).
 */
declare function reportError(where: string, exception: unknown): void;
/** A page-unique id for elements the plugin draws. */
declare function uniqueId(prefix: string): string;
/**
 * Resolves what a user may pass as a form or scope (an element, a document, a jQuery object or
 * a selector) to one element or document. A selector that is invalid or matches nothing gives
 * null, so the caller decides the fallback.
 */
declare function resolveScope(target: unknown, doc: Document | null): Element | Document | null;
/**
 * Whether dist/api-errors.css styles this element (it sets --api-errors-theme on what it styles).
 * Without it the renderers set a few fallback styles through the CSSOM: writes such as
 * `style.cssText` are allowed under a strict CSP, which only blocks style attributes in markup
 * and <style> elements.
 */
declare function isThemed(element: Element): boolean;
/**
 * Whether the fallback styles are needed for an element the plugin drew (already in the page):
 * asked once per document, since reading a computed style forces a style recalculation.
 */
declare function unthemed(element: Element): boolean;
/** What the built-in renderers know of the request they draw for (set by the installation). */
interface DrawnFor {
    /** `METHOD url`: a later request with the same key clears what this one drew. */
    key: string;
    /** The form the request names, cleared whole by its later requests. */
    form: Element | null;
    /** The form the request's data was serialized from, when one form on the page matches. */
    dataForm: Element | null;
    text: ApiErrorsText;
    /** The message elements the built-in field renderer drew (or kept) for this request. */
    drawn: Element[];
    /** What the request's earlier drawing left, set aside until the redraw is done. */
    stale: Element[];
    failed: boolean;
}
declare const drawnFor: WeakMap<object, DrawnFor>;

// render/fields.ts
/** On an element the renderers drew: the field path it holds messages for ('' for a summary). */
declare const DRAWN = "data-api-errors-drawn";
/** On an element the renderers drew: the method and URL of the request it was drawn for. */
declare const REQUEST = "data-api-errors-request";
declare const SUMMARY_CLASS = "api-errors-summary";
/**
 * The elements for a field, by the first of the four lookups that finds any. Every name is
 * escaped before it becomes a selector; hidden inputs are skipped, since a message next to an
 * invisible input helps nobody (the toast shows it instead).
 */
declare function findFieldElements(scope: Element | Document, path: string): Element[];
/**
 * Takes a drawn element out of the page and, for a field's messages, unmarks the inputs that
 * point to it (another copy of the plugin may have drawn it: then they are looked up).
 */
declare function removeDrawn(drawn: Element): void;
/** Delegated listeners, one set per document: editing a field clears it, submitting a form clears the form. */
declare function watchEdits(doc: Document): void;
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
/** Each field the built-in renderer marked in `root`, in page order: path, first input, messages. */
declare function eachDrawnField(root: Element, visit: (path: string, input: Element, messages: string[]) => void): void;

// render/labels.ts
/**
 * An element's label text: its `<label for>`, the label around it, its `aria-label`, the text of
 * its `aria-labelledby` elements; a radio button's group is named by its fieldset's legend.
 * Whitespace is collapsed and a trailing colon dropped ("Email:" leads "Email: …").
 */
declare function labelOf(element: Element): string;
/** The words for a field: the `fieldLabel` option's, else its element's label text, else ''. */
declare function fieldLabel(path: string, element: Element | null, options: ResolvedOptions): string;
/**
 * Label text by path for fields no element in the scope took, found anywhere on the page (a
 * coupon input beside the form still names its field).
 */
declare function labelsOf(paths: string[], doc: Document, options: ResolvedOptions): Record<string, string>;

// render/redraw.ts
/**
 * The built-in `clearFields`. For a failure, what it finds is only set aside: the redraw keeps
 * what is still right (an identical repeat), and sweepStale takes away the rest.
 */
declare function clearDrawnFor(context: ApiErrorContext): void;
/** Takes away what clearDrawnFor set aside and the redraw did not keep. */
declare function sweepStale(context: ApiErrorContext): void;

// render/summary.ts
/**
 * Draws the summary for a failure that belongs to `owner` (a form, or an element the request
 * named) into its `[data-api-errors-summary]` container, else, with `summary: true`, at its top.
 * Lists the form errors, every field marked in the owner, and the fields no element took.
 * Returns the summary, or null when there is none (no place for it, or nothing to list).
 */
declare function renderSummary(owner: Element | Document, error: ApiError, context: ApiErrorContext, options: ResolvedOptions): HTMLElement | null;

// render/toast-parts.ts
/** What one toast shows, and for how long. */
interface ToastSpec {
    message: string;
    lines?: string[];
    reference?: string | null;
    /** Milliseconds until it goes by itself; 0 keeps it until dismissed. */
    duration: number;
    /** Toasts with the same key are one toast (default: message, lines and reference). */
    key?: string;
    /** A link (`href`) or a button (`run`, after which the toast closes). */
    action?: {
        label: string;
        href?: string;
        run?: () => void;
    };
    /** `text` holds `{n}`, the seconds left; `done` replaces it at zero. */
    countdown?: {
        seconds: number;
        text: string;
        done: string;
    };
}
/** Makes `<tag class="api-errors-toast-NAME">`, with its fallback style when unthemed. */
declare function part(doc: Document, tag: string, name: string, themed: boolean, text?: string): HTMLElement;
/** Hides an element from sight but not from screen readers (set inline, so no stylesheet is needed). */
declare function hideVisually(element: HTMLElement): void;
/**
 * A countdown a person can watch without a screen reader reading out every second: the ticking
 * sentence is aria-hidden, a visually hidden copy of the first sentence is what is read (once,
 * with the toast), and at zero the `done` text replaces both and is announced once.
 */
declare function countdownPart(doc: Document, countdown: NonNullable<ToastSpec['countdown']>, themed: boolean): {
    element: HTMLElement;
    stop(): void;
};
/** Fills a toast's body with what `spec` says; `countdown` is the running countdown, if any. */
declare function fillBody(body: HTMLElement, spec: ToastSpec, text: ApiErrorsText, themed: boolean, countdown: HTMLElement | null, close: () => void): void;

// render/toast.ts
/**
 * The lines under the message: form errors, then `path: message` for fields no element took,
 * then the status of a server error. None when an error summary on the page holds them.
 */
declare function toastLines(message: string, error: ApiError, context: Partial<ApiErrorContext>, text: ApiErrorsText): string[];
/** The built-in `toast`. */
declare function defaultToast(message: string, error: ApiError, context?: Partial<ApiErrorContext>): void;

// render/toasts.ts
interface ToastHandle {
    element: HTMLElement;
    /** Changes what the toast says in place, and restarts its timer. */
    update(spec: Partial<ToastSpec>): void;
    close(): void;
}
/** Where the toasts sit and which words they use. */
interface ToastLook {
    position?: ToastPosition;
    text?: ApiErrorsText;
}
declare const MAX_TOASTS = 3;
/**
 * Shows a toast, or, when one with the same key is on screen, counts it up there, updates it
 * with `spec` and restarts its timer. A fourth toast pushes the oldest off. Returns null where there is no page to draw on.
 */
declare function showToast(doc: Document, spec: ToastSpec, look?: ToastLook): ToastHandle | null;

// text.ts
/** The built-in texts. `{n}` is replaced with a number; `{message}` with the failure's message. */
interface ApiErrorsText {
    /** The close button's accessible name. */
    dismiss: string;
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
declare const DEFAULT_TEXT: ApiErrorsText;
/**
 * A copy of `base` with the non-empty strings of `layer` over it; anything else in `layer` is
 * ignored, so a page's half-filled or hostile table never leaves a hole. Also merges `messages`.
 */
declare function overlayStrings<T extends object>(base: T, layer: unknown): T;
/** The text table of some options: their `text` over the English defaults. */
declare function textFor(options?: {
    text?: unknown;
} | null): ApiErrorsText;
/**
 * Puts a number (and the message) into a template: every `{n}`, then every `{message}`, by plain
 * string replacement, so a message that contains `{n}` is left as it is.
 */
declare function fill(template: string, n: number | string, message?: string): string;

// types.ts
/** The formats parseApiError recognises, in the order it tries them. */
type ApiErrorFormat = 'envelope' | 'problem' | 'jsonapi' | 'standardized' | 'laravel' | 'drf' | 'none';
/** Any failed response, reduced to one shape. Made only by parseApiError, so always well formed. */
interface ApiError {
    /** Never empty. */
    message: string;
    /** The server's code, else VALIDATION_ERROR, TIMEOUT, NETWORK_ERROR, PARSE_ERROR or UNKNOWN_ERROR. */
    code: string;
    /** HTTP status; 0 when no response arrived. */
    status: number;
    /** Field errors keyed by dotted path (`address.city`, `items.1.qty`). */
    errors: Record<string, string[]>;
    /** Errors tied to no field (`non_field_errors`, `__all__`, pointer-less errors). */
    formErrors: string[];
    correlationId: string | null;
    timestamp: string | null;
    format: ApiErrorFormat;
    /** The parsed body, if any. */
    raw: unknown;
    /** Seconds until the server accepts requests again (`Retry-After`), or null. */
    retryAfter?: number | null;
}
/** What parseApiError accepts: a jqXHR or anything shaped like one. */
interface XhrLike {
    status?: number;
    responseJSON?: unknown;
    responseText?: string;
    getResponseHeader?: (name: string) => string | null;
}
/** Minimal structural views of jQuery and Backbone, so the plugin never imports either. */
type JQueryLike = any;
type BackboneLike = any;
type JqXHR = any;
type AjaxSettings = Record<string, any>;
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
    messages?: Record<string | number, string>;
    shouldHandle?: (jqXHR: JqXHR, settings: AjaxSettings) => boolean;
    /** Milliseconds before a toast that may go goes by itself; 0 keeps every toast until dismissed. */
    toastDuration?: number;
    /** Whether a failure's toast stays until dismissed; replaces the built-in rule. */
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

// version.ts
declare const version = "0.1.0";

export { installApiErrors, parseApiError, markHandled, defaultToast, defaultRenderField, clearFieldErrors, version };
export type { ApiError, ApiErrorFormat, ApiErrorContext, ApiErrorsOptions, ApiErrorsInstallation, RequestApiErrorsOptions, ToastRenderer, FieldRenderer, FieldClearer, XhrLike, ToastPosition, ApiErrorsText };
