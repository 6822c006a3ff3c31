// What the plugin clears by itself, before a failure is drawn and after a success: everything in
// the form the request names, and whatever an earlier request with the same method and URL drew.
// Nothing else: a background request must not wipe the errors of a form a person is fixing.

import type { ApiErrorContext } from '../types';
import { documentOf, drawnFor, eachMatch } from './dom';
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
  const keys: Set<string | null> = (drawnState.keys = new Set());
  // A query by class, one per class: in Chromium far cheaper than a live list, which walks the
  // whole page again after every change to it (and a failure always changes it).
  for (const name of [MESSAGE_CLASS, SUMMARY_CLASS]) {
    eachMatch(documentOf(scope), '.' + name, (drawn) => {
      const key = drawn.getAttribute(REQUEST);
      keys.add(key);
      if (key === drawing.key || (drawing.form && drawnIn(drawing.form, drawn))) drawing.stale.push(drawn);
    });
  }
  if (!drawing.failed) sweepStale(context);
}

/** Takes away what clearDrawnFor set aside and the redraw did not keep. */
export function sweepStale(context: ApiErrorContext): void {
  const drawing = drawnFor.get(context);
  if (!drawing) return;
  for (const drawn of drawing.stale) removeDrawn(drawn);
  drawing.stale = [];
}
