// What the plugin clears by itself, before a failure is drawn and after a success: everything in
// the form the request names or submitted, else whatever an earlier request with the same method
// and URL drew.
// Nothing else: a background request must not wipe the errors of a form a person is fixing.

import type { ApiErrorContext } from '../types';
import { drawnFor, eachMatch, rootOf } from './dom';
import { MESSAGE_CLASS, REQUEST, SUMMARY_CLASS, clearFieldErrors, drawnIn, drawnState, removeDrawn } from './marks';

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
  const root = rootOf(form || scope);
  const keys: Set<string | null> = new Set();
  // A query by class, one per class: in Chromium far cheaper than a live list, which walks the
  // whole page again after every change to it (and a failure always changes it).
  for (const name of [MESSAGE_CLASS, SUMMARY_CLASS]) {
    eachMatch(root, '.' + name, (drawn) => {
      const key = drawn.getAttribute(REQUEST);
      keys.add(key);
      if ((!form || drawnIn(form, drawn)) && (drawing.named || key === drawing.key)) drawing.stale.push(drawn);
    });
  }
  // Which requests drew what is on the page, for the next success: known from a look at the
  // whole document only, and never once something was drawn in a shadow root it does not see.
  if (root.nodeType === 9 && !drawnState.shadow) drawnState.keys = keys;
  if (!drawing.failed) sweepStale(context);
}

/** Takes away what clearDrawnFor set aside and the redraw did not keep. */
export function sweepStale(context: ApiErrorContext): void {
  const drawing = drawnFor.get(context);
  if (!drawing) return;
  for (const drawn of drawing.stale) removeDrawn(drawn);
  drawing.stale = [];
}
