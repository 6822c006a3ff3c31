// The public types of jquery-api-errors: the ApiError every failure becomes, the options of
// installApiErrors, and the context object every renderer receives. No code lives here.

/** The formats parseApiError recognises, in the order it tries them. */
export type ApiErrorFormat =
  | 'envelope'
  | 'problem'
  | 'jsonapi'
  | 'standardized'
  | 'laravel'
  | 'drf'
  | 'none';

/** Any failed response, reduced to one shape. Made only by parseApiError, so always well formed. */
export interface ApiError {
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
export interface XhrLike {
  status?: number;
  responseJSON?: unknown;
  responseText?: string;
  getResponseHeader?: (name: string) => string | null;
}

/** Minimal structural views of jQuery and Backbone, so the plugin never imports either. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JQueryLike = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type BackboneLike = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JqXHR = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AjaxSettings = Record<string, any>;

/** Where a failure is rendered; every renderer gets the same object. */
export interface ApiErrorContext {
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

export type ToastRenderer = (message: string, error: ApiError, context: ApiErrorContext) => void;
export type FieldRenderer = (
  field: string,
  messages: string[],
  error: ApiError,
  context: ApiErrorContext,
) => boolean | void;
export type FieldClearer = (context: ApiErrorContext) => void;

/** Options of installApiErrors; every one can also be given per request as `apiErrors: {…}`. */
export interface ApiErrorsOptions {
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
export interface RequestApiErrorsOptions extends Omit<ApiErrorsOptions, 'jQuery' | 'Backbone'> {
  /** Element, selector or jQuery object. */
  form?: unknown;
}

export interface ApiErrorsInstallation {
  uninstall(): void;
}

/** The options parseApiError needs to choose a message; the rest belong to rendering. */
export interface MessageOptions {
  fallbackMessage?: string;
  messages?: Record<string | number, string>;
}
