// The default field renderer and clearFieldErrors: find a field's input in the scope, mark it
// invalid and put its messages, as text, in an element linked by aria-describedby.

import type { ApiError, ApiErrorContext } from '../types';
import {
  attributeSelector,
  createTextElement,
  documentOf,
  eachMatch,
  removeNode,
  resolveScope,
  uniqueId,
} from './dom';

/** On a marked input: the id of the element holding its messages. */
const MARKED = 'data-api-errors-marked';
/** On an element the renderer drew: the field path it holds messages for. */
const DRAWN = 'data-api-errors-drawn';
/** On an element drawn for a request with no form: its scope was the whole page. */
const PAGE_WIDE = 'data-api-errors-page';
const INVALID_CLASS = 'is-invalid';
const MESSAGE_CLASS = 'api-errors-message';
/** Radio groups share a name; more matches than this are a page bug, not a field. */
const MAX_ELEMENTS_PER_FIELD = 50;

/** `items.1.qty` → `items[1][qty]`, the name PHP-style and Rails-style forms use. */
function bracketName(path: string): string {
  const parts = path.split('.');
  return parts[0] + parts.slice(1).map((part) => '[' + part + ']').join('');
}

/** `items.1.qty` → `id_items-1-qty`, the id Django's forms and formsets give an input. */
function djangoId(path: string): string {
  return 'id_' + path.split('.').join('-');
}

/** `name` and `id` also sit on <meta>, <form>, <iframe> and <a>: only these are fields. */
const FIELD_TAGS = /^(input|select|textarea)$/i;

function isField(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return FIELD_TAGS.test(element.localName) || (editable !== null && editable !== 'false');
}

/**
 * The fields of a scope that are not its descendants: the scope itself (an inline-edit input
 * given as the form or context) and, for a form, its controls outside it (`form="id"`).
 */
function ownFields(scope: Element | Document): Element[] {
  if (scope.nodeType !== 1) return [];
  const own = [scope as Element];
  const controls = (scope as HTMLFormElement).elements;
  if ((scope as Element).localName === 'form' && controls) {
    for (let index = 0; index < controls.length; index++) {
      const control = controls[index] as Element;
      if (!scope.contains(control)) own.push(control);
    }
  }
  return own;
}

/**
 * The elements for a field, by the first of the lookups that finds any: `data-api-field` on any
 * element, then form controls by name (also `items[1][qty]` and PHP's `tags[]`) or Django's id.
 * Every name is escaped before it becomes a selector; hidden inputs are skipped, since a message
 * next to an invisible input helps nobody, and so is a scope that left the page (a closed modal):
 * the toast shows those messages instead.
 */
export function findFieldElements(scope: Element | Document, path: string): Element[] {
  if (!documentOf(scope).contains(scope)) return [];
  const lookups = [
    ['data-api-field', path],
    ['name', path],
    ['name', bracketName(path)],
    ['name', bracketName(path) + '[]'],
    ['id', djangoId(path)],
  ];
  const own = ownFields(scope);
  for (const [attribute, value] of lookups as Array<[string, string]>) {
    const found: Element[] = [];
    const take = (element: Element): void => {
      // The selector narrows, the exact comparison decides: CSS reads an escaped NUL or lone
      // surrogate as U+FFFD, and some engines (jsdom) compare some values case-insensitively.
      if (
        found.length < MAX_ELEMENTS_PER_FIELD &&
        element.getAttribute(attribute) === value &&
        (attribute === 'data-api-field' || isField(element)) &&
        element.getAttribute('type') !== 'hidden' &&
        !element.hasAttribute(DRAWN)
      ) {
        found.push(element);
      }
    };
    own.forEach(take);
    eachMatch(scope, attributeSelector(attribute, value), take);
    if (found.length) return found;
  }
  return [];
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
}

/** Clears one field everywhere in its document: its marked inputs and its message element. */
function clearField(element: Element): void {
  const doc = documentOf(element);
  const messageId = element.getAttribute(MARKED) || '';
  eachMatch(doc, attributeSelector(MARKED, messageId), unmark);
  unmark(element);
  const message = messageId ? doc.getElementById(messageId) : null;
  if (message && message.hasAttribute(DRAWN)) removeMessage(message);
}

const watchedDocuments: WeakSet<Document> = new WeakSet();

/** One delegated listener per document: a field is cleared when the user edits it. */
function watchEdits(doc: Document): void {
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

/** Bootstrap's `.invalid-feedback` beside the input: the page's own slot for its messages. */
function feedbackSlot(input: Element): Element | null {
  for (let sibling = input.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.classList.contains('invalid-feedback')) return sibling;
  }
  return null;
}

/** The page's own text of a feedback slot, taken out while our messages are in it. */
const pageText: WeakMap<Element, Node[]> = new WeakMap();

function removeMessage(message: Element): void {
  const slot = message.parentNode;
  removeNode(message);
  const kept = pageText.get(message);
  if (slot && kept) for (const node of kept) slot.appendChild(node);
}

/** A fresh id: two copies of the plugin on one page each count from 1. */
function freeId(doc: Document): string {
  let id = uniqueId('api-errors-message-');
  while (doc.getElementById(id)) id = uniqueId('api-errors-message-');
  return id;
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
  const scope = (context && context.scope) || (typeof document !== 'undefined' ? document : null);
  if (!scope || typeof field !== 'string' || !field) return false;
  const elements = findFieldElements(scope, field);
  const last = elements[elements.length - 1];
  if (!last) return false;
  for (const element of elements) if (element.hasAttribute(MARKED)) clearField(element);

  const doc = documentOf(scope);
  const messageElement = createTextElement(doc, 'div', MESSAGE_CLASS);
  const messageId = freeId(doc);
  messageElement.id = messageId;
  messageElement.setAttribute(DRAWN, field);
  if (scope.nodeType === 9) messageElement.setAttribute(PAGE_WIDE, '');
  for (const message of Array.isArray(messages) ? messages : []) {
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

  for (const element of elements) {
    element.setAttribute('aria-invalid', 'true');
    if (element.classList) element.classList.add(INVALID_CLASS);
    const describedBy = describedByWithout(element.getAttribute('aria-describedby'), messageId);
    element.setAttribute('aria-describedby', describedBy ? describedBy + ' ' + messageId : messageId);
    element.setAttribute(MARKED, messageId);
  }
  watchEdits(doc);
  return true;
}

/**
 * Removes every mark and message the default renderer drew in `scope` (an element, a jQuery
 * object, a selector or the document; the whole document when omitted). A marked input given
 * as the scope clears that field.
 */
export function clearFieldErrors(scope?: unknown): void {
  const doc = typeof document !== 'undefined' ? document : null;
  const root = scope === undefined ? doc : resolveScope(scope, doc);
  if (!root) return;
  for (const element of ownFields(root)) if (element.hasAttribute(MARKED)) clearField(element);
  eachMatch(root, '[' + MARKED + ']', unmark);
  eachMatch(root, '[' + DRAWN + ']', removeMessage);
}

const drawnMessageLists: WeakMap<Document, HTMLCollection> = new WeakMap();

function drawnMessages(doc: Document): HTMLCollection {
  let list = drawnMessageLists.get(doc);
  if (!list) {
    list = doc.getElementsByClassName(MESSAGE_CLASS);
    drawnMessageLists.set(doc, list);
  }
  return list;
}

/**
 * What the plugin clears by itself, before a failure is drawn and after a success: everything
 * drawn in a form scope, but for a request with no form only what such requests drew — an
 * unrelated background request must not wipe the errors of a form the user is still fixing.
 */
export function clearDrawnFor(scope: Element | Document): void {
  // Every successful request comes here: with no message on the page there is nothing to do,
  // and a live collection's length is cheap where a query would walk the whole document.
  if (!drawnMessages(documentOf(scope)).length) return;
  if (scope.nodeType !== 9) {
    clearFieldErrors(scope);
    return;
  }
  const drawnIds: Record<string, boolean> = {};
  let drawn = 0;
  eachMatch(scope, '[' + DRAWN + '][' + PAGE_WIDE + ']', (message) => {
    drawnIds[message.id] = true;
    drawn++;
    removeMessage(message);
  });
  // One pass over the marked inputs for all the fields, not one query per field.
  if (drawn) {
    eachMatch(scope, '[' + MARKED + ']', (element) => {
      if (drawnIds[element.getAttribute(MARKED) || ''] === true) unmark(element);
    });
  }
}
