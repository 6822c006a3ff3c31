// The signup serializer of the demo API, written to fail the way Django REST Framework 3.14
// fails: same messages, same nested error structure. Pure: a parsed JSON body in, errors out.

const REQUIRED = 'This field is required.';
const BLANK = 'This field may not be blank.';
const NOT_INTEGER = 'A valid integer is required.';

/** Validates a signup body; returns null when it is valid, else DRF's error structure. */
export function validateSignup(body) {
  if (!isPlainObject(body)) {
    return { non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(body)}.`] };
  }
  const errors = {};
  collect(errors, 'email', checkEmail(body.email, 'email' in body));
  collect(errors, 'password', checkPassword(body.password, 'password' in body));
  collect(errors, 'address', checkAddress(body.address, 'address' in body));
  collect(errors, 'items', checkItems(body.items, 'items' in body));
  if ('tags' in body) collect(errors, 'tags', checkTags(body.tags));
  if (Object.keys(errors).length > 0) return errors;
  // DRF runs the serializer's validate() only once every field is valid.
  if (String(body.email).toLowerCase().endsWith('@taken.example')) {
    return { non_field_errors: ['This email is already registered.'] };
  }
  return null;
}

function collect(errors, name, fieldErrors) {
  if (fieldErrors) errors[name] = fieldErrors;
}

function checkChar(value, present) {
  if (!present || value === undefined) return [REQUIRED];
  if (value === null) return ['This field may not be null.'];
  if (typeof value === 'object') return ['Not a valid string.'];
  if (String(value).trim() === '') return [BLANK];
  return null;
}

function checkEmail(value, present) {
  return checkChar(value, present) || (String(value).includes('@') ? null : ['Enter a valid email address.']);
}

function checkPassword(value, present) {
  const error = checkChar(value, present);
  if (error) return error;
  return String(value).length >= 8 ? null : ['Ensure this field has at least 8 characters.'];
}

function checkAddress(value, present) {
  if (!present || value === undefined) return [REQUIRED];
  if (!isPlainObject(value)) {
    return { non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(value)}.`] };
  }
  const errors = {};
  collect(errors, 'street', checkChar(value.street, 'street' in value));
  collect(errors, 'city', checkChar(value.city, 'city' in value));
  return Object.keys(errors).length > 0 ? errors : null;
}

function checkItems(value, present) {
  if (!present || value === undefined) return [REQUIRED];
  if (!Array.isArray(value)) {
    return { non_field_errors: [`Expected a list of items but got type "${typeName(value)}".`] };
  }
  if (value.length === 0) return { non_field_errors: ['This list may not be empty.'] };
  // ListSerializer answers with one entry per item, `{}` for the valid ones.
  const errors = value.map((item) => checkItem(item) || {});
  return errors.some((entry) => Object.keys(entry).length > 0) ? errors : null;
}

function checkItem(item) {
  if (!isPlainObject(item)) {
    return { non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(item)}.`] };
  }
  const errors = {};
  collect(errors, 'sku', checkChar(item.sku, 'sku' in item));
  collect(errors, 'qty', checkQuantity(item.qty, 'qty' in item));
  return Object.keys(errors).length > 0 ? errors : null;
}

function checkQuantity(value, present) {
  if (!present || value === undefined) return [REQUIRED];
  const number = toInteger(value);
  if (number === null) return [NOT_INTEGER];
  return number >= 1 ? null : ['Ensure this value is greater than or equal to 1.'];
}

function checkTags(value) {
  if (!Array.isArray(value)) return [`Expected a list of items but got type "${typeName(value)}".`];
  // ListField reports its children by index, as a dict (DRF 3.14).
  const errors = {};
  value.forEach((tag, index) => {
    if (toInteger(tag) === null) errors[String(index)] = [NOT_INTEGER];
  });
  return Object.keys(errors).length > 0 ? errors : null;
}

/** IntegerField: accepts integers and integer strings ("3", " 3 ", "3.0"); null otherwise. */
function toInteger(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string' || !/^\s*-?\d+(\.0*)?\s*$/.test(value)) return null;
  return parseInt(value, 10);
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The Python type name DRF puts in its messages. */
function typeName(value) {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}
