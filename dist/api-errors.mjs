/*! jquery-api-errors 0.1.0 | MIT License */

// src/render/dom.ts
function createTextElement(doc, tag, className, text) {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== void 0) element.textContent = text;
  return element;
}
function cssEscape(value) {
  return value.replace(/[^\w-]/gu, (char) => "\\" + char.codePointAt(0).toString(16) + " ");
}
function attributeSelector(attribute, value) {
  return "[" + attribute + '="' + cssEscape(value) + '"]';
}
function removeNode(node) {
  if (node.parentNode) node.parentNode.removeChild(node);
}
function eachMatch(root, selector, visit) {
  const matches = root.querySelectorAll(selector);
  for (let index = 0; index < matches.length; index++) visit(matches[index]);
}
function documentOf(node) {
  return node.nodeType === 9 ? node : node.ownerDocument;
}
function reportError(where, exception) {
  try {
    if (typeof console !== "undefined" && console.error) {
      console.error("[jquery-api-errors] " + where + " threw:", exception);
    }
  } catch (_ignored) {
  }
}
var nextId = 0;
function uniqueId(prefix) {
  nextId += 1;
  return prefix + nextId;
}
function resolveScope(target, doc) {
  if (!target) return null;
  if (typeof target === "string") {
    if (!doc) return null;
    try {
      return doc.querySelector(target);
    } catch (_invalidSelector) {
      return null;
    }
  }
  if (typeof target !== "object") return null;
  const node = target;
  if (node.nodeType === 1 || node.nodeType === 9) return target;
  if (node.jquery && node[0]) return resolveScope(node[0], doc);
  return null;
}

// src/adapters/backbone.ts
var BackboneRequest = class {
  constructor(model, options) {
    this.model = model;
    this.options = options;
  }
};
var REQUEST_KEY = "apiErrorsBackboneRequest";
function requestApiErrors(Backbone, options) {
  const jQuery = Backbone && Backbone.$;
  const defaults = jQuery && jQuery.ajaxSettings ? jQuery.ajaxSettings.apiErrors : void 0;
  if (defaults === void 0 || typeof jQuery.extend !== "function") return options.apiErrors;
  return jQuery.extend(true, {}, { apiErrors: defaults }, { apiErrors: options.apiErrors }).apiErrors;
}
function prepare(Backbone, model, options, listener) {
  if (options.apiErrors === false) return;
  const request = new BackboneRequest(model, options);
  options[REQUEST_KEY] = request;
  const userError = options.error;
  options.error = function apiErrorsError(jqXHR, textStatus, errorThrown) {
    try {
      const perRequest = requestApiErrors(Backbone, options);
      if (perRequest !== false) {
        options.apiError = listener.errorFor(jqXHR, textStatus, errorThrown, perRequest);
        setTimeout(() => listener.onUntrackedFailure(request, jqXHR, textStatus, errorThrown), 0);
      }
    } catch (exception) {
      reportError("the plugin", exception);
    }
    if (typeof userError === "function") return userError.apply(this, arguments);
    return void 0;
  };
}
function wrapBackboneSync(Backbone, listener) {
  const originalSync = Backbone.sync;
  let active = true;
  const apiErrorsSync = function apiErrorsSync2(method, model, options) {
    const syncOptions = options || {};
    if (active) {
      try {
        prepare(Backbone, model, syncOptions, listener);
      } catch (_exception) {
      }
    }
    return originalSync.call(this, method, model, syncOptions);
  };
  Backbone.sync = apiErrorsSync;
  return () => {
    active = false;
    if (Backbone.sync === apiErrorsSync) Backbone.sync = originalSync;
  };
}

// src/pipeline.ts
function guarded(where, work, failed) {
  try {
    return work();
  } catch (exception) {
    reportError(where, exception);
    return failed;
  }
}
function renderFields(error, context, options) {
  const unrendered = {};
  const renderField = options.renderField;
  for (const path of Object.keys(error.errors)) {
    const messages = error.errors[path];
    const taken = renderField ? guarded("renderField", () => renderField(path, messages.slice(), error, context), false) : false;
    if (taken === false) unrendered[path] = messages;
  }
  return unrendered;
}
function focusFirstInvalid(scope) {
  const first = scope.querySelector('[aria-invalid="true"]');
  if (first && typeof first.focus === "function") first.focus();
}
function announce(error, context, jQuery) {
  const doc = context.scope.nodeType === 9 ? context.scope : context.scope.ownerDocument;
  guarded("an api:error handler", () => jQuery(doc).trigger("api:error", [error, context.jqXHR]));
  const model = context.model;
  if (model && typeof model.trigger === "function") {
    guarded("a Backbone api:error handler", () => model.trigger("api:error", model, error, context.options));
  }
}
function handleFailure(error, context, options, jQuery) {
  const clearFields = options.clearFields;
  if (clearFields) guarded("clearFields", () => clearFields(context));
  context.unrendered = renderFields(error, context, options);
  const toast = options.toast;
  if (toast) guarded("toast", () => toast(error.message, error, context));
  const renderedFields = Object.keys(error.errors).length - Object.keys(context.unrendered).length;
  if (renderedFields > 0) guarded("focus", () => focusFirstInvalid(context.scope));
  announce(error, context, jQuery);
}
function handleSuccess(context, options) {
  const clearFields = options.clearFields;
  if (clearFields) guarded("clearFields", () => clearFields(context));
}

// src/parse/values.ts
var LIMITS = Object.freeze({
  fields: 100,
  messagesPerField: 10,
  formErrors: 10,
  messageLength: 1e3,
  pathLength: 200,
  depth: 32,
  nodes: 5e3
});
var CODE_LENGTH = 100;
var ID_LENGTH = 200;
var hasOwnProperty = Object.prototype.hasOwnProperty;
var objectToString = Object.prototype.toString;
function hasOwn(target, key) {
  return hasOwnProperty.call(target, key);
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && objectToString.call(value) === "[object Object]";
}
function ownValue(target, key) {
  if (typeof target !== "object" || target === null || !hasOwn(target, key)) return void 0;
  return target[key];
}
function capText(text, max) {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end -= 1;
  return text.slice(0, end) + "\u2026";
}
function textOf(value, max = LIMITS.messageLength) {
  if (typeof value !== "string") return void 0;
  const trimmed = value.trim();
  return trimmed === "" ? void 0 : capText(trimmed, max);
}
function scalarText(value) {
  if (typeof value === "number") return isFinite(value) ? String(value) : void 0;
  if (typeof value === "boolean") return String(value);
  return textOf(value);
}
function idOf(value, max) {
  const text = typeof value === "number" && isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : "";
  return text === "" ? void 0 : text.slice(0, max);
}
function httpStatusOf(value) {
  return typeof value === "number" && value % 1 === 0 && value >= 100 && value <= 599 ? value : void 0;
}

// src/parse/flatten.ts
var FORM_KEYS = ["non_field_errors", "__all__"];
function defineKey(target, key, value) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  });
}
var ErrorCollector = class {
  constructor() {
    this.errors = {};
    this.formErrors = [];
    this.fieldCount = 0;
    this.nodesLeft = LIMITS.nodes;
  }
  /** Count one visited node; false once the budget is spent. */
  visit() {
    if (this.nodesLeft <= 0) return false;
    this.nodesLeft -= 1;
    return true;
  }
  get exhausted() {
    return this.nodesLeft <= 0;
  }
  /** Add one message at a path given as segments; the empty path means the form. */
  add(segments, message) {
    const text = scalarText(message);
    if (text === void 0) return;
    const path = pathOf(segments);
    if (path === null) return;
    if (path === "") {
      if (this.formErrors.length < LIMITS.formErrors) this.formErrors.push(text);
      return;
    }
    if (hasOwn(this.errors, path)) {
      const messages = this.errors[path];
      if (messages.length < LIMITS.messagesPerField) messages.push(text);
    } else if (this.fieldCount < LIMITS.fields) {
      this.fieldCount += 1;
      defineKey(this.errors, path, [text]);
    }
  }
};
function pathOf(segments) {
  const kept = [];
  for (const segment of segments) {
    if (segment === "__proto__") return null;
    if (segment !== "") kept.push(segment);
  }
  const last = kept[kept.length - 1];
  if (last !== void 0 && FORM_KEYS.indexOf(last) !== -1) kept.pop();
  return kept.join(".").slice(0, LIMITS.pathLength);
}
function flatten(value, collector, path = [], depth = 0) {
  if (depth > LIMITS.depth || !collector.visit()) return;
  if (value === null || value === void 0) return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length && !collector.exhausted; index += 1) {
      const item = value[index];
      if (typeof item === "object" && item !== null) {
        flatten(item, collector, path.concat(String(index)), depth + 1);
      } else if (collector.visit()) {
        collector.add(path, item);
      }
    }
  } else if (isPlainObject(value)) {
    const keys = Object.keys(value);
    for (let index = 0; index < keys.length && !collector.exhausted; index += 1) {
      const key = keys[index];
      if (key !== "__proto__") flatten(value[key], collector, path.concat(key), depth + 1);
    }
  } else {
    collector.add(path, value);
  }
}
function locationSegments(location) {
  let text = location.trim();
  if (text.charAt(0) === "#") {
    text = text.slice(1);
    try {
      text = decodeURIComponent(text);
    } catch (e) {
    }
  }
  if (text.charAt(0) !== "/") return nameSegments(text);
  const segments = text.slice(1).split("/").map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (segments[0] === "data") {
    const second = segments[1];
    if (segments.length === 1) return [];
    if (second === "attributes" || second === "relationships") return segments.slice(2);
  }
  return segments;
}
function nameSegments(name) {
  return name.trim().split(".");
}

// src/parse/formats.ts
var stringCode = (value) => typeof value === "string" ? idOf(value, CODE_LENGTH) : void 0;
function everyItem(value, test) {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index += 1) {
    const item = value[index];
    if (!isPlainObject(item) || !test(item)) return false;
  }
  return true;
}
var isStandardized = (body) => isPlainObject(body) && typeof ownValue(body, "type") === "string" && everyItem(
  ownValue(body, "errors"),
  (item) => hasOwn(item, "attr") || hasOwn(item, "code") && hasOwn(item, "detail")
);
function addProblemEntries(list, collector) {
  if (isPlainObject(list)) return flatten(list, collector);
  if (!Array.isArray(list)) return;
  for (let index = 0; index < list.length && collector.visit(); index += 1) {
    const entry = list[index];
    if (!isPlainObject(entry)) {
      collector.add([], entry);
      continue;
    }
    const text = firstText(entry, ["detail", "message", "reason"]);
    const location = firstText(entry, ["pointer", "field", "name", "parameter"]);
    collector.add(location === void 0 ? [] : locationSegments(location), text);
  }
}
function firstText(source, keys) {
  for (const key of keys) {
    const text = textOf(ownValue(source, key));
    if (text !== void 0) return text;
  }
  return void 0;
}
var envelope = {
  format: "envelope",
  matches: (body) => {
    const error = ownValue(body, "error");
    return isPlainObject(body) && (isPlainObject(error) || typeof error === "string");
  },
  read: (body, collector) => {
    const error = ownValue(body, "error");
    if (!isPlainObject(error)) {
      const message = firstText(body, ["error_description", "message", "error"]);
      return { message };
    }
    flatten(ownValue(error, "errors"), collector);
    flatten(ownValue(error, "non_field_errors"), collector, ["non_field_errors"]);
    const timestamp = textOf(ownValue(error, "timestamp"), ID_LENGTH);
    return {
      message: textOf(ownValue(error, "message")),
      code: idOf(ownValue(error, "code"), CODE_LENGTH),
      status: httpStatusOf(ownValue(error, "status")),
      correlationId: idOf(ownValue(error, "correlation_id"), ID_LENGTH),
      timestamp
    };
  }
};
var problem = {
  format: "problem",
  matches: (body) => {
    if (!isPlainObject(body)) return false;
    if (typeof ownValue(body, "title") === "string") return true;
    const typed = typeof ownValue(body, "type") === "string";
    return typed && (hasOwn(body, "status") || hasOwn(body, "detail")) && !isStandardized(body);
  },
  read: (body, collector) => {
    addProblemEntries(ownValue(body, "errors"), collector);
    addProblemEntries(ownValue(body, "invalid-params"), collector);
    addProblemEntries(ownValue(body, "invalid_params"), collector);
    return {
      message: textOf(ownValue(body, "detail")) || textOf(ownValue(body, "title")),
      code: stringCode(ownValue(body, "code")),
      status: httpStatusOf(ownValue(body, "status"))
    };
  }
};
var jsonapi = {
  format: "jsonapi",
  matches: (body) => isPlainObject(body) && everyItem(ownValue(body, "errors"), (item) => !hasOwn(item, "attr")) && !isStandardized(body),
  read: (body, collector) => {
    const items = ownValue(body, "errors");
    for (let index = 0; index < items.length && collector.visit(); index += 1) {
      const item = items[index];
      const source = ownValue(item, "source");
      const pointer = textOf(ownValue(source, "pointer"));
      const parameter = textOf(ownValue(source, "parameter"));
      const segments = pointer !== void 0 ? locationSegments(pointer) : parameter !== void 0 ? nameSegments(parameter) : [];
      collector.add(segments, firstText(item, ["detail", "title"]));
    }
    return { code: stringCode(ownValue(items[0], "code")) };
  }
};
var standardized = {
  format: "standardized",
  matches: isStandardized,
  read: (body, collector) => {
    const items = ownValue(body, "errors");
    for (let index = 0; index < items.length && collector.visit(); index += 1) {
      const item = items[index];
      const attr = ownValue(item, "attr");
      const name = typeof attr === "number" ? String(attr) : textOf(attr);
      collector.add(name === void 0 ? [] : nameSegments(name), ownValue(item, "detail"));
    }
    const isValidation = ownValue(body, "type") === "validation_error";
    const code = isValidation ? void 0 : stringCode(ownValue(items[0], "code"));
    return { code };
  }
};
var laravel = {
  format: "laravel",
  matches: (body) => {
    if (!isPlainObject(body)) return false;
    if (typeof ownValue(body, "message") === "string") return true;
    return isPlainObject(ownValue(body, "errors")) && Object.keys(body).every((key) => key === "errors" || key === "message");
  },
  read: (body, collector) => {
    const errors = ownValue(body, "errors");
    if (isPlainObject(errors) || Array.isArray(errors)) flatten(errors, collector);
    return { message: textOf(ownValue(body, "message")) };
  }
};
var drf = {
  format: "drf",
  matches: (body) => {
    if (Array.isArray(body)) return body.length > 0;
    if (!isPlainObject(body)) return false;
    const detail = ownValue(body, "detail");
    if (typeof detail === "string" || typeof detail === "object" && detail !== null) return true;
    return isFieldMap(body);
  },
  read: (body, collector) => {
    const detail = ownValue(body, "detail");
    if (typeof detail === "string") {
      const code = stringCode(ownValue(body, "code"));
      return { message: textOf(detail), code };
    }
    flatten(typeof detail === "object" && detail !== null ? detail : body, collector);
    return {};
  }
};
function isFieldMap(body) {
  let fields = 0;
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (value === null) continue;
    if (!Array.isArray(value) && !isPlainObject(value)) return false;
    fields += 1;
  }
  return fields > 0;
}
var FORMAT_READERS = [
  envelope,
  problem,
  jsonapi,
  standardized,
  laravel,
  drf
];

// src/parse/index.ts
var DEFAULT_FALLBACK_MESSAGE = "Request failed.";
function parseApiError(xhrLike, textStatus, errorThrown) {
  return parseWithOptions(xhrLike, textStatus, errorThrown, {});
}
function parseWithOptions(xhrLike, textStatus, errorThrown, options) {
  try {
    return buildError(xhrLike, textStatus, options);
  } catch (e) {
    return {
      message: fallbackMessage(options),
      code: "UNKNOWN_ERROR",
      status: httpStatusOf(readProperty(xhrLike, "status")) || 0,
      errors: {},
      formErrors: [],
      correlationId: null,
      timestamp: null,
      format: "none",
      raw: null
    };
  }
}
function buildError(xhrLike, textStatus, options) {
  const { body, parseFailed } = readBody(xhrLike);
  const xhrStatus = readProperty(xhrLike, "status");
  const collector = new ErrorCollector();
  const { format, reading } = readFormat(body, collector);
  const { errors, formErrors } = collector;
  const noStatus = xhrStatus === void 0 || xhrStatus === null || xhrStatus === 0;
  const status = httpStatusOf(xhrStatus) || noStatus && reading.status || 0;
  const hasErrors = formErrors.length > 0 || Object.keys(errors).length > 0;
  const code = reading.code || (hasErrors ? "VALIDATION_ERROR" : textStatus === "timeout" ? "TIMEOUT" : status === 0 ? "NETWORK_ERROR" : textStatus === "parsererror" || parseFailed ? "PARSE_ERROR" : "UNKNOWN_ERROR");
  const message = reading.message || formErrors[0] || optionMessage(options, code) || optionMessage(options, String(status)) || fallbackMessage(options);
  const correlationId = reading.correlationId || responseHeader(xhrLike, "X-Correlation-ID") || responseHeader(xhrLike, "X-Request-ID") || null;
  return {
    message,
    code,
    status,
    errors,
    formErrors,
    correlationId,
    timestamp: reading.timestamp || null,
    format,
    raw: body
  };
}
function readFormat(body, collector) {
  if (body !== null && body !== void 0) {
    for (const reader of FORMAT_READERS) {
      if (reader.matches(body)) return { format: reader.format, reading: reader.read(body, collector) };
    }
  }
  return { format: "none", reading: {} };
}
function readProperty(target, key) {
  if (typeof target !== "object" && typeof target !== "function" || target === null) {
    return void 0;
  }
  try {
    return target[key];
  } catch (e) {
    return void 0;
  }
}
function readBody(xhrLike) {
  const json = readProperty(xhrLike, "responseJSON");
  if (json !== void 0) return { body: json, parseFailed: false };
  const text = readProperty(xhrLike, "responseText");
  if (typeof text !== "string") return { body: null, parseFailed: false };
  const trimmed = text.trim();
  const first = trimmed.charAt(0);
  if (first !== "{" && first !== "[") return { body: null, parseFailed: false };
  try {
    return { body: JSON.parse(trimmed), parseFailed: false };
  } catch (e) {
    return { body: null, parseFailed: true };
  }
}
function responseHeader(xhrLike, name) {
  const getResponseHeader = readProperty(xhrLike, "getResponseHeader");
  if (typeof getResponseHeader !== "function") return void 0;
  try {
    const value = getResponseHeader.call(xhrLike, name);
    return typeof value === "string" ? idOf(value, ID_LENGTH) : void 0;
  } catch (e) {
    return void 0;
  }
}
function optionMessage(options, key) {
  const message = ownValue(readProperty(options, "messages"), key);
  return typeof message === "string" && message.trim() !== "" ? message : void 0;
}
function fallbackMessage(options) {
  const message = readProperty(options, "fallbackMessage");
  return typeof message === "string" && message.trim() !== "" ? message : DEFAULT_FALLBACK_MESSAGE;
}

// src/adapters/request.ts
var HANDLED_FLAG = "__apiErrorsHandled";
function markHandled(jqXHR) {
  if (jqXHR && typeof jqXHR === "object") {
    try {
      jqXHR[HANDLED_FLAG] = true;
    } catch (_frozen) {
    }
  }
}
function hasFlag(jqXHR, flag) {
  return !!jqXHR && typeof jqXHR === "object" && jqXHR[flag] === true;
}
function isMarkedHandled(jqXHR) {
  return hasFlag(jqXHR, HANDLED_FLAG);
}
var errorsByRequest = /* @__PURE__ */ new WeakMap();
function errorFor(jqXHR, textStatus, errorThrown, options) {
  const known = jqXHR && typeof jqXHR === "object" ? errorsByRequest.get(jqXHR) : void 0;
  if (known) return known;
  const error = parseWithOptions(jqXHR, typeof textStatus === "string" ? textStatus : void 0, errorThrown, options);
  if (jqXHR && typeof jqXHR === "object") errorsByRequest.set(jqXHR, error);
  return error;
}
function scopeFor(options, settings, doc) {
  const fromForm = resolveScope(options.form, doc);
  if (fromForm) return fromForm;
  const fromContext = resolveScope(settings && settings.context, doc);
  if (fromContext && fromContext.nodeType === 1) {
    const element = fromContext;
    const form = typeof element.closest === "function" ? element.closest("form") : null;
    return form || element;
  }
  return doc;
}
function makeContext(jqXHR, settings, scope, backbone) {
  const context = { jqXHR, settings, scope, unrendered: {} };
  if (backbone) {
    context.model = backbone.model;
    context.options = backbone.options;
  }
  return context;
}

// src/adapters/jquery.ts
var SLOT_KEY = "__apiErrorsSlot";
var SUCCESS_STATUSES = ["success", "notmodified", "nocontent"];
var TRACKED_FLAG = "__apiErrorsTracked";
function isTracked(jqXHR) {
  return hasFlag(jqXHR, TRACKED_FLAG);
}
function isExcluded(request, listener) {
  const { settings, jqXHR, textStatus } = request;
  if (isMarkedHandled(jqXHR)) return true;
  if (settings.global === false || settings.apiErrors === false) return true;
  const status = Number(jqXHR.status) || 0;
  if (status === 0 && textStatus !== "error" && textStatus !== "timeout") return true;
  return status === 0 && textStatus === "error" && listener.isLeavingPage();
}
function settle(request, listener) {
  if (request.settled) return;
  request.settled = true;
  if (!listener) return;
  if (!request.failed) {
    if (SUCCESS_STATUSES.indexOf(request.textStatus) !== -1) listener.onSuccess(request);
  } else if (!isExcluded(request, listener)) {
    listener.onFailure(request);
  }
}
function guardCallbacks(callbacks, where) {
  const list = (Array.isArray(callbacks) ? callbacks : [callbacks]).filter((fn) => typeof fn === "function");
  return function guardedCallbacks(...args) {
    for (const callback of list) guarded(where, () => callback.apply(this, args));
  };
}
function track(settings, originalOptions, jqXHR, slot) {
  const request = {
    settings,
    originalOptions,
    jqXHR,
    failed: false,
    textStatus: "",
    errorThrown: void 0,
    settled: false
  };
  jqXHR[TRACKED_FLAG] = true;
  jqXHR.fail((_xhr, textStatus, errorThrown) => {
    request.failed = true;
    request.textStatus = textStatus;
    request.errorThrown = errorThrown;
    setTimeout(() => guarded("the plugin", () => settle(request, slot.listener)), 0);
  });
  settings.error = guardCallbacks(settings.error, "the request's error callback");
  const userComplete = guardCallbacks(settings.complete, "the request's complete callback");
  settings.complete = function completeThenUser(xhr, textStatus) {
    if (!request.failed) request.textStatus = textStatus;
    guarded("the plugin", () => settle(request, slot.listener));
    userComplete.call(this, xhr, textStatus);
  };
}
function attachJQuery(jQuery, listener) {
  let slot = jQuery[SLOT_KEY];
  if (!slot) {
    const newSlot = { listener: null };
    slot = newSlot;
    Object.defineProperty(jQuery, SLOT_KEY, { value: newSlot, configurable: true });
    jQuery.ajaxPrefilter((settings, originalOptions, jqXHR) => {
      if (!newSlot.listener) return;
      try {
        track(settings, originalOptions, jqXHR, newSlot);
      } catch (exception) {
        reportError("the plugin", exception);
      }
    });
  }
  const attached = slot;
  attached.listener = listener;
  return () => {
    if (attached.listener === listener) attached.listener = null;
  };
}
function currentListener(jQuery) {
  const slot = jQuery && jQuery[SLOT_KEY];
  return slot ? slot.listener : null;
}

// src/adapters/page.ts
var BEFOREUNLOAD_GRACE_MS = 2e3;
function watchPageLeave(view) {
  let leavingUntil = 0;
  let hidden = false;
  const onBeforeUnload = () => {
    leavingUntil = Date.now() + BEFOREUNLOAD_GRACE_MS;
  };
  const onPageHide = () => {
    hidden = true;
  };
  const onPageShow = () => {
    hidden = false;
    leavingUntil = 0;
  };
  if (view && typeof view.addEventListener === "function") {
    view.addEventListener("beforeunload", onBeforeUnload);
    view.addEventListener("pagehide", onPageHide);
    view.addEventListener("pageshow", onPageShow);
  }
  return {
    isLeaving: () => hidden || Date.now() < leavingUntil,
    stop() {
      if (view && typeof view.removeEventListener === "function") {
        view.removeEventListener("beforeunload", onBeforeUnload);
        view.removeEventListener("pagehide", onPageHide);
        view.removeEventListener("pageshow", onPageShow);
      }
    }
  };
}

// src/render/fields.ts
var MARKED = "data-api-errors-marked";
var DRAWN = "data-api-errors-drawn";
var PAGE_WIDE = "data-api-errors-page";
var INVALID_CLASS = "is-invalid";
var MESSAGE_CLASS = "api-errors-message";
var MAX_ELEMENTS_PER_FIELD = 50;
function bracketName(path) {
  const parts = path.split(".");
  return parts[0] + parts.slice(1).map((part) => "[" + part + "]").join("");
}
function djangoId(path) {
  return "id_" + path.split(".").join("-");
}
function findFieldElements(scope, path) {
  const lookups = [
    ["data-api-field", path],
    ["name", path],
    ["name", bracketName(path)],
    ["id", djangoId(path)]
  ];
  for (const [attribute, value] of lookups) {
    const found = [];
    const matches = scope.querySelectorAll(attributeSelector(attribute, value));
    for (let index = 0; index < matches.length && found.length < MAX_ELEMENTS_PER_FIELD; index++) {
      const element = matches[index];
      if (element.getAttribute(attribute) === value && element.getAttribute("type") !== "hidden" && !element.hasAttribute(DRAWN)) {
        found.push(element);
      }
    }
    if (found.length) return found;
  }
  return [];
}
function describedByWithout(value, id) {
  return (value || "").split(/\s+/).filter((token) => token && token !== id).join(" ");
}
function unmark(element) {
  const messageId = element.getAttribute(MARKED) || "";
  const describedBy = describedByWithout(element.getAttribute("aria-describedby"), messageId);
  if (describedBy) element.setAttribute("aria-describedby", describedBy);
  else element.removeAttribute("aria-describedby");
  element.removeAttribute("aria-invalid");
  element.removeAttribute(MARKED);
  if (element.classList) element.classList.remove(INVALID_CLASS);
}
function clearField(element) {
  const doc = documentOf(element);
  const messageId = element.getAttribute(MARKED) || "";
  eachMatch(doc, attributeSelector(MARKED, messageId), unmark);
  unmark(element);
  const message = messageId ? doc.getElementById(messageId) : null;
  if (message && message.hasAttribute(DRAWN)) removeNode(message);
}
var watchedDocuments = /* @__PURE__ */ new WeakSet();
function watchEdits(doc) {
  if (watchedDocuments.has(doc)) return;
  watchedDocuments.add(doc);
  const onEdit = (event) => {
    const target = event.target;
    if (!target || target.nodeType !== 1) return;
    const marked = target.hasAttribute(MARKED) ? target : typeof target.closest === "function" ? target.closest("[" + MARKED + "]") : null;
    if (marked) clearField(marked);
  };
  doc.addEventListener("input", onEdit, true);
  doc.addEventListener("change", onEdit, true);
}
function placeAfter(input, scope) {
  const label = typeof input.closest === "function" ? input.closest("label") : null;
  return label && label !== scope && scope.contains(label) ? label : input;
}
function freeId(doc) {
  let id = uniqueId("api-errors-message-");
  while (doc.getElementById(id)) id = uniqueId("api-errors-message-");
  return id;
}
function defaultRenderField(field, messages, _error, context) {
  const scope = context && context.scope || (typeof document !== "undefined" ? document : null);
  if (!scope || typeof field !== "string" || !field) return false;
  const elements = findFieldElements(scope, field);
  const last = elements[elements.length - 1];
  if (!last) return false;
  for (const element of elements) if (element.hasAttribute(MARKED)) clearField(element);
  const doc = documentOf(scope);
  const messageElement = createTextElement(doc, "div", MESSAGE_CLASS);
  const messageId = freeId(doc);
  messageElement.id = messageId;
  messageElement.setAttribute(DRAWN, field);
  if (scope.nodeType === 9) messageElement.setAttribute(PAGE_WIDE, "");
  for (const message of Array.isArray(messages) ? messages : []) {
    messageElement.appendChild(createTextElement(doc, "div", "", String(message)));
  }
  const container = scope.querySelector(attributeSelector("data-api-errors-for", field));
  if (container) container.appendChild(messageElement);
  else {
    const anchor = placeAfter(last, scope);
    if (anchor.parentNode) anchor.parentNode.insertBefore(messageElement, anchor.nextSibling);
  }
  for (const element of elements) {
    element.setAttribute("aria-invalid", "true");
    if (element.classList) element.classList.add(INVALID_CLASS);
    const describedBy = describedByWithout(element.getAttribute("aria-describedby"), messageId);
    element.setAttribute("aria-describedby", describedBy ? describedBy + " " + messageId : messageId);
    element.setAttribute(MARKED, messageId);
  }
  watchEdits(doc);
  return true;
}
function clearFieldErrors(scope) {
  const doc = typeof document !== "undefined" ? document : null;
  const root = scope === void 0 ? doc : resolveScope(scope, doc);
  if (!root) return;
  if (root.nodeType === 1 && root.hasAttribute(MARKED)) clearField(root);
  eachMatch(root, "[" + MARKED + "]", unmark);
  eachMatch(root, "[" + DRAWN + "]", removeNode);
}
var drawnMessageLists = /* @__PURE__ */ new WeakMap();
function drawnMessages(doc) {
  let list = drawnMessageLists.get(doc);
  if (!list) {
    list = doc.getElementsByClassName(MESSAGE_CLASS);
    drawnMessageLists.set(doc, list);
  }
  return list;
}
function clearDrawnFor(scope) {
  if (!drawnMessages(documentOf(scope)).length) return;
  if (scope.nodeType !== 9) {
    clearFieldErrors(scope);
    return;
  }
  const drawnIds = {};
  let drawn = 0;
  eachMatch(scope, "[" + DRAWN + "][" + PAGE_WIDE + "]", (message) => {
    drawnIds[message.id] = true;
    drawn++;
    removeNode(message);
  });
  if (drawn) {
    eachMatch(scope, "[" + MARKED + "]", (element) => {
      if (drawnIds[element.getAttribute(MARKED) || ""] === true) unmark(element);
    });
  }
}

// src/render/toast.ts
var TOAST_DURATION_MS = 5e3;
var MAX_TOASTS = 3;
var DEDUPE_MS = 2e3;
var MAX_REMEMBERED = 20;
var MAX_DETAIL_LINES = 8;
var CONTAINER_CLASS = "api-errors-toasts";
var TOAST_CLASS = "api-errors-toast";
var states = /* @__PURE__ */ new WeakMap();
function stateOf(doc) {
  let state = states.get(doc);
  if (!state) {
    state = { container: null, themed: false, recent: [] };
    states.set(doc, state);
  }
  return state;
}
function toastLines(message, error, context) {
  const lines = [];
  for (const formError of error.formErrors) if (formError !== message) lines.push(formError);
  const unrendered = context && context.unrendered || {};
  for (const path of Object.keys(unrendered)) {
    for (const fieldMessage of unrendered[path] || []) lines.push(path + ": " + fieldMessage);
  }
  if (lines.length <= MAX_DETAIL_LINES) return lines;
  const shown = lines.slice(0, MAX_DETAIL_LINES - 1);
  shown.push("\u2026and " + (lines.length - shown.length) + " more");
  return shown;
}
function isThemed(container) {
  const view = container.ownerDocument.defaultView;
  try {
    return !!view && view.getComputedStyle(container).getPropertyValue("--api-errors-theme").trim() !== "";
  } catch (_unsupported) {
    return false;
  }
}
function containerFor(doc, state) {
  const parent = doc.body || doc.documentElement;
  if (!parent) return null;
  if (state.container && state.container.parentNode === parent) return state.container;
  const container = createTextElement(doc, "div", CONTAINER_CLASS);
  container.setAttribute("aria-live", "assertive");
  parent.appendChild(container);
  state.themed = isThemed(container);
  if (!state.themed) {
    container.style.cssText = 'position:fixed;top:16px;right:16px;z-index:2147483000;width:360px;max-width:calc(100% - 32px);font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif';
  }
  state.container = container;
  return container;
}
function buildToast(doc, message, lines, reference, themed) {
  const toast = createTextElement(doc, "div", TOAST_CLASS);
  toast.setAttribute("role", "alert");
  const body = createTextElement(doc, "div", "api-errors-toast-body");
  body.appendChild(createTextElement(doc, "p", "api-errors-toast-message", message));
  if (lines.length) {
    const list = createTextElement(doc, "ul", "api-errors-toast-details");
    for (const line of lines) list.appendChild(createTextElement(doc, "li", "", line));
    body.appendChild(list);
  }
  if (reference) {
    body.appendChild(createTextElement(doc, "p", "api-errors-toast-reference", "Reference: " + reference));
  }
  const close = createTextElement(doc, "button", "api-errors-toast-close", "\xD7");
  close.setAttribute("type", "button");
  close.setAttribute("aria-label", "Dismiss");
  toast.appendChild(body);
  toast.appendChild(close);
  if (!themed) {
    toast.style.cssText = "display:flex;align-items:flex-start;margin:0 0 8px;padding:12px 14px;background:#8b1a1a;color:#fff;border-radius:6px;box-shadow:0 4px 12px rgba(0,0,0,.25);overflow-wrap:anywhere";
    body.style.cssText = "flex:1 1 auto;min-width:0";
    close.style.cssText = "background:transparent;border:0;color:inherit;cursor:pointer;font-size:20px;line-height:1;margin-left:8px;padding:0 4px";
    for (const paragraph of Array.prototype.slice.call(body.children)) {
      paragraph.style.cssText = "margin:0 0 4px;padding:" + (paragraph.tagName === "UL" ? "0 0 0 18px" : "0");
    }
  }
  return toast;
}
function scheduleDismiss(toast, onClose) {
  let timer = null;
  let hovered = false;
  let focused = false;
  const hold = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const update = () => {
    if (hovered || focused) hold();
    else if (timer === null) timer = setTimeout(() => removeNode(toast), TOAST_DURATION_MS);
  };
  const on = (type, set) => toast.addEventListener(type, () => {
    set();
    update();
  });
  on("mouseenter", () => {
    hovered = true;
  });
  on("mouseleave", () => {
    hovered = false;
  });
  on("focusin", () => {
    focused = true;
  });
  on("focusout", () => {
    focused = false;
  });
  const close = toast.querySelector(".api-errors-toast-close");
  if (close) close.addEventListener("click", () => {
    hold();
    removeNode(toast);
    onClose();
  });
  update();
  return () => {
    hold();
    removeNode(toast);
  };
}
var dismissers = /* @__PURE__ */ new WeakMap();
function seenRecently(state, key, now) {
  state.recent = state.recent.filter((entry) => now - entry.at < DEDUPE_MS);
  for (const entry of state.recent) if (entry.key === key) return true;
  state.recent.push({ key, at: now });
  if (state.recent.length > MAX_REMEMBERED) state.recent.shift();
  return false;
}
function forget(state, key) {
  state.recent = state.recent.filter((entry) => entry.key !== key);
}
function defaultToast(message, error, context) {
  const scope = context && context.scope;
  const doc = scope ? documentOf(scope) : typeof document !== "undefined" ? document : null;
  if (!doc) return;
  const text = String(message || error.message);
  const lines = toastLines(text, error, context);
  const state = stateOf(doc);
  const key = [text].concat(lines).join("\n");
  if (seenRecently(state, key, Date.now())) return;
  const container = containerFor(doc, state);
  if (!container) return;
  const existing = container.getElementsByClassName(TOAST_CLASS);
  while (existing.length >= MAX_TOASTS) {
    const oldest = existing[0];
    const dismiss = dismissers.get(oldest);
    if (dismiss) dismiss();
    else removeNode(oldest);
  }
  const toast = buildToast(doc, text, lines, error.correlationId, state.themed);
  container.appendChild(toast);
  dismissers.set(toast, scheduleDismiss(toast, () => forget(state, key)));
}

// src/options.ts
var defaultClearFields = (context) => clearDrawnFor(context.scope);
function isObject(value) {
  return !!value && typeof value === "object";
}
function rendererOption(value, fallback, builtIn) {
  if (value === false) return false;
  if (value === true) return builtIn;
  return typeof value === "function" ? value : fallback;
}
function messagesOption(base, value) {
  if (!isObject(value)) return base;
  const merged = {};
  for (const key of Object.keys(base)) merged[key] = base[key];
  for (const key of Object.keys(value)) {
    const message = value[key];
    if (typeof message === "string" && message && key !== "__proto__") merged[key] = message;
  }
  return merged;
}
function mergeOptions(base, layer) {
  if (!isObject(layer)) return base;
  const fallbackMessage2 = ownValue(layer, "fallbackMessage");
  const shouldHandle = ownValue(layer, "shouldHandle");
  return {
    toast: rendererOption(ownValue(layer, "toast"), base.toast, defaultToast),
    renderField: rendererOption(ownValue(layer, "renderField"), base.renderField, defaultRenderField),
    clearFields: rendererOption(ownValue(layer, "clearFields"), base.clearFields, defaultClearFields),
    fallbackMessage: typeof fallbackMessage2 === "string" && fallbackMessage2.trim() ? fallbackMessage2 : base.fallbackMessage,
    messages: messagesOption(base.messages, ownValue(layer, "messages")),
    shouldHandle: typeof shouldHandle === "function" ? shouldHandle : base.shouldHandle,
    form: ownValue(layer, "form") || base.form
  };
}
var DEFAULT_OPTIONS = {
  toast: defaultToast,
  renderField: defaultRenderField,
  clearFields: defaultClearFields,
  fallbackMessage: DEFAULT_FALLBACK_MESSAGE,
  messages: {},
  shouldHandle: void 0,
  form: void 0
};

// src/install.ts
function pageGlobal(name) {
  const page = typeof window !== "undefined" ? window : void 0;
  const global = typeof globalThis !== "undefined" ? globalThis : void 0;
  return page && page[name] || global && global[name];
}
function documentOf2(jQuery) {
  const html = jQuery("html")[0];
  if (html && html.ownerDocument) return html.ownerDocument;
  return typeof document !== "undefined" ? document : null;
}
var NOT_INSTALLED = { uninstall() {
} };
function backboneOf(request) {
  const carried = request.settings[REQUEST_KEY] || request.originalOptions && request.originalOptions[REQUEST_KEY];
  return carried instanceof BackboneRequest ? carried : void 0;
}
function createInstallation(jQuery, Backbone, doc, base) {
  const leaving = watchPageLeave(doc.defaultView);
  let unwrapBackbone = null;
  let stopLooking = () => {
  };
  const contextFor = (request, options) => {
    const backbone = backboneOf(request);
    return makeContext(request.jqXHR, request.settings, scopeFor(options, request.settings, doc), backbone);
  };
  const installation = {
    onFailure(request) {
      const options = mergeOptions(base, request.settings.apiErrors);
      const shouldHandle = options.shouldHandle;
      if (shouldHandle && !guarded("shouldHandle", () => shouldHandle(request.jqXHR, request.settings) !== false, true)) return;
      const error = errorFor(request.jqXHR, request.textStatus, request.errorThrown, options);
      handleFailure(error, contextFor(request, options), options, jQuery);
    },
    onSuccess(request) {
      if (request.settings.global === false || request.settings.apiErrors === false) return;
      const options = mergeOptions(base, request.settings.apiErrors);
      handleSuccess(contextFor(request, options), options);
    },
    isLeavingPage: leaving.isLeaving,
    uninstall() {
      detachJQuery();
      if (unwrapBackbone) unwrapBackbone();
      unwrapBackbone = null;
      stopLooking();
      leaving.stop();
    }
  };
  const detachJQuery = attachJQuery(jQuery, installation);
  const wrapBackbone = (backbone) => {
    if (unwrapBackbone || !backbone || typeof backbone.sync !== "function" || currentListener(jQuery) !== installation) return;
    unwrapBackbone = wrapBackboneSync(backbone, {
      errorFor: (jqXHR, textStatus, errorThrown, perRequest) => errorFor(jqXHR, textStatus, errorThrown, mergeOptions(base, perRequest)),
      onUntrackedFailure(request, jqXHR, textStatus, errorThrown) {
        if (isTracked(jqXHR) || !jqXHR || typeof jqXHR !== "object") return;
        const settings = request.options;
        settle(
          { settings, originalOptions: settings, jqXHR, failed: true, textStatus: String(textStatus || "error"), errorThrown, settled: false },
          currentListener(jQuery) === installation ? installation : null
        );
      }
    });
  };
  wrapBackbone(Backbone);
  if (!Backbone && doc.readyState === "loading") {
    const lookAgain = () => {
      stopLooking();
      wrapBackbone(pageGlobal("Backbone"));
    };
    stopLooking = () => doc.removeEventListener("DOMContentLoaded", lookAgain);
    doc.addEventListener("DOMContentLoaded", lookAgain);
  }
  return installation;
}
var current = null;
function installApiErrors(options) {
  try {
    const given = options || {};
    const Backbone = given.Backbone || pageGlobal("Backbone");
    const jQuery = given.jQuery || pageGlobal("jQuery") || Backbone && Backbone.$;
    if (typeof jQuery !== "function" || typeof jQuery.ajaxPrefilter !== "function") {
      reportError("installApiErrors", new Error("jQuery was not found: load it first or pass { jQuery }"));
      return NOT_INSTALLED;
    }
    const doc = documentOf2(jQuery);
    if (!doc) {
      reportError("installApiErrors", new Error("no document: jQuery is not bound to a window"));
      return NOT_INSTALLED;
    }
    const previous = currentListener(jQuery);
    if (previous && typeof previous.uninstall === "function") previous.uninstall();
    if (current) current.uninstall();
    const installation = createInstallation(jQuery, Backbone, doc, mergeOptions(DEFAULT_OPTIONS, given));
    current = installation;
    return { uninstall: () => {
      installation.uninstall();
      if (current === installation) current = null;
    } };
  } catch (exception) {
    reportError("installApiErrors", exception);
    return NOT_INSTALLED;
  }
}

// src/version.ts
var version = "0.1.0";
export {
  clearFieldErrors,
  defaultRenderField,
  defaultToast,
  installApiErrors,
  markHandled,
  parseApiError,
  version
};
