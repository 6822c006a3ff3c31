// The words a person knows a field by: its label text, shown in the toast and the summary in
// place of the field's path. Read from the page as text, never as markup.

import type { ResolvedOptions } from '../options';
import { attributeSelector, rootOf } from './dom';
import { findFieldElements } from './lookup';

/** A label's own text, without the text of the controls inside it (a <select>'s options). */
function ownText(node: Node): string {
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += child.nodeValue;
    // Form controls (they have a `form` property) carry their own text: a <select>'s options.
    else if (child.nodeType === 1 && !('form' in child)) text += ownText(child);
  }
  return text;
}

/**
 * An element's label text: its `<label for>`, the label around it, its `aria-label`, the text of
 * its `aria-labelledby` elements, looked up in its document or shadow root. A group of radio
 * buttons or checkboxes sharing a name (or a fieldset holding them) is named by the fieldset's
 * legend. Whitespace is collapsed and a trailing colon dropped ("Email:" leads "Email: …").
 */
export function labelOf(element: Element): string {
  const doc = rootOf(element);
  const type = element.getAttribute('type');
  const set = element.closest('fieldset');
  const group = set && (element === set || type === 'radio' ||
    (type === 'checkbox' && set.querySelectorAll(attributeSelector('name', (element as HTMLInputElement).name))[1]));
  const label =
    (group && set.querySelector('legend')) ||
    (element.id && doc.querySelector('label' + attributeSelector('for', element.id))) ||
    element.closest('label');
  const labelledBy = (element.getAttribute('aria-labelledby') || '')
    .split(/\s+/)
    .map((id) => {
      const named = id ? doc.getElementById(id) : null;
      return named ? named.textContent : '';
    })
    .join(' ');
  const text = (label && ownText(label).trim()) || element.getAttribute('aria-label') || labelledBy;
  return text.replace(/\s+/g, ' ').trim().replace(/\s*:$/, '');
}

/** The words for a field: the `fieldLabel` option's, else its element's label text, else ''. */
export function fieldLabel(path: string, element: Element | null, options: ResolvedOptions): string {
  const custom = options.fieldLabel ? options.fieldLabel(path, element) : undefined;
  if (typeof custom === 'string' && custom.trim()) return custom.trim();
  return element ? labelOf(element) : '';
}

/**
 * Label text by path for fields no element in the scope took, found anywhere on the page or in
 * the form's shadow root (a coupon input beside the form still names its field).
 */
export function labelsOf(paths: string[], root: Document | ShadowRoot, options: ResolvedOptions): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const path of paths) {
    const label = fieldLabel(path, findFieldElements(root as Document, path)[0] || null, options);
    if (label) labels[path] = label;
  }
  return labels;
}
