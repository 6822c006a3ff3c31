// The default field renderer: find a field's input in the scope, mark it invalid and put its
// messages, as text, in an element linked by aria-describedby (clearing is in marks.ts).

import type { ApiError, ApiErrorContext } from '../types';
import { DEFAULT_TEXT } from '../text';
import { DRAWN, findFieldElements, formOf } from './lookup';
import {
  INVALID_CLASS,
  MARKED,
  MESSAGE_CLASS,
  clearField,
  describedByWithout,
  markedBy,
  pageText,
  shadows,
  tagDrawn,
  watchEdits,
} from './marks';
import {
  attributeSelector,
  createTextElement,
  documentOf,
  drawnFor,
  type DrawnFor,
  hideVisually,
  pageDocument,
  removeNode,
  rootOf,
  uniqueId,
  unthemed,
} from './dom';

/** Read by screen readers, invisible on screen, with or without the stylesheet. */
const HIDDEN_CLASS = 'api-errors-visually-hidden';
/** Without the stylesheet: a message that is not mistaken for help text, and a marked input. */
const ERROR_COLOR = '#b3261e';
const SHADOW = '0 0 0 2px ' + ERROR_COLOR;

/** Bootstrap's `.invalid-feedback` beside the input: the page's own slot for its messages. */
function feedbackSlot(input: Element): Element | null {
  for (let sibling = input.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.classList.contains('invalid-feedback')) return sibling;
  }
  return null;
}

const FIELDS = 'input,select,textarea';

/**
 * Django's form templates put a field's server-rendered errors (`<ul class="errorlist">`) before
 * it: in its row (`as_table`, `as_ul`, `as_div`) or before the row (`as_p`). Walking back from
 * the field and up, anything holding another field ends the search: that list is not its own.
 */
function serverErrors(input: Element, scope: Element | Document): Element | null {
  for (let node: Element | null = input, level = 0; node && node !== scope && level < 4; node = node.parentElement, level++) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.matches('ul.errorlist:not(.nonfield)')) return sibling;
      if (sibling.matches(FIELDS) || sibling.querySelector(FIELDS)) return null;
    }
  }
  return null;
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
 * The message element already on `elements` (the inputs this failure marks, holder rule applied)
 * is kept for this request instead of being removed and drawn anew when it says exactly
 * `messages` for `field` on exactly these inputs: the same request failing again (Submit pressed
 * again, its earlier drawing set aside as stale), or another request's message on these very
 * inputs (requests to different URLs that answer alike), which this request then owns.
 */
function keepSame(drawing: DrawnFor, scope: Element | Document, field: string, messages: string[], elements: Element[], drawn: Element | null): boolean {
  const inputs = drawn && markedBy.get(drawn);
  if (
    !inputs ||
    drawn!.getAttribute(DRAWN) !== field ||
    drawn!.children.length !== messages.length + 1 ||
    drawn!.textContent !== drawing.text.error + ' ' + messages.join('') ||
    !scope.contains(drawn) ||
    inputs.length !== elements.length ||
    !inputs.every((input, index) => input.getAttribute(MARKED) === drawn!.id && elements[index] === input)
  ) return false;
  drawing.stale = drawing.stale.filter((other) => other !== drawn);
  tagDrawn(drawn!, field, drawing);
  drawing.drawn.push(drawn!);
  return true;
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
  let elements = findFieldElements(scope, field);
  if (drawing && scope.nodeType === 9) {
    // No form was told: the inputs of one form only (the first that has the field), never every
    // input of that name on the page, for all the fields of one failure.
    const holder = (drawing.holder = drawing.holder || elements.map(formOf).filter(Boolean)[0]);
    elements = elements.filter((element) => !formOf(element) || formOf(element) === holder);
  }
  const last = elements[elements.length - 1];
  if (!last) return false;
  if (drawing && keepSame(drawing, scope, field, messages, elements, rootOf(last).getElementById(last.getAttribute(MARKED) || ''))) return true;
  for (const element of elements) if (element.hasAttribute(MARKED)) clearField(element);

  const doc = documentOf(scope);
  const container = scope.querySelector(attributeSelector('data-api-errors-for', field));
  const slot = container ? null : feedbackSlot(last);
  const replaced = container || slot ? null : serverErrors(elements[0] as Element, scope);
  const messageElement = createTextElement(doc, 'div', MESSAGE_CLASS);
  // Django 5.2 ties its list to the field by id: the messages in its place take that id.
  const messageId = (replaced && replaced.id) || freeId(doc);
  messageElement.id = messageId;
  tagDrawn(messageElement, field, drawing);
  if (drawing) drawing.drawn.push(messageElement);
  const prefix = createTextElement(doc, 'span', HIDDEN_CLASS, (drawing ? drawing.text : DEFAULT_TEXT).error + ' ');
  messageElement.appendChild(prefix);
  for (const message of messages) {
    messageElement.appendChild(createTextElement(doc, 'div', '', String(message)));
  }
  if (replaced) {
    // The server's earlier answer for this field: the new one takes its place, in its place.
    replaced.parentNode!.replaceChild(messageElement, replaced);
  } else if (slot) {
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
  // Inline, with or without the stylesheet (which has no rule for the prefix).
  hideVisually(prefix);
  const fallback = unthemed(messageElement);
  if (fallback) {
    messageElement.style.cssText = 'color:' + ERROR_COLOR + ';font-weight:bold';
  }

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
  watchEdits(rootOf(messageElement));
  return true;
}
