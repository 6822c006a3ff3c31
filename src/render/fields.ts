// The default field renderer and clearFieldErrors: find a field's input in the scope, mark it
// invalid and put its messages, as text, in an element linked by aria-describedby.

import type { ApiError, ApiErrorContext } from '../types';
import { DEFAULT_TEXT } from '../text';
import { DRAWN, findFieldElements, ownFields } from './lookup';
import {
  attributeSelector,
  createTextElement,
  documentOf,
  drawnFor,
  type DrawnFor,
  eachMatch,
  hideVisually,
  pageDocument,
  removeNode,
  resolveScope,
  uniqueId,
  unthemed,
} from './dom';

/** On a marked input: the id of the element holding its messages. */
const MARKED = 'data-api-errors-marked';
/** On an element the renderers drew: the method and URL of the request it was drawn for. */
export const REQUEST = 'data-api-errors-request';
const INVALID_CLASS = 'is-invalid';
const MESSAGE_CLASS = 'api-errors-message';
export const SUMMARY_CLASS = 'api-errors-summary';
/** Read by screen readers, invisible on screen, with or without the stylesheet. */
const HIDDEN_CLASS = 'api-errors-visually-hidden';
/** Without the stylesheet: a message that is not mistaken for help text, and a marked input. */
const ERROR_COLOR = '#b3261e';
const SHADOW = '0 0 0 2px ' + ERROR_COLOR;
/** An input's own inline box-shadow, put back when its mark is cleared. */
const shadows: WeakMap<Element, string> = new WeakMap();
/** The inputs each message element marked, so clearing it needs no query of the page. */
const markedBy: WeakMap<Element, Element[]> = new WeakMap();

/** Tags what a renderer drew with the field it is for ('' for a summary) and its request. */
export function tagDrawn(element: Element, field: string, drawing: DrawnFor | undefined): void {
  element.setAttribute(DRAWN, field);
  if (drawing) element.setAttribute(REQUEST, drawing.key);
}

/** Whether something the renderer drew belongs to `form`: inside it, or for its `form="id"` inputs. */
export function drawnIn(form: Element, drawn: Element): boolean {
  if (form.contains(drawn)) return true;
  for (const input of markedBy.get(drawn) || []) if ((input as HTMLInputElement).form === form) return true;
  return false;
}
function describedByWithout(value: string | null, id: string): string {
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
    eachMatch(documentOf(drawn), attributeSelector(MARKED, drawn.id), unmark);
  }
  const slot = drawn.parentNode;
  removeNode(drawn);
  const kept = pageText.get(drawn);
  if (slot && kept) for (const node of kept) slot.appendChild(node);
}

/** The page's own text of a Bootstrap `.invalid-feedback` slot, taken out while ours is in it. */
const pageText: WeakMap<Element, Node[]> = new WeakMap();

/** Bootstrap's `.invalid-feedback` beside the input: the page's own slot for its messages. */
function feedbackSlot(input: Element): Element | null {
  for (let sibling = input.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.classList.contains('invalid-feedback')) return sibling;
  }
  return null;
}

/** Clears one field everywhere in its document: its marked inputs and its message element. */
function clearField(element: Element): void {
  const doc = documentOf(element);
  const messageId = element.getAttribute(MARKED) || '';
  const message = messageId ? doc.getElementById(messageId) : null;
  if (message && message.hasAttribute(DRAWN)) removeDrawn(message);
  else eachMatch(doc, attributeSelector(MARKED, messageId), unmark);
  unmark(element);
}

const watchedDocuments: WeakSet<Document> = new WeakSet();

/**
 * False once a clearing found no field message or summary on the page, true again as soon as
 * one is drawn: until then a success has nothing to clear.
 */
export const drawnState = { any: true };

/**
 * Called whenever a field message or summary is drawn. Delegated listeners, one set per
 * document: editing a field clears it, submitting a form clears the form.
 */
export function watchEdits(doc: Document): void {
  drawnState.any = true;
  if (watchedDocuments.has(doc)) return;
  watchedDocuments.add(doc);
  const onEdit = (event: Event): void => {
    const target = event.target as Element | null;
    if (!target || target.nodeType !== 1) return;
    // `data-api-field` may sit on a wrapper (a fieldset of checkboxes): an edit inside it counts.
    const marked = target.hasAttribute(MARKED)
      ? target
      : typeof target.closest === 'function' ? target.closest('[' + MARKED + ']') : null;
    if (marked) clearField(marked);
  };
  doc.addEventListener('input', onEdit, true);
  doc.addEventListener('change', onEdit, true);
  doc.addEventListener('submit', (event) => clearFieldErrors(event.target), true);
}

/**
 * Where the messages go after the input: after its label when the input sits inside one, since
 * text inside a <label> becomes part of the input's accessible name (read twice, with the
 * description) and a block inside a label is invalid HTML; after Bootstrap's `.input-group`,
 * a flex row that would squeeze the message in beside the input.
 */
function placeAfter(input: Element, scope: Element | Document): Element {
  const outer = typeof input.closest === 'function' ? input.closest('label, .input-group') : null;
  return outer && outer !== scope && scope.contains(outer) ? outer : input;
}

/** A fresh id: two copies of the plugin on one page each count from 1. */
function freeId(doc: Document): string {
  let id = uniqueId('api-errors-message-');
  while (doc.getElementById(id)) id = uniqueId('api-errors-message-');
  return id;
}

/**
 * The same request failing again with the same messages for a field (Submit pressed again):
 * what it drew is still right, so it stays as it is instead of being removed and drawn anew.
 */
function keepRepeat(drawing: DrawnFor, scope: Element | Document, field: string, messages: string[]): boolean {
  const text = drawing.text.error + ' ' + messages.join('');
  for (let index = 0; index < drawing.stale.length; index++) {
    const drawn = drawing.stale[index] as Element;
    const inputs = markedBy.get(drawn);
    if (
      drawn.getAttribute(DRAWN) === field &&
      inputs &&
      drawn.children.length === messages.length + 1 &&
      drawn.textContent === text &&
      scope.contains(drawn) &&
      inputs.every((input) => input.getAttribute(MARKED) === drawn.id)
    ) {
      drawing.stale.splice(index, 1);
      drawing.drawn.push(drawn);
      return true;
    }
  }
  return false;
}

/**
 * The built-in `renderField`. Returns false when the scope has no element for the field, so
 * its messages go into the toast instead.
 */
export function defaultRenderField(
  field: string,
  messages: string[],
  _error?: ApiError,
  context?: Partial<ApiErrorContext>,
): boolean {
  const scope = (context && context.scope) || pageDocument();
  if (!scope || typeof field !== 'string' || !field || !Array.isArray(messages)) return false;
  const drawing = context && drawnFor.get(context);
  if (drawing && keepRepeat(drawing, scope, field, messages)) return true;
  const elements = findFieldElements(scope, field);
  const last = elements[elements.length - 1];
  if (!last) return false;
  for (const element of elements) if (element.hasAttribute(MARKED)) clearField(element);

  const doc = documentOf(scope);
  const messageElement = createTextElement(doc, 'div', MESSAGE_CLASS);
  const messageId = freeId(doc);
  messageElement.id = messageId;
  tagDrawn(messageElement, field, drawing);
  if (drawing) drawing.drawn.push(messageElement);
  const prefix = createTextElement(doc, 'span', HIDDEN_CLASS, (drawing ? drawing.text : DEFAULT_TEXT).error + ' ');
  hideVisually(prefix);
  messageElement.appendChild(prefix);
  for (const message of messages) {
    messageElement.appendChild(createTextElement(doc, 'div', '', String(message)));
  }
  const container = scope.querySelector(attributeSelector('data-api-errors-for', field));
  const slot = container ? null : feedbackSlot(last);
  if (slot) {
    // Bootstrap shows this slot once the input is .is-invalid: its static text would sit beside ours.
    const kept = Array.from(slot.childNodes);
    kept.forEach(removeNode);
    pageText.set(messageElement, kept);
    slot.appendChild(messageElement);
  } else if (container) container.appendChild(messageElement);
  else {
    const anchor = placeAfter(last, scope);
    if (anchor.parentNode) anchor.parentNode.insertBefore(messageElement, anchor.nextSibling);
  }
  const fallback = unthemed(messageElement);
  if (fallback) messageElement.style.cssText = 'color:' + ERROR_COLOR + ';font-weight:bold';

  for (const element of elements) {
    element.setAttribute('aria-invalid', 'true');
    if (element.classList) element.classList.add(INVALID_CLASS);
    const describedBy = describedByWithout(element.getAttribute('aria-describedby'), messageId);
    element.setAttribute('aria-describedby', describedBy ? describedBy + ' ' + messageId : messageId);
    element.setAttribute(MARKED, messageId);
    const style = (element as HTMLElement).style;
    if (fallback && style) {
      shadows.set(element, style.boxShadow);
      style.boxShadow = SHADOW;
    }
  }
  markedBy.set(messageElement, elements);
  watchEdits(doc);
  return true;
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

/** Each field the built-in renderer marked in `root`, in page order: path, first input, messages. */
export function eachDrawnField(root: Element, visit: (path: string, input: Element, messages: string[]) => void): void {
  eachMatch(root, '.' + MESSAGE_CLASS, (message) => {
    const input = (markedBy.get(message) || [])[0];
    const lines: string[] = [];
    for (let index = 1; index < message.children.length; index++) lines.push(message.children[index]!.textContent || '');
    if (input) visit(message.getAttribute(DRAWN) || '', input, lines);
  });
}
