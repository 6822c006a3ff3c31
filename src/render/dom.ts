// The few DOM helpers every renderer shares: make an element holding text, escape a name for a
// selector, report a caught exception, tell whether the stylesheet is loaded. Text goes in
// through textContent only, never markup.

import type { ApiErrorsText } from '../text';

/** Creates `<tag class="className">text</tag>` in `doc`; text is set as text, never parsed. */
export function createTextElement(
  doc: Document,
  tag: string,
  className: string,
  text?: string,
): HTMLElement {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Escapes a string for use inside a double-quoted CSS attribute value: every character outside
 * [A-Za-z0-9_-] becomes a hex escape of its code point. jQuery 1.12 and 2.2 have no
 * `$.escapeSelector`, and CSS.escape is missing in older engines and in jsdom; inside quotes no
 * identifier rules apply, so escaping everything else is enough. The `u` flag walks code points,
 * so an astral character is one escape, not two halves of a pair.
 */
export function cssEscape(value: string): string {
  return value.replace(/[^\w-]/gu, (char) => '\\' + (char.codePointAt(0) as number).toString(16) + ' ');
}

/** `[attribute="value"]` with the value escaped, so no field name can change the selector. */
export function attributeSelector(attribute: string, value: string): string {
  return '[' + attribute + '="' + cssEscape(value) + '"]';
}

/** Takes a node out of the page, if it is in one. */
export function removeNode(node: Node): void {
  if (node.parentNode) node.parentNode.removeChild(node);
}

/** Calls `visit` for every element under `root` that matches `selector`. */
export function eachMatch(root: ParentNode, selector: string, visit: (element: Element) => void): void {
  const matches = root.querySelectorAll(selector);
  for (let index = 0; index < matches.length; index++) visit(matches[index] as Element);
}

/** The page's document, where there is one (not under Node without a DOM). */
export const pageDocument = (): Document | null => (typeof document !== 'undefined' ? document : null);

/** The document an element or document belongs to. */
export function documentOf(node: Node): Document {
  return node.nodeType === 9 ? (node as Document) : (node.ownerDocument as Document);
}

/**
 * Reports an exception the plugin caught (from a user's renderer or callback) without throwing:
 * an exception thrown into jQuery would skip the request's remaining callbacks.
 */
export function reportError(where: string, exception: unknown): void {
  try {
    if (typeof console !== 'undefined' && console.error) {
      console.error('[jquery-api-errors] ' + where + ' threw:', exception);
    }
  } catch (_ignored) {
    // A broken console must not break the page either.
  }
}

let nextId = 0;
/** A page-unique id for elements the plugin draws. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return prefix + nextId;
}

/**
 * Resolves what a user may pass as a form or scope (an element, a document, a jQuery object or
 * a selector) to one element or document. A selector that is invalid or matches nothing gives
 * null, so the caller decides the fallback.
 */
export function resolveScope(target: unknown, doc: Document | null): Element | Document | null {
  if (!target) return null;
  if (typeof target === 'string') {
    if (!doc) return null;
    try {
      return doc.querySelector(target);
    } catch (_invalidSelector) {
      return null;
    }
  }
  if (typeof target !== 'object') return null;
  const node = target as { nodeType?: unknown; jquery?: unknown; 0?: unknown };
  if (node.nodeType === 1 || node.nodeType === 9) return target as Element | Document;
  if (node.jquery && node[0]) return resolveScope(node[0], doc);
  return null;
}

/**
 * Whether dist/api-errors.css styles this element (it sets --api-errors-theme on what it styles).
 * Without it the renderers set a few fallback styles through the CSSOM: writes such as
 * `style.cssText` are allowed under a strict CSP, which only blocks style attributes in markup
 * and <style> elements.
 */
export function isThemed(element: Element): boolean {
  const view = documentOf(element).defaultView;
  try {
    return !!view && view.getComputedStyle(element).getPropertyValue('--api-errors-theme').trim() !== '';
  } catch (_unsupported) {
    return false;
  }
}

const themedDocuments: WeakMap<Document, boolean> = new WeakMap();

/**
 * Whether the fallback styles are needed for an element the plugin drew (already in the page):
 * asked once per document, since reading a computed style forces a style recalculation.
 */
export function unthemed(element: Element): boolean {
  const doc = documentOf(element);
  let themed = themedDocuments.get(doc);
  if (themed === undefined) themedDocuments.set(doc, (themed = isThemed(element)));
  return !themed;
}

/** What the built-in renderers know of the request they draw for (set by the installation). */
export interface DrawnFor {
  /** `METHOD url`: a later request with the same key clears what this one drew. */
  key: string;
  /** The form the request names, cleared whole by its later requests. */
  form: Element | null;
  /** The form the request's data was serialized from, when one form on the page matches. */
  dataForm: Element | null;
  text: ApiErrorsText;
  /** The message elements the built-in field renderer drew (or kept) for this request. */
  drawn: Element[];
  /** What the request's earlier drawing left, set aside until the redraw is done. */
  stale: Element[];
  failed?: boolean;
}

export const drawnFor: WeakMap<object, DrawnFor> = new WeakMap();

/** Hides an element from sight but not from screen readers (set inline, so no stylesheet is needed). */
export function hideVisually(element: HTMLElement): void {
  element.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
}
