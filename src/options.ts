// The defaults of installApiErrors, and the one place install options and a request's own
// `apiErrors: {…}` are merged. Renderers and adapters only ever see the merged result.

import { DEFAULT_FALLBACK_MESSAGE } from './parse/index';
import { ownValue } from './parse/values';
import { clearDrawnFor, defaultRenderField } from './render/fields';
import { defaultToast } from './render/toast';
import type {
  ApiErrorContext,
  ApiErrorsOptions,
  FieldClearer,
  FieldRenderer,
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
  form: unknown;
  /** A function, `false` (off), or null for the built-in toast. */
  onSessionExpired: SessionExpiredHandler | false | null;
  /** Null: the current page. */
  loginUrl: string | null;
  retry: boolean;
}

const defaultClearFields: FieldClearer = (context: ApiErrorContext) => clearDrawnFor(context.scope);

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object';
}

/** A renderer option: a function, `false` to turn it off, `true` for the built-in one. */
function rendererOption<T>(value: unknown, fallback: T | false, builtIn: T): T | false {
  if (value === false) return false;
  if (value === true) return builtIn;
  return typeof value === 'function' ? (value as T) : fallback;
}

function messagesOption(base: Record<string, string>, value: unknown): Record<string, string> {
  if (!isObject(value)) return base;
  const merged: Record<string, string> = {};
  for (const key of Object.keys(base)) merged[key] = base[key] as string;
  for (const key of Object.keys(value)) {
    const message = value[key];
    if (typeof message === 'string' && message && key !== '__proto__') merged[key] = message;
  }
  return merged;
}

/** Overlays one layer of options (install or per request) on resolved ones. */
export function mergeOptions(base: ResolvedOptions, layer: unknown): ResolvedOptions {
  if (!isObject(layer)) return base;
  const fallbackMessage = ownValue(layer, 'fallbackMessage');
  const shouldHandle = ownValue(layer, 'shouldHandle');
  const loginUrl = ownValue(layer, 'loginUrl');
  const retry = ownValue(layer, 'retry');
  return {
    toast: rendererOption<ToastRenderer>(ownValue(layer, 'toast'), base.toast, defaultToast),
    renderField: rendererOption<FieldRenderer>(ownValue(layer, 'renderField'), base.renderField, defaultRenderField),
    clearFields: rendererOption<FieldClearer>(ownValue(layer, 'clearFields'), base.clearFields, defaultClearFields),
    fallbackMessage:
      typeof fallbackMessage === 'string' && fallbackMessage.trim() ? fallbackMessage : base.fallbackMessage,
    messages: messagesOption(base.messages, ownValue(layer, 'messages')),
    shouldHandle: typeof shouldHandle === 'function' ? (shouldHandle as ResolvedOptions['shouldHandle']) : base.shouldHandle,
    form: ownValue(layer, 'form') || base.form,
    onSessionExpired: rendererOption<SessionExpiredHandler | null>(ownValue(layer, 'onSessionExpired'), base.onSessionExpired, null),
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
  form: undefined,
  onSessionExpired: null,
  loginUrl: null,
  retry: false,
};
