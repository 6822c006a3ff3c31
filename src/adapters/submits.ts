// Which form is being submitted right now. A request sent while a form's `submit` event, or the
// `click` of its submit button, is being dispatched belongs to that form: the person is waiting.

/** The newest `submit` or `click` the document saw. */
let newest: Event | undefined;

/** Only remembers the event. One function, so adding it again to a document adds nothing. */
const remember = (event: Event): void => {
  newest = event;
};

/**
 * Capture listeners, so a page's `stopPropagation` cannot hide the event. Never removed: another
 * copy of the plugin's prefilter may read them after this one is uninstalled.
 */
export function watchSubmits(doc: Document): void {
  doc.addEventListener('submit', remember, true);
  doc.addEventListener('click', remember, true);
}

/**
 * The form whose submission is being dispatched, or null. `window.event` is missing in some
 * browsers; an event's `eventPhase` is back to NONE (0) once its dispatch is over, so a request
 * sent later (from a timer, another task) is no submission.
 */
export function submittingForm(): Element | null {
  const target = newest && newest.eventPhase && (newest.target as Element);
  if (!target || !target.closest) return null;
  if (newest!.type === 'submit') return target;
  const button = target.closest('button:not([type]),[type=submit],[type=image]') as HTMLButtonElement | null;
  return button && button.form;
}
