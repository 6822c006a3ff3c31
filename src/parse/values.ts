// Narrowing helpers for untrusted values (response bodies, jqXHR-like objects) and the bounds
// that keep the parser's work small. Pure: touches nothing but its arguments.

/** Bounds on what one response can make the parser produce or visit. */
export const LIMITS = Object.freeze({
  fields: 100,
  messagesPerField: 10,
  formErrors: 10,
  messageLength: 1000,
  pathLength: 200,
  depth: 32,
  nodes: 5000,
});

/** Longest server code kept; longer ones are cut. */
export const CODE_LENGTH = 100;
/** Longest correlation id or timestamp kept; longer ones are cut. */
export const ID_LENGTH = 200;

export type PlainObject = Record<string, unknown>;

const hasOwnProperty = Object.prototype.hasOwnProperty;
const objectToString = Object.prototype.toString;

/** An own key only: a body never speaks through inherited keys such as `constructor`. */
export function hasOwn(target: object, key: string): boolean {
  return hasOwnProperty.call(target, key);
}

/**
 * A JSON-like object (not an array, Date, Map...). Checked by tag rather than prototype because
 * jQuery in an iframe or jsdom parses bodies with another realm's Object.prototype.
 */
export function isPlainObject(value: unknown): value is PlainObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    objectToString.call(value) === '[object Object]'
  );
}

/** The value of an own key of an object, else undefined. */
export function ownValue(target: unknown, key: string): unknown {
  if (typeof target !== 'object' || target === null || !hasOwn(target, key)) return undefined;
  return (target as PlainObject)[key];
}

/** A string with more than whitespace in it. */
export const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Cut a string to at most `max` characters, ending in "…" when cut, never splitting a pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // do not leave half a surrogate pair
  return text.slice(0, end) + '…';
}

/** A string, trimmed and capped; undefined when not a string or empty. */
export function textOf(value: unknown, max: number = LIMITS.messageLength): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : capText(trimmed, max);
}

/** Like textOf, but numbers and booleans become text too (DRF messages may be any scalar). */
export function scalarText(value: unknown): string | undefined {
  // textOf gives undefined for any number, so NaN and Infinity are no message.
  return typeof value === 'boolean' || (typeof value === 'number' && isFinite(value)) ? String(value) : textOf(value);
}

/** An identifier (code, correlation id): a string or finite number, trimmed, cut without "…". */
export function idOf(value: unknown, max: number): string | undefined {
  const text =
    typeof value === 'number' && isFinite(value)
      ? String(value)
      : typeof value === 'string'
        ? value.trim()
        : '';
  return text === '' ? undefined : text.slice(0, max);
}

/** An integer HTTP status in 100..599, else undefined. */
export function httpStatusOf(value: unknown): number | undefined {
  return typeof value === 'number' && value % 1 === 0 && value >= 100 && value <= 599
    ? value
    : undefined;
}
