// Nested errors to dotted paths: DRF structures (dicts, lists, dicts keyed by index), JSON
// pointers and names, all collected under LIMITS. Pure: touches nothing but its arguments.

import { LIMITS, hasOwn, isPlainObject, scalarText } from './values';

/** Keys that name "no field": their messages belong to the form (or to the parent path). */
const FORM_KEYS = ['non_field_errors', '__all__'];

/** Set as an own data property, so `constructor` or `prototype` keys are plain fields. */
function defineKey<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * Collects field and form errors for one response, enforcing every bound in LIMITS: paths,
 * messages per path, form errors, and the number of nodes visited (shared by all readers).
 */
export class ErrorCollector {
  readonly errors: Record<string, string[]> = {};
  readonly formErrors: string[] = [];
  private fieldCount = 0;
  private nodesLeft: number = LIMITS.nodes;

  /** Count one visited node; false once the budget is spent. */
  visit(): boolean {
    if (this.nodesLeft <= 0) return false;
    this.nodesLeft -= 1;
    return true;
  }

  get exhausted(): boolean {
    return this.nodesLeft <= 0;
  }

  /** Add one message at a path given as segments; the empty path means the form. */
  add(segments: readonly string[], message: unknown): void {
    const text = scalarText(message);
    if (text === undefined) return;
    const path = pathOf(segments);
    if (path === null) return;
    if (path === '') {
      if (this.formErrors.length < LIMITS.formErrors) this.formErrors.push(text);
      return;
    }
    if (hasOwn(this.errors, path)) {
      const messages = this.errors[path] as string[];
      if (messages.length < LIMITS.messagesPerField) messages.push(text);
    } else if (this.fieldCount < LIMITS.fields) {
      this.fieldCount += 1;
      defineKey(this.errors, path, [text]);
    }
  }
}

/**
 * Join segments into a dotted path: empty segments go, a trailing `non_field_errors`/`__all__`
 * gives the parent path (`address.non_field_errors` is `address`), and a path through
 * `__proto__` is refused (null) so no consumer can be tricked into touching a prototype.
 */
function pathOf(segments: readonly string[]): string | null {
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '__proto__') return null;
    if (segment !== '') kept.push(segment);
  }
  const last = kept[kept.length - 1];
  if (last !== undefined && FORM_KEYS.indexOf(last) !== -1) kept.pop();
  return kept.join('.').slice(0, LIMITS.pathLength);
}

/**
 * Flatten a DRF error structure into the collector. Depth is bounded by LIMITS.depth, so the
 * recursion stays shallow whatever the body; the node budget bounds the total work. Each level
 * gets its own copy of the path, at most LIMITS.depth segments long.
 */
export function flatten(
  value: unknown,
  collector: ErrorCollector,
  path: readonly string[] = [],
  depth = 0,
): void {
  if (depth > LIMITS.depth || !collector.visit()) return;
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length && !collector.exhausted; index += 1) {
      const item: unknown = value[index];
      if (typeof item === 'object' && item !== null) {
        flatten(item, collector, path.concat(String(index)), depth + 1);
      } else if (collector.visit()) {
        collector.add(path, item);
      }
    }
  } else if (isPlainObject(value)) {
    const keys = Object.keys(value);
    for (let index = 0; index < keys.length && !collector.exhausted; index += 1) {
      const key = keys[index] as string;
      if (key !== '__proto__') flatten(value[key], collector, path.concat(key), depth + 1);
    }
  } else {
    collector.add(path, value);
  }
}

/**
 * A location to path segments. A JSON pointer (`/a/b`, or the URI form `#/a/b`) has `~1` and
 * `~0` decoded and the JSON:API document prefix (`/data/attributes/`, `/data/relationships/`,
 * `/data`) dropped, so `/data/attributes/address/city` is `address.city`. Anything else is a
 * dotted name (`items.1.qty`).
 */
export function locationSegments(location: string): string[] {
  let text = location.trim();
  if (text.charAt(0) === '#') {
    text = text.slice(1);
    try {
      text = decodeURIComponent(text);
    } catch {
      // a malformed escape: keep the text as it came
    }
  }
  if (text.charAt(0) !== '/') return nameSegments(text);
  const segments = text
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments[0] === 'data') {
    const second = segments[1];
    if (segments.length === 1) return [];
    if (second === 'attributes' || second === 'relationships') return segments.slice(2);
  }
  return segments;
}

/** A dotted field name (`items.1.qty`, drf-standardized-errors' `attr`) to segments. */
export function nameSegments(name: string): string[] {
  return name.trim().split('.');
}
