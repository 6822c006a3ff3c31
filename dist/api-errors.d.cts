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
    form: unknown;
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
declare function handleFailure(error: ApiError, context: ApiErrorContext, options: ResolvedOptions, jQuery: JQueryLike): void;
/** A later success in the same scope clears the field errors drawn there. */
declare function handleSuccess(context: ApiErrorContext, options: ResolvedOptions): void;

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

// render/fields.ts
/**
 * The elements for a field, by the first of the four lookups that finds any. Every name is
 * escaped before it becomes a selector; hidden inputs are skipped, since a message next to an
 * invisible input helps nobody (the toast shows it instead).
 */
declare function findFieldElements(scope: Element | Document, path: string): Element[];
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
/**
 * What the plugin clears by itself, before a failure is drawn and after a success: everything
 * drawn in a form scope, but for a request with no form only what such requests drew — an
 * unrelated background request must not wipe the errors of a form the user is still fixing.
 */
declare function clearDrawnFor(scope: Element | Document): void;

// render/toast.ts
declare const TOAST_DURATION_MS = 5000;
declare const MAX_TOASTS = 3;
declare const DEDUPE_MS = 2000;
/** The lines under the message: form errors, then `path: message` for fields no element took. */
declare function toastLines(message: string, error: ApiError, context?: Partial<ApiErrorContext>): string[];
/** The built-in `toast`. */
declare function defaultToast(message: string, error: ApiError, context?: Partial<ApiErrorContext>): void;

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
    /** Field errors that no element took; the toast shows them, each led by its path. */
    unrendered: Record<string, string[]>;
}
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
export type { ApiError, ApiErrorFormat, ApiErrorContext, ApiErrorsOptions, ApiErrorsInstallation, RequestApiErrorsOptions, ToastRenderer, FieldRenderer, FieldClearer, XhrLike };
