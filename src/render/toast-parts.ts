// The parts of one toast: message, detail lines, a countdown, the reference with its Copy button,
// an action. Text is only ever set as text; the fallback styles serve pages with no stylesheet.

import { fill, type ApiErrorsText } from '../text';
import { createTextElement, hideVisually, reportError } from './dom';

/** What one toast shows, and for how long. */
export interface ToastSpec {
  message: string;
  lines?: string[];
  reference?: string | null;
  /** Milliseconds until it goes by itself; 0 keeps it until dismissed. */
  duration: number;
  /** Toasts with the same key are one toast (default: message, lines and reference). */
  key?: string;
  /** A link (`href`) or a button (`run`, after which the toast closes). */
  action?: { label: string; href?: string; run?: () => void };
  /** `text` holds `{n}`, the seconds left; `done` replaces it at zero, and `action` is shown then. */
  countdown?: { seconds: number; text: string; done: string; action?: ToastSpec['action'] };
}

const BUTTON = 'background:none;border:1px solid;border-radius:4px;color:inherit;font:inherit;padding:2px 8px;margin:4px 0 0;margin-inline-end:8px';

/**
 * The styles a part gets when dist/api-errors.css is not on the page, one cssText per element
 * (the text parts are divs, so they need none). CSSOM writes are allowed under a strict
 * Content-Security-Policy, unlike style attributes in markup or <style> elements.
 */
const FALLBACK: Record<string, string> = {
  '': 'display:flex;align-items:flex-start;gap:8px;margin:0 0 8px;padding:12px 14px;background:#8b1a1a;color:#fff;'
    + 'border-radius:6px;box-shadow:0 4px 12px #0004;overflow-wrap:anywhere',
  body: 'flex:1;min-width:0',
  message: 'font-weight:600',
  details: 'margin:4px 0;padding-inline-start:18px',
  action: BUTTON,
  copy: BUTTON,
  close: BUTTON,
  all: BUTTON + ';background:#8b1a1a;color:#fff',
};

/** Makes `<tag class="api-errors-toast-NAME">`, with its fallback style when unthemed. */
export function part(doc: Document, tag: string, name: string, themed: boolean, text?: string): HTMLElement {
  const element = createTextElement(doc, tag, name ? 'api-errors-toast-' + name : 'api-errors-toast', text);
  if (!themed) element.style.cssText = FALLBACK[name] || '';
  if (tag === 'button') element.setAttribute('type', 'button');
  return element;
}

/**
 * A countdown a person can watch without a screen reader reading out every second: the ticking
 * sentence is aria-hidden, a visually hidden copy of the first sentence is what is read (once,
 * with the toast), and at zero the `done` text replaces both and is announced once.
 */
export function countdownPart(doc: Document, countdown: NonNullable<ToastSpec['countdown']>, themed: boolean, done: () => void): { element: HTMLElement; stop(): void } {
  const element = part(doc, 'div', 'countdown', themed);
  const seconds = Math.max(0, Math.ceil(countdown.seconds) || 0);
  const end = Date.now() + seconds * 1000;
  const ticking = createTextElement(doc, 'div', '', fill(countdown.text, seconds));
  ticking.setAttribute('aria-hidden', 'true');
  const spoken = createTextElement(doc, 'div', '', ticking.textContent as string);
  hideVisually(spoken);
  element.appendChild(ticking);
  element.appendChild(spoken);
  const tick = (): void => {
    const left = Math.ceil((end - Date.now()) / 1000);
    if (left > 0) ticking.textContent = fill(countdown.text, left);
    else {
      stop();
      element.textContent = countdown.done;
      done();
    }
  };
  const timer = setInterval(tick, 1000);
  const stop = (): void => clearInterval(timer);
  if (!seconds) tick();
  return { element, stop };
}

/**
 * Puts `reference` on the clipboard; where the Clipboard API is missing or refuses (an insecure
 * origin, no permission), selects the reference in its line so the person can copy it by hand.
 */
function copyReference(button: HTMLElement, line: HTMLElement, reference: string, text: ApiErrorsText): void {
  const view = line.ownerDocument.defaultView;
  const select = (): void => {
    const selection = view && view.getSelection();
    const value = line.firstChild as Text;
    if (selection) selection.setBaseAndExtent(value, value.length - reference.length, value, value.length);
  };
  try {
    const clipboard = view && view.navigator.clipboard;
    if (!clipboard) return select();
    clipboard.writeText(reference).then(() => {
      button.textContent = text.copied;
    }, select);
  } catch (_refused) {
    select();
  }
}

/** Fills a toast's body with what `spec` says; `countdown` is the running countdown, if any. */
export function fillBody(body: HTMLElement, spec: ToastSpec, text: ApiErrorsText, themed: boolean, countdown: HTMLElement | null, close: () => void): void {
  const doc = body.ownerDocument;
  body.textContent = '';
  body.appendChild(part(doc, 'div', 'message', themed, spec.message));
  const lines = spec.lines || [];
  if (lines.length) {
    const list = part(doc, 'ul', 'details', themed);
    for (const line of lines) list.appendChild(createTextElement(doc, 'li', '', line));
    body.appendChild(list);
  }
  if (countdown) body.appendChild(countdown);
  const reference = spec.reference;
  if (reference) {
    const line = part(doc, 'div', 'reference', themed, text.reference + ' ' + reference);
    const copy = part(doc, 'button', 'copy', themed, text.copy);
    copy.addEventListener('click', () => copyReference(copy, line, reference, text));
    body.appendChild(line);
    body.appendChild(copy);
  }
  const action = spec.action;
  if (action) {
    const control = part(doc, action.href ? 'a' : 'button', 'action', themed, action.label);
    if (action.href) control.setAttribute('href', action.href);
    control.addEventListener('click', () => {
      if (!action.run) return;
      try {
        action.run();
      } catch (exception) {
        reportError('a toast action', exception);
      }
      close();
    });
    body.appendChild(control);
  }
}
