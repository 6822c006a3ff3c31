// Which form is being submitted right now. A request sent while a form's `submit` event, or the
// `click` of its submit button, is being dispatched belongs to that form: the person is waiting.

/** The newest `submit` or `click` the document saw. */
let newest: Event | undefined;

const watched: WeakSet<Document> = new WeakSet();

/**
 * Capture listeners that only remember the event, so a page's `stopPropagation` cannot hide it.
 * Never removed: another copy of the plugin's prefilter may read them after this one is gone.
 */
export function watchSubmits(doc: Document): void {
  if (watched.has(doc)) return;
  watched.add(doc);
  const remember = (event: Event): void => {
    newest = event;
  };
  doc.addEventListener('submit', remember, true);
  doc.addEventListener('click', remember, true);
}

/**
 * The form whose submission is being dispatched, or null. `window.event` is missing in some
 * browsers; an event's `eventPhase` is back to NONE (0) once its dispatch is over, so a request
 * sent later (a timer, another task) is no submission.
 */
export function submittingForm(): Element | null {
  const target = newest && newest.eventPhase ? (newest.target as Element) : null;
  if (!target || !target.closest) return null;
  if (newest!.type === 'submit') return target;
  const control = target.closest('button,input') as HTMLButtonElement | null;
  return control && /^(submit|image)$/.test(control.type) ? control.form : null;
}
