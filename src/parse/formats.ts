// One small reader per error-body format, in the order they are tried. A new format is one new
// entry in FORMAT_READERS. Pure: reads only the body it is given, through own keys.

import type { ApiErrorFormat } from '../types';
import { ErrorCollector, flatten, locationSegments, nameSegments } from './flatten';
import {
  CODE_LENGTH,
  ID_LENGTH,
  hasOwn,
  httpStatusOf,
  idOf,
  isPlainObject,
  ownValue,
  textOf,
} from './values';
import type { PlainObject } from './values';

/**
 * What a reader found in a body besides the field and form errors, which it adds to the
 * collector it is given; index.ts turns both into an ApiError.
 */
export interface FormatReading {
  message?: string;
  code?: string;
  /** A status the body claims; used only when the response itself has none. */
  status?: number;
  correlationId?: string;
  timestamp?: string;
}

export interface FormatReader {
  format: Exclude<ApiErrorFormat, 'none'>;
  matches(body: unknown): boolean;
  read(body: unknown, collector: ErrorCollector): FormatReading;
}

const stringCode = (value: unknown): string | undefined =>
  typeof value === 'string' ? idOf(value, CODE_LENGTH) : undefined;

/** An array whose items are all plain objects that pass `test`. */
function everyItem(value: unknown, test: (item: PlainObject) => boolean): value is PlainObject[] {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (!isPlainObject(item) || !test(item)) return false;
  }
  return true;
}

/** drf-standardized-errors: a string `type` and `errors[{code, detail, attr}]`. */
const isStandardized = (body: unknown): body is PlainObject =>
  isPlainObject(body) &&
  typeof ownValue(body, 'type') === 'string' &&
  everyItem(
    ownValue(body, 'errors'),
    (item) => hasOwn(item, 'attr') || (hasOwn(item, 'code') && hasOwn(item, 'detail')),
  );

/** Add `{detail|message|reason, pointer|field|name|parameter}` entries (problem details). */
function addProblemEntries(list: unknown, collector: ErrorCollector): void {
  if (isPlainObject(list)) return flatten(list, collector);
  if (!Array.isArray(list)) return;
  for (let index = 0; index < list.length && collector.visit(); index += 1) {
    const entry: unknown = list[index];
    if (!isPlainObject(entry)) {
      collector.add([], entry);
      continue;
    }
    const text = firstText(entry, ['detail', 'message', 'reason']);
    const location = firstText(entry, ['pointer', 'field', 'name', 'parameter']);
    collector.add(location === undefined ? [] : locationSegments(location), text);
  }
}

function firstText(source: PlainObject, keys: string[]): string | undefined {
  for (const key of keys) {
    const text = textOf(ownValue(source, key));
    if (text !== undefined) return text;
  }
  return undefined;
}

const envelope: FormatReader = {
  format: 'envelope',
  // An `error` holding only lists and objects is a nested serializer named `error`, not this.
  matches: (body) => {
    const error = ownValue(body, 'error');
    return isPlainObject(body) && (isPlainObject(error) ? !isFieldMap(error) : typeof error === 'string');
  },
  read: (body, collector) => {
    const error = ownValue(body, 'error');
    if (!isPlainObject(error)) {
      // OAuth-style `{"error": "invalid_grant", "error_description": "…"}`
      const message = firstText(body as PlainObject, ['error_description', 'message', 'error']);
      return { message };
    }
    flatten(ownValue(error, 'errors'), collector);
    flatten(ownValue(error, 'non_field_errors'), collector, ['non_field_errors']);
    const timestamp = textOf(ownValue(error, 'timestamp'), ID_LENGTH);
    return {
      message: textOf(ownValue(error, 'message')),
      code: idOf(ownValue(error, 'code'), CODE_LENGTH),
      status: httpStatusOf(ownValue(error, 'status')),
      correlationId: idOf(ownValue(error, 'correlation_id'), ID_LENGTH),
      timestamp,
    };
  },
};

const problem: FormatReader = {
  format: 'problem',
  matches: (body) => {
    if (!isPlainObject(body)) return false;
    if (typeof ownValue(body, 'title') === 'string') return true;
    const typed = typeof ownValue(body, 'type') === 'string';
    // drf-standardized-errors bodies also carry a string `type`; without a title they are theirs.
    return typed && (hasOwn(body, 'status') || hasOwn(body, 'detail')) && !isStandardized(body);
  },
  read: (body, collector) => {
    addProblemEntries(ownValue(body, 'errors'), collector);
    addProblemEntries(ownValue(body, 'invalid-params'), collector);
    addProblemEntries(ownValue(body, 'invalid_params'), collector);
    return {
      message: textOf(ownValue(body, 'detail')) || textOf(ownValue(body, 'title')),
      code: stringCode(ownValue(body, 'code')),
      status: httpStatusOf(ownValue(body, 'status')),
    };
  },
};

const jsonapi: FormatReader = {
  format: 'jsonapi',
  matches: (body) =>
    isPlainObject(body) &&
    everyItem(ownValue(body, 'errors'), (item) => !hasOwn(item, 'attr')) &&
    !isStandardized(body),
  read: (body, collector) => {
    const items = ownValue(body, 'errors') as PlainObject[];
    for (let index = 0; index < items.length && collector.visit(); index += 1) {
      const item = items[index] as PlainObject;
      const source = ownValue(item, 'source');
      const pointer = textOf(ownValue(source, 'pointer'));
      const parameter = textOf(ownValue(source, 'parameter'));
      const segments =
        pointer !== undefined
          ? locationSegments(pointer)
          : parameter !== undefined
            ? nameSegments(parameter)
            : [];
      collector.add(segments, firstText(item, ['detail', 'title']));
    }
    return { code: stringCode(ownValue(items[0], 'code')) };
  },
};

const standardized: FormatReader = {
  format: 'standardized',
  matches: isStandardized,
  read: (body, collector) => {
    const items = ownValue(body, 'errors') as PlainObject[];
    for (let index = 0; index < items.length && collector.visit(); index += 1) {
      const item = items[index] as PlainObject;
      const attr = ownValue(item, 'attr');
      const name = typeof attr === 'number' ? String(attr) : textOf(attr);
      collector.add(name === undefined ? [] : nameSegments(name), ownValue(item, 'detail'));
    }
    // A validation error's items carry per-field codes; the error as a whole is VALIDATION_ERROR.
    const isValidation = ownValue(body, 'type') === 'validation_error';
    const code = isValidation ? undefined : stringCode(ownValue(items[0], 'code'));
    return { code };
  },
};

/** Django's `form.errors.get_json_data()` / `as_json()`: every field a list of `{message, code}`. */
const isDjangoErrors = (value: unknown): value is PlainObject =>
  isPlainObject(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((key) =>
    everyItem(value[key], (item) => typeof ownValue(item, 'message') === 'string' && hasOwn(item, 'code')));

/**
 * Django's form errors, bare or under `errors`: the messages in order, `__all__` the form's. The
 * codes stay in `raw` (a page reads them there); the error as a whole is VALIDATION_ERROR.
 */
const django: FormatReader = {
  format: 'django',
  matches: (body) => isDjangoErrors(body) || isDjangoErrors(ownValue(body, 'errors')),
  read: (body, collector) => {
    const errors = (isDjangoErrors(body) ? body : ownValue(body, 'errors')) as PlainObject;
    for (const key of Object.keys(errors)) {
      const items = errors[key] as PlainObject[];
      for (let index = 0; index < items.length && collector.visit(); index += 1) {
        collector.add([key], ownValue(items[index], 'message'));
      }
    }
    return { message: textOf(ownValue(body, 'message')) };
  },
};

const laravel: FormatReader = {
  format: 'laravel',
  matches: (body) => {
    if (!isPlainObject(body)) return false;
    if (typeof ownValue(body, 'message') === 'string') return true;
    return (
      isPlainObject(ownValue(body, 'errors')) &&
      Object.keys(body).every((key) => key === 'errors' || key === 'message')
    );
  },
  read: (body, collector) => {
    const errors = ownValue(body, 'errors');
    if (isPlainObject(errors) || Array.isArray(errors)) flatten(errors, collector);
    return { message: textOf(ownValue(body, 'message')) };
  },
};

/** DRF's own `detail` is a string (with a `code` beside it at times); a list or an object
 * under that key is a serializer field named `detail`, read with the other fields. */
const drf: FormatReader = {
  format: 'drf',
  matches: (body) => {
    if (Array.isArray(body)) return body.length > 0;
    if (!isPlainObject(body)) return false;
    return typeof ownValue(body, 'detail') === 'string' || isFieldMap(body);
  },
  read: (body, collector) => {
    const detail = ownValue(body, 'detail');
    if (typeof detail === 'string') {
      const code = stringCode(ownValue(body, 'code'));
      return { message: textOf(detail), code };
    }
    flatten(body, collector);
    return {};
  },
};

/** A plain object whose non-null values are all arrays or plain objects, and at least one. */
function isFieldMap(body: PlainObject): boolean {
  let fields = 0;
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (value === null) continue;
    if (!Array.isArray(value) && !isPlainObject(value)) return false;
    fields += 1;
  }
  return fields > 0;
}

/** The readers in the order they are tried: the first that matches reads the body. */
export const FORMAT_READERS: readonly FormatReader[] = [
  envelope,
  problem,
  jsonapi,
  standardized,
  django,
  laravel,
  drf,
];
