// Every built-in string a person reads, in English; the `text` option replaces any of them.

export const DEFAULT_TEXT = {
  /** Read by screen readers before each field's messages; visually hidden. */
  errorPrefix: 'Error:',
  /** The heading of the error summary. */
  summaryTitle: 'There is a problem',
  /** Leads a message for one item of a list field drawn on the list's input; `{n}` counts from 1. */
  item: 'Item {n}:',
};

export type ApiErrorsText = typeof DEFAULT_TEXT;
