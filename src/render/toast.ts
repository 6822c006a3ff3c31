// The default toast: text only, role "alert" in a live region, a labelled close button, at most
// three on screen, the same text within two seconds shown once, gone after a few seconds.

import type { ApiError, ApiErrorContext } from '../types';
import { createTextElement, documentOf, removeNode } from './dom';

export const TOAST_DURATION_MS = 5000;
export const MAX_TOASTS = 3;
export const DEDUPE_MS = 2000;
/** How many recent toast texts the 2 s duplicate check remembers. */
const MAX_REMEMBERED = 20;
/** Lines beyond this are summed up as "…and N more": a toast is not a report. */
const MAX_DETAIL_LINES = 8;

const CONTAINER_CLASS = 'api-errors-toasts';
const TOAST_CLASS = 'api-errors-toast';

interface ToastState {
  container: HTMLElement | null;
  /** Whether dist/api-errors.css styles the container; read once, when it is made. */
  themed: boolean;
  recent: Array<{ key: string; at: number }>;
}

const states: WeakMap<Document, ToastState> = new WeakMap();

function stateOf(doc: Document): ToastState {
  let state = states.get(doc);
  if (!state) {
    state = { container: null, themed: false, recent: [] };
    states.set(doc, state);
  }
  return state;
}

/** The lines under the message: form errors, then `path: message` for fields no element took. */
export function toastLines(message: string, error: ApiError, context?: Partial<ApiErrorContext>): string[] {
  const lines: string[] = [];
  for (const formError of error.formErrors) if (formError !== message) lines.push(formError);
  const unrendered = (context && context.unrendered) || {};
  for (const path of Object.keys(unrendered)) {
    for (const fieldMessage of unrendered[path] || []) lines.push(path + ': ' + fieldMessage);
  }
  if (lines.length <= MAX_DETAIL_LINES) return lines;
  const shown = lines.slice(0, MAX_DETAIL_LINES - 1);
  shown.push('…and ' + (lines.length - shown.length) + ' more');
  return shown;
}

/**
 * Without dist/api-errors.css the toasts still need to sit on top of the page, so the container
 * and each toast get a few fallback styles. CSSOM writes (`style.cssText` included) are allowed
 * under a strict CSP: only style attributes in markup and <style> elements are blocked. The
 * stylesheet sets --api-errors-theme, and then the fallbacks are skipped so the theme wins.
 */
function isThemed(container: HTMLElement): boolean {
  const view = container.ownerDocument.defaultView;
  try {
    return !!view && view.getComputedStyle(container).getPropertyValue('--api-errors-theme').trim() !== '';
  } catch (_unsupported) {
    return false;
  }
}

function containerFor(doc: Document, state: ToastState): HTMLElement | null {
  const parent = doc.body || doc.documentElement;
  if (!parent) return null;
  if (state.container && state.container.parentNode === parent) return state.container;
  const container = createTextElement(doc, 'div', CONTAINER_CLASS);
  container.setAttribute('aria-live', 'assertive');
  parent.appendChild(container);
  state.themed = isThemed(container);
  if (!state.themed) {
    container.style.cssText = 'position:fixed;top:16px;right:16px;z-index:2147483000;width:360px;'
      + 'max-width:calc(100% - 32px);font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif';
  }
  state.container = container;
  return container;
}

function buildToast(doc: Document, message: string, lines: string[], reference: string | null, themed: boolean): HTMLElement {
  const toast = createTextElement(doc, 'div', TOAST_CLASS);
  toast.setAttribute('role', 'alert');
  const body = createTextElement(doc, 'div', 'api-errors-toast-body');
  body.appendChild(createTextElement(doc, 'p', 'api-errors-toast-message', message));
  if (lines.length) {
    const list = createTextElement(doc, 'ul', 'api-errors-toast-details');
    for (const line of lines) list.appendChild(createTextElement(doc, 'li', '', line));
    body.appendChild(list);
  }
  if (reference) {
    body.appendChild(createTextElement(doc, 'p', 'api-errors-toast-reference', 'Reference: ' + reference));
  }
  const close = createTextElement(doc, 'button', 'api-errors-toast-close', '\u00d7');
  close.setAttribute('type', 'button');
  close.setAttribute('aria-label', 'Dismiss');
  toast.appendChild(body);
  toast.appendChild(close);
  if (!themed) {
    // The fallback styles (see isThemed), one cssText per element.
    toast.style.cssText = 'display:flex;align-items:flex-start;margin:0 0 8px;padding:12px 14px;background:#8b1a1a;'
      + 'color:#fff;border-radius:6px;box-shadow:0 4px 12px rgba(0,0,0,.25);overflow-wrap:anywhere';
    body.style.cssText = 'flex:1 1 auto;min-width:0';
    close.style.cssText = 'background:transparent;border:0;color:inherit;cursor:pointer;font-size:20px;'
      + 'line-height:1;margin-left:8px;padding:0 4px';
    for (const paragraph of Array.prototype.slice.call(body.children) as HTMLElement[]) {
      paragraph.style.cssText = 'margin:0 0 4px;padding:' + (paragraph.tagName === 'UL' ? '0 0 0 18px' : '0');
    }
  }
  return toast;
}

/**
 * Dismisses after the duration; while the pointer is over the toast or focus is inside it the
 * timer is held, so it can be read (both count: leaving with the pointer while the keyboard is
 * still on the close button must not pull the toast away). `onClose` runs when the user closes it.
 */
function scheduleDismiss(toast: HTMLElement, onClose: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let hovered = false;
  let focused = false;
  const hold = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const update = (): void => {
    if (hovered || focused) hold();
    else if (timer === null) timer = setTimeout(() => removeNode(toast), TOAST_DURATION_MS);
  };
  const on = (type: string, set: () => void): void => toast.addEventListener(type, () => { set(); update(); });
  on('mouseenter', () => { hovered = true; });
  on('mouseleave', () => { hovered = false; });
  on('focusin', () => { focused = true; });
  on('focusout', () => { focused = false; });
  const close = toast.querySelector('.api-errors-toast-close');
  if (close) close.addEventListener('click', () => { hold(); removeNode(toast); onClose(); });
  update();
  return () => { hold(); removeNode(toast); };
}

/** How to take each toast on screen away early; a pending timer would otherwise hold it. */
const dismissers: WeakMap<Element, () => void> = new WeakMap();

/** True when the same text was shown less than DEDUPE_MS ago; remembers this one otherwise. */
function seenRecently(state: ToastState, key: string, now: number): boolean {
  state.recent = state.recent.filter((entry) => now - entry.at < DEDUPE_MS);
  for (const entry of state.recent) if (entry.key === key) return true;
  state.recent.push({ key, at: now });
  // A burst of distinct failures must not make every toast scan thousands of entries: only the
  // newest few can still be on screen to be duplicated anyway.
  if (state.recent.length > MAX_REMEMBERED) state.recent.shift();
  return false;
}

/** A toast the user closed is not a duplicate any more: the same failure again is news. */
function forget(state: ToastState, key: string): void {
  state.recent = state.recent.filter((entry) => entry.key !== key);
}

/** The built-in `toast`. */
export function defaultToast(message: string, error: ApiError, context?: Partial<ApiErrorContext>): void {
  const scope = context && context.scope;
  const doc = scope ? documentOf(scope) : typeof document !== 'undefined' ? document : null;
  if (!doc) return;
  const text = String(message || error.message);
  const lines = toastLines(text, error, context);
  const state = stateOf(doc);
  const key = [text].concat(lines).join('\n');
  if (seenRecently(state, key, Date.now())) return;
  const container = containerFor(doc, state);
  if (!container) return;
  const existing = container.getElementsByClassName(TOAST_CLASS);
  while (existing.length >= MAX_TOASTS) {
    const oldest = existing[0] as HTMLElement;
    const dismiss = dismissers.get(oldest);
    if (dismiss) dismiss();
    else removeNode(oldest);
  }
  const toast = buildToast(doc, text, lines, error.correlationId, state.themed);
  container.appendChild(toast);
  dismissers.set(toast, scheduleDismiss(toast, () => forget(state, key)));
}

// --- showToast (temporary) ---
// A stand-in for the toast API the failure policies draw with, just enough for their tests.
export interface ToastSpec {
  message: string; lines?: string[]; reference?: string | null;
  duration: number;
  key?: string;
  action?: { label: string; href?: string; run?: () => void };
  countdown?: { seconds: number; text: string; done: string };
}
export interface ToastHandle { element: HTMLElement; update(spec: Partial<ToastSpec>): void; close(): void; }

const keyedToasts: Record<string, ToastHandle> = {};

export function showToast(doc: Document, spec: ToastSpec, _options?: unknown): ToastHandle | null {
  const container = containerFor(doc, stateOf(doc));
  if (!container) return null;
  const same = spec.key ? keyedToasts[spec.key] : undefined;
  if (same && same.element.parentNode === container) {
    same.update(spec);
    return same;
  }
  const element = createTextElement(doc, 'div', TOAST_CLASS);
  element.setAttribute('role', 'alert');
  let current = spec;
  let left = spec.countdown ? Math.ceil(spec.countdown.seconds) : 0;
  let timers: Array<ReturnType<typeof setTimeout>> = [];
  const stop = (): void => {
    for (const timer of timers) clearTimeout(timer);
    timers = [];
  };
  const close = (): void => {
    stop();
    removeNode(element);
  };
  const draw = (): void => {
    stop();
    const built = buildToast(doc, current.message, current.lines || [], current.reference || null, true);
    while (element.firstChild) element.removeChild(element.firstChild);
    while (built.firstChild) element.appendChild(built.firstChild);
    const body = element.firstChild as unknown as HTMLElement;
    (element.lastChild as unknown as HTMLElement).addEventListener('click', close);
    const action = current.action;
    if (action) {
      const control = createTextElement(doc, action.href ? 'a' : 'button', 'api-errors-toast-action', action.label);
      if (action.href) control.setAttribute('href', action.href);
      else control.addEventListener('click', () => action.run && action.run());
      body.appendChild(control);
    }
    const countdown = current.countdown;
    if (countdown) {
      const line = createTextElement(doc, 'p', 'api-errors-toast-countdown');
      line.setAttribute('aria-live', 'off');
      body.appendChild(line);
      const tick = (): void => {
        line.textContent = left > 0 ? countdown.text.replace('{n}', String(left)) : countdown.done;
        if (left-- > 0) timers.push(setTimeout(tick, 1000));
        else line.setAttribute('role', 'status');
      };
      tick();
    }
    if (current.duration > 0) timers.push(setTimeout(close, current.duration));
  };
  draw();
  container.appendChild(element);
  const handle: ToastHandle = {
    element,
    update(partial) {
      current = Object.assign({}, current, partial);
      if (partial.countdown) left = Math.ceil(partial.countdown.seconds);
      draw();
    },
    close,
  };
  if (spec.key) keyedToasts[spec.key] = handle;
  return handle;
}
// --- end showToast ---
