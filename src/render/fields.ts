// The default field renderer and clearFieldErrors: find a field's input in the scope, mark it
// invalid and put its messages, as text, in an element linked by aria-describedby.

import type { ApiError, ApiErrorContext } from '../types';
import {
  attributeSelector,
  createTextElement,
  documentOf,
  resolveScope,
  uniqueId,
} from './dom';

/** On a marked input: the id of the element holding its messages. */
const MARKED = 'data-api-errors-marked';
/** On an element the renderer drew: the field path it holds messages for. */
const DRAWN = 'data-api-errors-drawn';
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

/**
 * The elements for a field, by the first of the four lookups that finds any. Every name is
 * escaped before it becomes a selector; hidden inputs are skipped, since a message next to an
 * invisible input helps nobody (the toast shows it instead).
 */
export function findFieldElements(scope: Element | Document, path: string): Element[] {
  const selectors = [
    attributeSelector('data-api-field', path),
    attributeSelector('name', path),
    attributeSelector('name', bracketName(path)),
    attributeSelector('id', djangoId(path)),
  ];
  for (const selector of selectors) {
    const found: Element[] = [];
    const matches = scope.querySelectorAll(selector);
    for (let index = 0; index < matches.length && found.length < MAX_ELEMENTS_PER_FIELD; index++) {
      const element = matches[index] as Element;
      if (element.getAttribute('type') !== 'hidden' && !element.hasAttribute(DRAWN)) {
        found.push(element);
      }
    }
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
  const marked = doc.querySelectorAll(attributeSelector(MARKED, messageId));
  for (let index = 0; index < marked.length; index++) unmark(marked[index] as Element);
  unmark(element);
  const message = messageId ? doc.getElementById(messageId) : null;
  if (message && message.hasAttribute(DRAWN) && message.parentNode) {
    message.parentNode.removeChild(message);
  }
}

const watchedDocuments: WeakSet<Document> = new WeakSet();

/** One delegated listener a document clears a field when the user edits it. */
function watchEdits(doc: Document): void {
  if (watchedDocuments.has(doc)) return;
  watchedDocuments.add(doc);
  const onEdit = (event: Event): void => {
    const target = event.target as Element | null;
    if (target && target.nodeType === 1 && target.hasAttribute(MARKED)) clearField(target);
  };
  doc.addEventListener('input', onEdit, true);
  doc.addEventListener('change', onEdit, true);
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
  const messageId = uniqueId('api-errors-message-');
  messageElement.id = messageId;
  messageElement.setAttribute(DRAWN, field);
  for (const message of Array.isArray(messages) ? messages : []) {
    messageElement.appendChild(createTextElement(doc, 'div', '', String(message)));
  }
  const container = scope.querySelector(attributeSelector('data-api-errors-for', field));
  if (container) container.appendChild(messageElement);
  else if (last.parentNode) last.parentNode.insertBefore(messageElement, last.nextSibling);

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
 * object, a selector or the document; the whole document when omitted).
 */
export function clearFieldErrors(scope?: unknown): void {
  const doc = typeof document !== 'undefined' ? document : null;
  const root = scope === undefined ? doc : resolveScope(scope, doc);
  if (!root) return;
  const marked = root.querySelectorAll('[' + MARKED + ']');
  for (let index = 0; index < marked.length; index++) unmark(marked[index] as Element);
  const drawn = root.querySelectorAll('[' + DRAWN + ']');
  for (let index = 0; index < drawn.length; index++) {
    const element = drawn[index] as Element;
    if (element.parentNode) element.parentNode.removeChild(element);
  }
}
