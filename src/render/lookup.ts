// Finds a field's elements in a scope: by data-api-field, by name, by Django's id. Reads the page only.

import { attributeSelector, eachMatch } from './dom';

/** On an element the renderers drew: the field path it holds messages for ('' for a summary). */
export const DRAWN = 'data-api-errors-drawn';

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

/** The form a field belongs to: a control's form owner (`form="id"` too), else the form around it. */
export function formOf(element: Element): Element | null {
  return (element as HTMLInputElement).form || element.closest('form');
}

/**
 * The fields of a scope that are not its descendants: the scope itself (an inline-edit input
 * given as the form or context) and, for a form, its controls outside it (`form="id"`).
 */
export function ownFields(scope: Element | Document): Element[] {
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
  if (!scope.isConnected) return [];
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
