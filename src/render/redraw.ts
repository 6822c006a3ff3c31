// What the plugin clears by itself, before a failure is drawn and after a success: everything in
// the form the request names or submitted, else whatever an earlier request with the same method
// and URL drew.
// Nothing else: a background request must not wipe the errors of a form a person is fixing.

import type { ApiErrorContext } from '../types';
import { drawnFor, rootOf } from './dom';
import { MESSAGE_CLASS, REQUEST, SUMMARY_CLASS, clearFieldErrors, drawnIn, drawnState, removeDrawn } from './marks';

type Drawn = ArrayLike<Element>;
const drawnLists: WeakMap<Document, Drawn[]> = new WeakMap();

/**
 * The field messages and the summaries in a document or shadow root. Every successful request
 * on the page comes through here: reading a document's live lists costs nothing where a query
 * walks the page (a shadow root has no live lists).
 */
function drawnOn(root: Document | ShadowRoot): Drawn[] {
  if (root.nodeType === 11) return [root.querySelectorAll('.' + MESSAGE_CLASS + ',.' + SUMMARY_CLASS)];
  let lists = drawnLists.get(root as Document);
  if (!lists) {
    lists = [(root as Document).getElementsByClassName(MESSAGE_CLASS), (root as Document).getElementsByClassName(SUMMARY_CLASS)];
    drawnLists.set(root as Document, lists);
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
  // A request naming a form clears that form; one sent in a form's submission, what the same
  // request drew there (not what another form drew with that URL, nor what a tracker sent in the
  // same click may clear); any other, what the same request drew.
  const form = drawing.form;
  let found = 0;
  for (const list of drawnOn(rootOf(form || scope))) {
    found += list.length;
    for (let index = 0; index < list.length; index++) {
      const drawn = list[index] as Element;
      if ((!form || drawnIn(form, drawn)) && (drawing.named || drawn.getAttribute(REQUEST) === drawing.key)) drawing.stale.push(drawn);
    }
  }
  if (!found && !drawnState.shadow) drawnState.any = false;
  if (!drawing.failed) sweepStale(context);
}

/** Takes away what clearDrawnFor set aside and the redraw did not keep. */
export function sweepStale(context: ApiErrorContext): void {
  const drawing = drawnFor.get(context);
  if (!drawing) return;
  for (const drawn of drawing.stale) removeDrawn(drawn);
  drawing.stale = [];
}
