// What the default field renderer drew and marked, and taking it away again: the marks on the
// inputs, the message elements, the watch that clears a field when the person edits it.

import { DRAWN, ownFields } from './lookup';
import { attributeSelector, type DrawnFor, eachMatch, pageDocument, removeNode, resolveScope, rootOf } from './dom';

/** On a marked input: the id of the element holding its messages. */
export const MARKED = 'data-api-errors-marked';
/** On an element the renderers drew: the method and URL of the request it was drawn for. */
export const REQUEST = 'data-api-errors-request';
export const INVALID_CLASS = 'is-invalid';
export const MESSAGE_CLASS = 'api-errors-message';
export const SUMMARY_CLASS = 'api-errors-summary';
/** An input's own inline box-shadow, put back when its mark is cleared. */
export const shadows: WeakMap<Element, string> = new WeakMap();
/** The inputs each message element marked, so clearing it needs no query of the page. */
export const markedBy: WeakMap<Element, Element[]> = new WeakMap();

/** Tags what a renderer drew with the field it is for ('' for a summary) and its request. */
export function tagDrawn(element: Element, field: string, drawing: DrawnFor | undefined): void {
  element.setAttribute(DRAWN, field);
  if (drawing) element.setAttribute(REQUEST, drawing.key);
  drawnState.keys = null;
}

/** Whether something the renderer drew belongs to `form`: inside it, or for its `form="id"` inputs. */
export function drawnIn(form: Element, drawn: Element): boolean {
  if (form.contains(drawn)) return true;
  for (const input of markedBy.get(drawn) || []) if ((input as HTMLInputElement).form === form) return true;
  return false;
}

export function describedByWithout(value: string | null, id: string): string {
  return (value || '')
    .split(/\s+/)
    .filter((token) => token && token !== id)
    .join(' ');
}

function unmark(element: Element): void {
  const messageId = element.getAttribute(MARKED) || '';
  const describedBy = describedByWithout(element.getAttribute('aria-describedby'), messageId);
  if (describedBy) element.setAttribute('aria-describedby', describedBy);
  else element.removeAttribute('aria-describedby');
  element.removeAttribute('aria-invalid');
  element.removeAttribute(MARKED);
  if (element.classList) element.classList.remove(INVALID_CLASS);
  const shadow = shadows.get(element);
  if (shadow !== undefined) {
    (element as HTMLElement).style.boxShadow = shadow;
    if (!shadow && !(element as HTMLElement).style.cssText) element.removeAttribute('style');
  }
  shadows.delete(element);
}

/**
 * Takes a drawn element out of the page and, for a field's messages, unmarks the inputs that
 * point to it (another copy of the plugin may have drawn it: then they are looked up).
 */
export function removeDrawn(drawn: Element): void {
  const inputs = markedBy.get(drawn);
  if (inputs) {
    for (const input of inputs) if (input.getAttribute(MARKED) === drawn.id) unmark(input);
  } else if (drawn.id) {
    eachMatch(rootOf(drawn), attributeSelector(MARKED, drawn.id), unmark);
  }
  const slot = drawn.parentNode;
  removeNode(drawn);
  const kept = pageText.get(drawn);
  if (slot && kept) for (const node of kept) slot.appendChild(node);
}

/** The page's own text of a Bootstrap `.invalid-feedback` slot, taken out while ours is in it. */
export const pageText: WeakMap<Element, Node[]> = new WeakMap();

/** Clears one field everywhere in its document (or shadow root): its marked inputs and its message. */
export function clearField(element: Element): void {
  const root = rootOf(element);
  const messageId = element.getAttribute(MARKED) || '';
  const message = messageId ? root.getElementById(messageId) : null;
  if (message && message.hasAttribute(DRAWN)) removeDrawn(message);
  else eachMatch(root, attributeSelector(MARKED, messageId), unmark);
  unmark(element);
}

const watchedRoots: WeakSet<Node> = new WeakSet();

/**
 * The requests (method and URL) that the field messages and summaries on the page were drawn
 * for, as of the last clearing that looked at the whole document; null (not known) again as
 * soon as one is drawn or kept. While it is known, a success of any other request that names no
 * form has nothing to clear. Never known once something was drawn in a shadow root, which the
 * document's clearing does not see.
 */
export const drawnState: { keys: Set<string | null> | null; shadow?: boolean } = { keys: null };

/**
 * Called whenever a field message or summary is drawn. Delegated listeners, one set per document
 * or shadow root (`change` and `submit` do not leave one): editing a field clears it,
 * submitting a form clears the form.
 */
export function watchEdits(root: Document | ShadowRoot): void {
  if (watchedRoots.has(root)) return;
  watchedRoots.add(root);
  if (root.nodeType === 11) drawnState.shadow = true;
  const onEdit = (event: Event): void => {
    const target = event.target as Element | null;
    if (!target || target.nodeType !== 1) return;
    // `data-api-field` may sit on a wrapper (a fieldset of checkboxes): an edit inside it counts.
    const marked = target.hasAttribute(MARKED)
      ? target
      : typeof target.closest === 'function' ? target.closest('[' + MARKED + ']') : null;
    if (marked) clearField(marked);
  };
  root.addEventListener('input', onEdit, true);
  root.addEventListener('change', onEdit, true);
  root.addEventListener('submit', (event) => clearFieldErrors(event.target), true);
}

/**
 * Removes every mark and message the default renderer drew in `scope` (an element, a jQuery
 * object, a selector or the document; the whole document when omitted). A marked input given
 * as the scope clears that field.
 */
export function clearFieldErrors(scope?: unknown): void {
  const doc = pageDocument();
  const root = scope === undefined ? doc : resolveScope(scope, doc);
  if (!root) return;
  for (const element of ownFields(root)) if (element.hasAttribute(MARKED)) clearField(element);
  eachMatch(root, '[' + MARKED + ']', unmark);
  eachMatch(root, '[' + DRAWN + ']', removeDrawn);
}

/**
 * Each field the built-in renderer marked for `owner`, in page order: path, first input,
 * messages. Its inputs outside it (`form="id"`) count: their messages are drawn beside them.
 */
export function eachDrawnField(owner: Element, visit: (path: string, input: Element, messages: string[]) => void): void {
  eachMatch(rootOf(owner), '.' + MESSAGE_CLASS, (message) => {
    const input = (markedBy.get(message) || [])[0];
    const lines: string[] = [];
    for (let index = 1; index < message.children.length; index++) lines.push(message.children[index]!.textContent || '');
    if (input && drawnIn(owner, message)) visit(message.getAttribute(DRAWN) || '', input, lines);
  });
}
