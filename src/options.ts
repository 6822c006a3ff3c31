// The defaults of installApiErrors, and the one place install options and a request's own
// `apiErrors: {…}` are merged. Renderers and adapters only ever see the merged result.

import { DEFAULT_FALLBACK_MESSAGE } from './parse/index';
import { clearDrawnFor, defaultRenderField } from './render/fields';
import { defaultToast } from './render/toast';
import type {
  ApiErrorContext,
  ApiErrorsOptions,
  FieldClearer,
  FieldRenderer,
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
}

const defaultClearFields: FieldClearer = (context: ApiErrorContext) => clearDrawnFor(context.scope);

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object';
}

function own(source: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(source, key) ? source[key] : undefined;
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
  const fallbackMessage = own(layer, 'fallbackMessage');
  const shouldHandle = own(layer, 'shouldHandle');
  return {
    toast: rendererOption<ToastRenderer>(own(layer, 'toast'), base.toast, defaultToast),
    renderField: rendererOption<FieldRenderer>(own(layer, 'renderField'), base.renderField, defaultRenderField),
    clearFields: rendererOption<FieldClearer>(own(layer, 'clearFields'), base.clearFields, defaultClearFields),
    fallbackMessage:
      typeof fallbackMessage === 'string' && fallbackMessage.trim() ? fallbackMessage : base.fallbackMessage,
    messages: messagesOption(base.messages, own(layer, 'messages')),
    shouldHandle: typeof shouldHandle === 'function' ? (shouldHandle as ResolvedOptions['shouldHandle']) : base.shouldHandle,
    form: own(layer, 'form') || base.form,
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
};
