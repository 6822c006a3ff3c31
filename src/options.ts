// The defaults of installApiErrors, and the one place install options and a request's own
// `apiErrors: {…}` are merged. Renderers and adapters only ever see the merged result.

import { DEFAULT_FALLBACK_MESSAGE } from './parse/index';
import { ownValue } from './parse/values';
import { defaultRenderField } from './render/fields';
import { clearDrawnFor } from './render/redraw';
import { defaultToast } from './render/toast';
import { DEFAULT_TEXT, overlayStrings, type ApiErrorsText } from './text';
import type {
  ApiError,
  ApiErrorContext,
  ApiErrorsOptions,
  FieldClearer,
  FieldRenderer,
  ToastPosition,
  SessionExpiredHandler,
  ToastRenderer,
} from './types';

/** Install options with every default filled in, plus the request's `form`. */
export interface ResolvedOptions {
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

const POSITIONS = ['top-end', 'top-start', 'top-center', 'bottom-end', 'bottom-start', 'bottom-center'];

const defaultClearFields: FieldClearer = (context: ApiErrorContext) => clearDrawnFor(context);

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object';
}

/** A renderer option: a function, `false` to turn it off, `true` for the built-in one. */
function rendererOption<T>(value: unknown, fallback: T | false, builtIn: T): T | false {
  if (value === false) return false;
  if (value === true) return builtIn;
  return typeof value === 'function' ? (value as T) : fallback;
}

/** A function option of the layer, else the base one. */
function functionOption<T>(layer: Record<string, unknown>, key: string, base: T): T {
  const value = ownValue(layer, key);
  return typeof value === 'function' ? (value as T) : base;
}

/** Overlays one layer of options (install or per request) on resolved ones. */
export function mergeOptions(base: ResolvedOptions, layer: unknown): ResolvedOptions {
  if (!isObject(layer)) return base;
  const fallbackMessage = ownValue(layer, 'fallbackMessage');
  const toastDuration = ownValue(layer, 'toastDuration');
  const position = ownValue(layer, 'position');
  const summary = ownValue(layer, 'summary');
  const loginUrl = ownValue(layer, 'loginUrl');
  const retry = ownValue(layer, 'retry');
  return {
    toast: rendererOption<ToastRenderer>(ownValue(layer, 'toast'), base.toast, defaultToast),
    renderField: rendererOption<FieldRenderer>(ownValue(layer, 'renderField'), base.renderField, defaultRenderField),
    clearFields: rendererOption<FieldClearer>(ownValue(layer, 'clearFields'), base.clearFields, defaultClearFields),
    fallbackMessage:
      typeof fallbackMessage === 'string' && fallbackMessage.trim() ? fallbackMessage : base.fallbackMessage,
    messages: overlayStrings(base.messages, ownValue(layer, 'messages')),
    shouldHandle: functionOption(layer, 'shouldHandle', base.shouldHandle),
    message: functionOption(layer, 'message', base.message),
    fieldLabel: functionOption(layer, 'fieldLabel', base.fieldLabel),
    summary: typeof summary === 'boolean' ? summary : base.summary,
    form: ownValue(layer, 'form') || base.form,
    toastDuration: typeof toastDuration === 'number' && toastDuration >= 0 ? Math.min(toastDuration, 2147483647) : base.toastDuration,
    stickyWhen: functionOption(layer, 'stickyWhen', base.stickyWhen),
    position: POSITIONS.indexOf(position as string) >= 0 ? (position as ToastPosition) : base.position,
    text: overlayStrings(base.text, ownValue(layer, 'text')),
    onSessionExpired: rendererOption<SessionExpiredHandler | undefined>(ownValue(layer, 'onSessionExpired'), base.onSessionExpired, undefined),
    loginUrl: typeof loginUrl === 'string' && loginUrl.trim() ? loginUrl : base.loginUrl,
    retry: typeof retry === 'boolean' ? retry : base.retry,
  };
}

export const DEFAULT_OPTIONS: ResolvedOptions = {
  toast: defaultToast,
  renderField: defaultRenderField,
  clearFields: defaultClearFields,
  fallbackMessage: DEFAULT_FALLBACK_MESSAGE,
  messages: {},
  shouldHandle: undefined,
  message: undefined,
  fieldLabel: undefined,
  summary: undefined,
  form: undefined,
  toastDuration: 5000,
  stickyWhen: undefined,
  position: 'top-end',
  text: DEFAULT_TEXT,
  onSessionExpired: undefined,
  loginUrl: undefined,
  retry: false,
};
