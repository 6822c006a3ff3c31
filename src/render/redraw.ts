// What the plugin clears by itself, before a failure is drawn and after a success: everything in
// the form the request names, and whatever an earlier request with the same method and URL drew.
// Nothing else: a background request must not wipe the errors of a form a person is fixing.

import type { ApiErrorContext } from '../types';
import { documentOf, drawnFor } from './dom';
import { SUMMARY_CLASS, clearFieldErrors, drawnIn, drawnState, removeDrawn } from './marks';

const drawnLists: WeakMap<Document, HTMLCollection[]> = new WeakMap();

/**
 * Live lists of the field messages and the summaries on the page. Every successful request on
 * the page comes through here: reading a live list costs nothing where a query walks the page.
 */
function drawnOn(doc: Document): HTMLCollection[] {
  let lists = drawnLists.get(doc);
  if (!lists) {
    lists = [doc.getElementsByClassName('api-errors-message'), doc.getElementsByClassName(SUMMARY_CLASS)];
    drawnLists.set(doc, lists);
  }
  return lists;
}

/**
 * The built-in `clearFields`. For a failure, what it finds is only set aside: the redraw keeps
 * what is still right (an identical repeat), and sweepStale takes away the rest.
 */
export function clearDrawnFor(context: ApiErrorContext): void {
  const scope = context.scope;
  const drawing = drawnFor.get(context);
  if (!drawing) {
    // A context the installation did not make: clear its scope, as a named form.
    if (scope.nodeType === 1) clearFieldErrors(scope);
    return;
  }
  let found = 0;
  for (const list of drawnOn(documentOf(scope))) {
    found += list.length;
    for (let index = 0; index < list.length; index++) {
      const drawn = list[index] as Element;
      if (drawn.getAttribute('data-api-errors-request') === drawing.key || (drawing.form && drawnIn(drawing.form, drawn))) {
        drawing.stale.push(drawn);
      }
    }
  }
  if (!found) drawnState.any = false;
  if (!drawing.failed) sweepStale(context);
}

/** Takes away what clearDrawnFor set aside and the redraw did not keep. */
export function sweepStale(context: ApiErrorContext): void {
  const drawing = drawnFor.get(context);
  if (!drawing) return;
  for (const drawn of drawing.stale) removeDrawn(drawn);
  drawing.stale = [];
}
