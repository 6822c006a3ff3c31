// The defaults of installApiErrors, and the one place install options and a request's own
// `apiErrors: {…}` are merged. Renderers and adapters only ever see the merged result.

import { DEFAULT_FALLBACK_MESSAGE } from './parse/index';
import { isText, ownValue } from './parse/values';
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

const POSITION = /^(top|bottom)-(start|end|center)$/;

const defaultClearFields: FieldClearer = (context: ApiErrorContext) => clearDrawnFor(context);

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object';
}

/** Overlays one layer of options (install or per request) on resolved ones. */
export function mergeOptions(base: ResolvedOptions, layer: unknown): ResolvedOptions {
  if (!isObject(layer)) return base;
  /** The layer's value of `key` when `valid` accepts it, else the base one. */
  const pick = <K extends keyof ResolvedOptions>(key: K, valid: (value: unknown) => boolean): ResolvedOptions[K] => {
    const value = ownValue(layer, key);
    return valid(value) ? (value as ResolvedOptions[K]) : base[key];
  };
  /** A renderer option: a function, `false` to turn it off, `true` for the built-in one. */
  const renderer = <K extends 'toast' | 'renderField' | 'clearFields' | 'onSessionExpired'>(key: K, builtIn: ResolvedOptions[K]): ResolvedOptions[K] => {
    const value = ownValue(layer, key);
    return value === false ? (value as ResolvedOptions[K]) : value === true ? builtIn : pick(key, isFunction);
  };
  const toastDuration = ownValue(layer, 'toastDuration');
  return {
    toast: renderer('toast', defaultToast),
    renderField: renderer('renderField', defaultRenderField),
    clearFields: renderer('clearFields', defaultClearFields),
    fallbackMessage: pick('fallbackMessage', isText),
    messages: overlayStrings(base.messages, ownValue(layer, 'messages')),
    shouldHandle: pick('shouldHandle', isFunction),
    message: pick('message', isFunction),
    fieldLabel: pick('fieldLabel', isFunction),
    summary: pick('summary', isBoolean),
    form: ownValue(layer, 'form') || base.form,
    toastDuration: typeof toastDuration === 'number' && toastDuration >= 0 ? Math.min(toastDuration, 2147483647) : base.toastDuration,
    stickyWhen: pick('stickyWhen', isFunction),
    position: pick('position', (value) => typeof value === 'string' && POSITION.test(value)),
    text: overlayStrings(base.text, ownValue(layer, 'text')),
    onSessionExpired: renderer('onSessionExpired', undefined),
    loginUrl: pick('loginUrl', isText),
    retry: pick('retry', isBoolean),
  };
}

const isFunction = (value: unknown): boolean => typeof value === 'function';
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

/** The defaults; an option left out here is undefined, its default being "none". */
export const DEFAULT_OPTIONS = {
  toast: defaultToast,
  renderField: defaultRenderField,
  clearFields: defaultClearFields,
  fallbackMessage: DEFAULT_FALLBACK_MESSAGE,
  messages: {},
  toastDuration: 5000,
  position: 'top-end',
  text: DEFAULT_TEXT,
  retry: false,
} as ResolvedOptions;
