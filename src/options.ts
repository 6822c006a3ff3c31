// The defaults of installApiErrors, and the one place install options and a request's own
// `apiErrors: {…}` are merged. Renderers and adapters only ever see the merged result.

import { DEFAULT_FALLBACK_MESSAGE } from './parse/index';
import { ownValue } from './parse/values';
import { defaultRenderField } from './render/fields';
import { clearDrawnFor } from './render/redraw';
import { defaultToast } from './render/toast';
import { DEFAULT_TEXT, type ApiErrorsText } from './text';
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
  message: ApiErrorsOptions['message'] | undefined;
  fieldLabel: ApiErrorsOptions['fieldLabel'] | undefined;
  /** undefined: on when the form holds a `[data-api-errors-summary]` container. */
  summary: boolean | undefined;
  text: ApiErrorsText;
  form: unknown;
}

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

/** A table of strings (`messages`, `text`): the layer's non-empty strings over the base ones. */
function messagesOption<T extends Record<string, string>>(base: T, value: unknown): T {
  if (!isObject(value)) return base;
  const merged: Record<string, string> = {};
  for (const key of Object.keys(base)) merged[key] = base[key] as string;
  for (const key of Object.keys(value)) {
    const message = value[key];
    if (typeof message === 'string' && message && key !== '__proto__') merged[key] = message;
  }
  return merged as T;
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
  const summary = ownValue(layer, 'summary');
  return {
    toast: rendererOption<ToastRenderer>(ownValue(layer, 'toast'), base.toast, defaultToast),
    renderField: rendererOption<FieldRenderer>(ownValue(layer, 'renderField'), base.renderField, defaultRenderField),
    clearFields: rendererOption<FieldClearer>(ownValue(layer, 'clearFields'), base.clearFields, defaultClearFields),
    fallbackMessage:
      typeof fallbackMessage === 'string' && fallbackMessage.trim() ? fallbackMessage : base.fallbackMessage,
    messages: messagesOption(base.messages, ownValue(layer, 'messages')),
    shouldHandle: functionOption(layer, 'shouldHandle', base.shouldHandle),
    message: functionOption(layer, 'message', base.message),
    fieldLabel: functionOption(layer, 'fieldLabel', base.fieldLabel),
    summary: typeof summary === 'boolean' ? summary : base.summary,
    text: messagesOption(base.text, ownValue(layer, 'text')),
    form: ownValue(layer, 'form') || base.form,
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
  text: DEFAULT_TEXT,
  form: undefined,
};
