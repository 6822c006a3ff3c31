// The toasts on screen, for the default toast and the failure policies: at most three, one per
// text (a repeat counts up and restarts its timer), held while hovered or focused, Escape closes.
// The stack keeps to a corner strip (a third of the viewport's height, scrolled to the newest);
// with two or more, "Dismiss all" follows them (the stylesheet folds the older ones to a line).

import { DEFAULT_TEXT, fill, type ApiErrorsText } from '../text';
import type { ToastPosition } from '../types';
import { createTextElement, isThemed, removeNode } from './dom';
import { countdownPart, fillBody, part, type ToastSpec } from './toast-parts';

export interface ToastHandle {
  element: HTMLElement;
  /** Changes what the toast says in place, and restarts its timer. */
  update(spec: Partial<ToastSpec>): void;
  close(): void;
}

/** Where the toasts sit and which words they use. */
export interface ToastLook {
  position?: ToastPosition;
  text?: ApiErrorsText;
}

export const MAX_TOASTS = 3;

interface OpenToast {
  key: string;
  count: number;
  handle: ToastHandle;
}

interface ToastState {
  container: HTMLElement | null;
  /** Whether dist/api-errors.css styles the container; read once, when it is made. */
  themed: boolean;
  /** Oldest first. */
  open: OpenToast[];
  /** Where focus was before it went into a toast, to give it back when that toast closes. */
  returnFocus: HTMLElement | null;
  /** "Dismiss all", after the toasts in the container; shown while two or more are on screen. */
  all: HTMLElement | null;
}

const states: WeakMap<Document, ToastState> = new WeakMap();

const textOf = (spec: ToastSpec): string => [spec.message].concat(spec.lines || [], spec.reference || '').join('\n');
const keyOf = (spec: ToastSpec): string => spec.key || textOf(spec);

function place(state: ToastState, container: HTMLElement, position: ToastPosition): void {
  container.setAttribute('data-position', position);
  if (state.themed) return;
  const [block, inline] = position.split('-');
  container.style.cssText = 'position:fixed;z-index:2147483000;width:360px;max-width:calc(100% - 32px);max-height:33vh;overflow:auto;'
    + 'font:14px/1.4 system-ui,sans-serif;inset-block:'
    + (block === 'top' ? '16px auto' : 'auto 16px') + ';inset-inline:'
    + (inline === 'start' ? '16px auto' : inline === 'end' ? 'auto 16px' : '0;margin-inline:auto');
}

/**
 * Escape closes the toast that holds focus, else the newest, when focus is in a toast or on no
 * control at all; a dialog's, menu's or field's own Escape is left to it.
 */
function onKeydown(state: ToastState, event: KeyboardEvent): void {
  const container = state.container;
  if (event.key !== 'Escape' || event.defaultPrevented || !container || !state.open.length) return;
  const doc = container.ownerDocument;
  const active = doc.activeElement;
  const inside = !!active && container.contains(active);
  if (!inside && active && active !== doc.body && active !== doc.documentElement) return;
  let target = state.open[state.open.length - 1] as OpenToast;
  for (const entry of state.open) if (inside && entry.handle.element.contains(active)) target = entry;
  target.handle.close();
}

const closeAll = (state: ToastState): void => {
  for (const entry of state.open.slice()) entry.handle.close();
};

function containerFor(doc: Document, state: ToastState): HTMLElement | null {
  const parent = doc.body || doc.documentElement;
  if (!parent) return null;
  if (state.container && state.container.parentNode === parent) return state.container;
  const container = createTextElement(doc, 'div', 'api-errors-toasts');
  container.setAttribute('aria-live', 'assertive');
  parent.appendChild(container);
  container.addEventListener('focusin', (event) => {
    const from = event.relatedTarget as HTMLElement | null;
    if (!from || !container.contains(from)) state.returnFocus = from;
  });
  state.themed = isThemed(container);
  state.container = container;
  // Closes every toast and gives focus back to where it was before it went into the toasts.
  const all = (state.all = part(doc, 'button', 'all', state.themed));
  all.addEventListener('click', () => {
    closeAll(state);
    if (state.returnFocus) state.returnFocus.focus();
  });
  // Toasts left in a replaced body: stop their timers and countdowns.
  closeAll(state);
  return container;
}

function stateOf(doc: Document): ToastState {
  let state = states.get(doc);
  if (!state) {
    const made: ToastState = { container: null, themed: false, open: [], returnFocus: null, all: null };
    doc.addEventListener('keydown', (event) => onKeydown(made, event));
    states.set(doc, (state = made));
  }
  return state;
}

/**
 * Runs `close` after `duration` ms (0: never); the timer is held while the pointer is over the
 * toast or focus is inside it (both count: leaving with the pointer while the keyboard is still
 * on a button must not pull the toast away), and starts again in full after.
 */
function dismissTimer(toast: HTMLElement, close: () => void): (duration: number) => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let duration = 0;
  let hovered = false;
  let focused = false;
  const update = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = hovered || focused || !duration ? null : setTimeout(close, duration);
  };
  const on = (type: string, set: () => void): void => toast.addEventListener(type, () => { set(); update(); });
  on('mouseenter', () => { hovered = true; });
  on('mouseleave', () => { hovered = false; });
  on('focusin', () => { focused = true; });
  on('focusout', () => { focused = false; });
  return (next) => {
    duration = next;
    update();
  };
}

function openToast(doc: Document, state: ToastState, spec: ToastSpec, text: ApiErrorsText): OpenToast {
  const themed = state.themed;
  const element = part(doc, 'div', '', themed);
  element.setAttribute('role', 'alert');
  const body = element.appendChild(part(doc, 'div', 'body', themed));
  const count = part(doc, 'div', 'count', themed);
  const dismiss = element.appendChild(part(doc, 'button', 'close', themed, '\u00d7'));
  dismiss.setAttribute('aria-label', text.dismiss);
  dismiss.addEventListener('click', () => close());
  let current = spec;
  let countdown: ReturnType<typeof countdownPart> | null = null;
  const entry: OpenToast = { key: keyOf(spec), count: 1, handle: { element, update, close } };
  const restart = dismissTimer(element, close);
  function close(): void {
    const index = state.open.indexOf(entry);
    if (index < 0) return;
    state.open.splice(index, 1);
    restart(0);
    if (countdown) countdown.stop();
    const hadFocus = element.contains(doc.activeElement);
    removeNode(element);
    if (state.open.length < 2) removeNode(state.all as HTMLElement);
    if (!hadFocus) return;
    const next = state.open[state.open.length - 1];
    const to = next ? next.handle.element.querySelector('.api-errors-toast-close') : state.returnFocus;
    if (to) (to as HTMLElement).focus();
  }
  function update(changes: Partial<ToastSpec>): void {
    const before = current === changes ? null : textOf(current);
    current = Object.assign({}, current, changes);
    entry.key = keyOf(current);
    if (changes.countdown && countdown) countdown.stop();
    if (changes.countdown || (!countdown && current.countdown)) {
      // At zero, the action the wait was for (a countdown's "Try again"): it ends with the toast.
      countdown = countdownPart(doc, current.countdown!, themed, () => current.countdown!.action && update({ action: current.countdown!.action }));
    }
    if (entry.count > 1) {
      count.textContent = fill(text.count, entry.count);
      element.insertBefore(count, dismiss);
    }
    if (before !== textOf(current) || changes.action || changes.countdown) {
      fillBody(body, current, text, themed, countdown && countdown.element, close);
    }
    restart(current.duration);
  }
  update(spec);
  return entry;
}

/**
 * Shows a toast, or, when one with the same key is on screen, counts it up there, updates it
 * with `spec` and restarts its timer. A fourth toast pushes the oldest off. Returns null where there is no page to draw on.
 */
export function showToast(doc: Document, spec: ToastSpec, look?: ToastLook): ToastHandle | null {
  const state = stateOf(doc);
  const container = containerFor(doc, state);
  if (!container) return null;
  place(state, container, (look && look.position) || 'top-end');
  const key = keyOf(spec);
  for (const entry of state.open) {
    if (entry.key !== key) continue;
    entry.count += 1;
    entry.handle.update(spec);
    return entry.handle;
  }
  while (state.open.length >= MAX_TOASTS) (state.open[0] as OpenToast).handle.close();
  const text = (look && look.text) || DEFAULT_TEXT;
  const entry = openToast(doc, state, spec, text);
  state.open.push(entry);
  const all = state.all as HTMLElement;
  // Before "Dismiss all" when it is there: moving it would take focus from it.
  container.insertBefore(entry.handle.element, all.parentNode ? all : null);
  all.textContent = text.dismissAll;
  if (state.open.length > 1 && !all.parentNode) container.appendChild(all);
  // Scrolled to the newest before the next frame is drawn: reading the stack's height here would
  // lay the page out again for every toast shown in one task.
  const scroll = () => { container.scrollTop = container.scrollHeight; };
  const view = doc.defaultView;
  if (view && view.requestAnimationFrame) view.requestAnimationFrame(scroll);
  else scroll();
  return entry.handle;
}
