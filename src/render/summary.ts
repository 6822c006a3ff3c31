// The error summary (the GOV.UK Design System pattern): at the top of the form a failure belongs
// to, a heading and one item per error, each field's item a link that moves focus to its input.

import type { ResolvedOptions } from '../options';
import type { ApiError, ApiErrorContext } from '../types';
import { createTextElement, documentOf, drawnFor, eachMatch, removeNode, rootOf, uniqueId, unthemed } from './dom';
import { SUMMARY_CLASS, eachDrawnField, tagDrawn, watchEdits } from './marks';
import { fieldLabel } from './labels';

const CONTROLS = 'input,select,textarea,button';

/** What a link moves focus to: the element itself, or the first control inside a wrapper. */
function focusTarget(element: Element): Element {
  return element.matches(CONTROLS) ? element : element.querySelector(CONTROLS) || element;
}

/**
 * Draws the summary for a failure that belongs to `owner` (a form, or an element the request
 * named) into its `[data-api-errors-summary]` container, else, with `summary: true`, at its top.
 * Lists the form errors, every field marked for the owner (its `form="id"` inputs outside it
 * too), and the fields no element took.
 * Returns the summary, or null when there is none (no place for it, or nothing to list).
 */
export function renderSummary(
  owner: Element | Document,
  error: ApiError,
  context: ApiErrorContext,
  options: ResolvedOptions,
): HTMLElement | null {
  if (owner.nodeType !== 1 || options.summary === false) return null;
  const container = (owner as Element).querySelector('[data-api-errors-summary]');
  if (!container && !options.summary) return null;
  const doc = documentOf(owner);
  const root = rootOf(owner);
  const items: Array<[string, Element?]> = error.formErrors.map((text): [string] => [text]);
  eachDrawnField(owner as Element, (path, input, messages) => {
    const label = fieldLabel(path, input, options);
    items.push([(label ? label + ': ' : '') + messages.join(' '), focusTarget(input)]);
  });
  for (const path of Object.keys(context.unrendered)) {
    const label = (context.fieldLabels && context.fieldLabels[path]) || path;
    items.push([label + ': ' + (context.unrendered[path] as string[]).join(' ')]);
  }
  if (!items.length) return null;

  // One summary per form: this one replaces the one an earlier failure drew.
  eachMatch(owner as Element, '.' + SUMMARY_CLASS, removeNode);
  const summary = createTextElement(doc, 'div', SUMMARY_CLASS);
  tagDrawn(summary, '', drawnFor.get(context));
  summary.setAttribute('role', 'alert');
  summary.tabIndex = -1;
  const title = createTextElement(doc, 'h2', SUMMARY_CLASS + '-title', options.text.summaryHeading);
  title.id = uniqueId('api-errors-summary-');
  summary.setAttribute('aria-labelledby', title.id);
  const list = createTextElement(doc, 'ul', SUMMARY_CLASS + '-list');
  for (const [text, target] of items) {
    const item = createTextElement(doc, 'li', '', target ? undefined : text);
    if (target) {
      if (!target.id) target.id = uniqueId('api-errors-field-');
      const link = createTextElement(doc, 'a', '', text);
      link.setAttribute('href', '#' + target.id);
      item.appendChild(link);
    }
    list.appendChild(item);
  }
  summary.appendChild(title);
  summary.appendChild(list);
  // A link moves focus itself: following "#id" scrolls there but leaves focus where it was.
  summary.addEventListener('click', (event) => {
    const link = event.target && (event.target as Element).closest ? (event.target as Element).closest('a') : null;
    const target = link ? root.getElementById((link.getAttribute('href') || '').slice(1)) : null;
    if (!target) return;
    event.preventDefault();
    (target as HTMLElement).focus();
  });
  // Submitting the form again clears it, even when no field was marked.
  watchEdits(root);
  const parent = container || (owner as Element);
  parent.insertBefore(summary, container ? null : parent.firstChild);
  if (unthemed(summary)) summary.style.cssText = 'border:4px solid #b3261e;padding:0 16px;margin:0 0 16px';
  return summary;
}
