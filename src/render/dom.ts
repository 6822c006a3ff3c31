// The few DOM helpers every renderer shares: make an element holding text, escape a name for a
// selector, report a caught exception. Text goes in through textContent only, never markup.

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
 * Escapes a string for use inside a double-quoted CSS attribute value or as an identifier.
 * jQuery 1.12 and 2.2 have no `$.escapeSelector` and CSS.escape is missing in older engines and
 * in jsdom, so this follows the CSSOM `serialize an identifier` algorithm itself.
 */
export function cssEscape(value: string): string {
  let result = '';
  const length = value.length;
  const first = value.charCodeAt(0);
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index);
    if (code === 0) {
      result += '\uFFFD';
    } else if (
      (code >= 0x1 && code <= 0x1f) ||
      code === 0x7f ||
      (index === 0 && code >= 0x30 && code <= 0x39) ||
      (index === 1 && code >= 0x30 && code <= 0x39 && first === 0x2d)
    ) {
      result += '\\' + code.toString(16) + ' ';
    } else if (index === 0 && length === 1 && code === 0x2d) {
      result += '\\' + value.charAt(index);
    } else if (
      code >= 0x80 ||
      code === 0x2d ||
      code === 0x5f ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a)
    ) {
      result += value.charAt(index);
    } else {
      result += '\\' + value.charAt(index);
    }
  }
  return result;
}

/** `[attribute="value"]` with the value escaped, so no field name can change the selector. */
export function attributeSelector(attribute: string, value: string): string {
  return '[' + attribute + '="' + cssEscape(value) + '"]';
}

/** The document an element or document belongs to. */
export function documentOf(node: Node): Document {
  return node.nodeType === 9 ? (node as Document) : (node.ownerDocument as Document);
}

/**
 * Reports an exception the plugin caught (from a user's renderer or callback) without throwing:
 * an exception thrown into jQuery would skip the request's remaining callbacks (FACTS.md).
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
