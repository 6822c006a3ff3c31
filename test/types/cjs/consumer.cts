// A CommonJS user of jquery-api-errors: every public name and type, as `require` sees them
// (dist/api-errors.d.cts). Compiled by test/package.test.ts, never run.

import ApiErrors = require('jquery-api-errors');
import type {
  ApiError,
  ApiErrorContext,
  ApiErrorFormat,
  ApiErrorKind,
  ApiErrorsInstallation,
  ApiErrorsOptions,
  ApiErrorsText,
  SessionExpiredHandler,
  FieldClearer,
  FieldRenderer,
  ParseOptions,
  RequestApiErrorsOptions,
  ToastPosition,
  ToastRenderer,
  XhrLike,
} from 'jquery-api-errors';

const { clearFieldErrors, defaultRenderField, defaultToast, installApiErrors, markHandled, parseApiError, version } = ApiErrors;

/** True only when X and Y are the same type (not merely assignable). */
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
function expectType<T extends true>(_proof?: T): void {}

// The ApiError fields, exactly as SPEC.md gives them; the namespace and the named import agree.
expectType<Equal<ApiErrors.ApiError, ApiError>>();
expectType<Equal<ApiError['message'], string>>();
expectType<Equal<ApiError['code'], string>>();
expectType<Equal<ApiError['kind'], ApiErrorKind>>();
expectType<Equal<ApiErrorKind, 'validation' | 'session_expired' | 'csrf' | 'rate_limited' | 'unavailable' | 'timeout' | 'offline' | 'network' | 'parse' | 'server' | 'client'>>();
expectType<Equal<ApiError['status'], number>>();
expectType<Equal<ApiError['errors'], Record<string, string[]>>>();
expectType<Equal<ApiError['formErrors'], string[]>>();
expectType<Equal<ApiError['correlationId'], string | null>>();
expectType<Equal<ApiError['timestamp'], string | null>>();
expectType<Equal<ApiError['retryAfter'], number | null>>();
expectType<Equal<ApiError['raw'], unknown>>();
expectType<Equal<ApiErrorFormat, 'envelope' | 'problem' | 'jsonapi' | 'standardized' | 'django' | 'laravel' | 'drf' | 'none'>>();
expectType<Equal<ApiError['format'], ApiErrorFormat>>();

// The context every renderer receives.
expectType<Equal<ApiErrorContext['scope'], Element | Document>>();
expectType<Equal<ApiErrorContext['unrendered'], Record<string, string[]>>>();
// Without @types/jquery, jqXHR is any and settings a record of anything: nothing needs a cast.
expectType<Equal<ApiErrorContext['settings'], Record<string, any>>>();
const describeContext = (context: ApiErrorContext): unknown[] => [context.jqXHR, context.settings, context.model, context.options];

const toast: ToastRenderer = (message, error, context) => {
  const line: string = `${message} (${error.code}, ${error.status})`;
  const reference: string | null = error.correlationId;
  defaultToast(line, error, context);
  if (reference) defaultToast(reference, error);
};

const renderField: FieldRenderer = (field, messages, error, context) => {
  const paths: string[] = Object.keys(error.errors);
  if (!paths.includes(field)) return false;
  return defaultRenderField(field, messages, error, context);
};

const clearFields: FieldClearer = (context) => {
  clearFieldErrors(context.scope);
  describeContext(context);
};

const options: ApiErrorsOptions = {
  toast,
  renderField,
  clearFields,
  fallbackMessage: 'Something went wrong.',
  messages: { 401: 'Please sign in again.', TIMEOUT: 'The server took too long.' },
  shouldHandle: (jqXHR, settings) => jqXHR !== null && settings['url'] !== '/ping',
  onSessionExpired: (error, context) => {
    const wait: number | null | undefined = error.retryAfter;
    describeContext(context).push(wait, context.originalOptions);
  },
  loginUrl: '/accounts/login/',
  retry: true,
  jQuery: undefined,
  Backbone: undefined,
};
const quiet: ApiErrorsOptions = { toast: false, renderField: false, clearFields: false, onSessionExpired: false };
const corner: ToastPosition = 'bottom-start';
const onExpired: SessionExpiredHandler = (error, context) => { void error.code; void context.scope; };
installApiErrors({ onSessionExpired: onExpired, loginUrl: '/accounts/login/', retry: true });
const words: Partial<ApiErrorsText> = { dismiss: 'Fermer', more: '…et {n} de plus' };
const toasts: ApiErrorsOptions = { toastDuration: 0, stickyWhen: (error) => error.kind !== 'validation', position: corner, text: words };
installApiErrors(toasts);
// @ts-expect-error: a position is one of the six corners and edges, not any string.
installApiErrors({ position: 'middle' });
// @ts-expect-error: a kind is one of the fixed set, so a misspelt one does not compile.
installApiErrors({ stickyWhen: (error) => error.kind === 'session-expired' });

const installation: ApiErrorsInstallation = installApiErrors(options);
installApiErrors(quiet).uninstall();
installApiErrors();
installation.uninstall();

// Per request (`$.ajax({ apiErrors: … })`): every install option but jQuery/Backbone, plus form.
const perRequest: RequestApiErrorsOptions = { form: '#signup', toast: false, messages: { 404: 'Gone.' } };
// @ts-expect-error: jQuery is an install option, not a per-request one.
const wrongPerRequest: RequestApiErrorsOptions = { jQuery: {} };

const xhr: XhrLike = {
  status: 400,
  responseJSON: { detail: 'Not found.' },
  responseText: '{"detail": "Not found."}',
  getResponseHeader: (name) => (name === 'X-Request-ID' ? 'abc' : null),
};
const parsed: ApiError = parseApiError(xhr);
const fromText: ApiError = parseApiError({ status: 0 }, 'timeout', 'timeout');
const fromAnything: ApiError = parseApiError(null);
const parseOptions: ParseOptions = { online: false, url: '/api/orders/', responseURL: '/accounts/login/', now: 0, messages: { OFFLINE: 'Offline.' } };
const offline: ApiError = parseApiError({ status: 0 }, 'error', '', parseOptions);
markHandled(xhr);
clearFieldErrors();
clearFieldErrors(document.body);
const packageVersion: string = version;

// @ts-expect-error: fallbackMessage is a string; a wrong option type must not compile.
installApiErrors({ fallbackMessage: 42 });

console.log(parsed, fromText, fromAnything, offline, perRequest, wrongPerRequest, packageVersion);
