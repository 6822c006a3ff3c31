/*! jquery-api-errors 0.1.0 | MIT License */
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/index.ts
var index_exports = {};
__export(index_exports, {
  clearFieldErrors: () => clearFieldErrors,
  defaultRenderField: () => defaultRenderField,
  defaultToast: () => defaultToast,
  installApiErrors: () => installApiErrors,
  markHandled: () => markHandled,
  parseApiError: () => parseApiError,
  version: () => version
});
module.exports = __toCommonJS(index_exports);

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
var pageDocument = () => typeof document !== "undefined" ? document : null;
function focusedElement(doc) {
  let active = doc.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return active === doc.body ? null : active;
}
function rootOf(node) {
  const root = node.getRootNode();
  return root.nodeType === 11 ? root : documentOf(node);
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
function isThemed(element) {
  const view = documentOf(element).defaultView;
  try {
    return !!view && view.getComputedStyle(element).getPropertyValue("--api-errors-theme").trim() !== "";
  } catch (_unsupported) {
    return false;
  }
}
var themedDocuments = /* @__PURE__ */ new WeakMap();
function unthemed(element) {
  const doc = documentOf(element);
  let themed = themedDocuments.get(doc);
  if (themed === void 0) themedDocuments.set(doc, themed = isThemed(element));
  return !themed;
}
var drawnFor = /* @__PURE__ */ new WeakMap();
function hideVisually(element) {
  element.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";
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
  const userSuccess = options.success;
  options.success = function apiErrorsSuccess(_data, _textStatus, jqXHR) {
    setTimeout(() => listener.onUntrackedSuccess(request, jqXHR || options.xhr), 0);
    if (typeof userSuccess === "function") return userSuccess.apply(this, arguments);
    return void 0;
  };
  options.error = function apiErrorsError(jqXHR, textStatus, errorThrown) {
    try {
      const perRequest = requestApiErrors(Backbone, options);
      if (perRequest !== false) {
        options.apiError = listener.errorFor(jqXHR, textStatus, perRequest);
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
var isText = (value) => typeof value === "string" && value.trim() !== "";
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
  return typeof value === "boolean" || typeof value === "number" && isFinite(value) ? String(value) : textOf(value);
}
function idOf(value, max) {
  const text = typeof value === "number" && isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : "";
  return text === "" ? void 0 : text.slice(0, max);
}
function httpStatusOf(value) {
  return typeof value === "number" && value % 1 === 0 && value >= 100 && value <= 599 ? value : void 0;
}

// src/render/lookup.ts
var DRAWN = "data-api-errors-drawn";
var MAX_ELEMENTS_PER_FIELD = 50;
function bracketName(path) {
  const parts = path.split(".");
  return parts[0] + parts.slice(1).map((part2) => "[" + part2 + "]").join("");
}
function djangoId(path) {
  return "id_" + path.split(".").join("-");
}
var FIELD_TAGS = /^(input|select|textarea)$/i;
function isField(element) {
  const editable = element.getAttribute("contenteditable");
  return FIELD_TAGS.test(element.localName) || editable !== null && editable !== "false";
}
function formOf(element) {
  return element.form || element.closest("form");
}
function ownFields(scope) {
  if (scope.nodeType !== 1) return [];
  const own = [scope];
  const controls = scope.elements;
  if (scope.localName === "form" && controls) {
    for (let index = 0; index < controls.length; index++) {
      const control = controls[index];
      if (!scope.contains(control)) own.push(control);
    }
  }
  return own;
}
function findFieldElements(scope, path) {
  if (!scope.isConnected) return [];
  const lookups = [
    ["data-api-field", path],
    ["name", path],
    ["name", bracketName(path)],
    ["name", bracketName(path) + "[]"],
    ["id", djangoId(path)]
  ];
  const own = ownFields(scope);
  for (const [attribute, value] of lookups) {
    const found = [];
    const take = (element) => {
      if (found.length < MAX_ELEMENTS_PER_FIELD && element.getAttribute(attribute) === value && (attribute === "data-api-field" || isField(element)) && element.getAttribute("type") !== "hidden" && !element.hasAttribute(DRAWN)) {
        found.push(element);
      }
    };
    own.forEach(take);
    eachMatch(scope, attributeSelector(attribute, value), take);
    if (found.length) return found;
  }
  return [];
}

// src/render/labels.ts
function ownText(node) {
  let text = "";
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += child.nodeValue;
    else if (child.nodeType === 1 && !("form" in child)) text += ownText(child);
  }
  return text;
}
function labelOf(element) {
  const doc = rootOf(element);
  const type = element.getAttribute("type");
  const set = element.closest("fieldset");
  const group = set && (element === set || type === "radio" || type === "checkbox" && set.querySelectorAll(attributeSelector("name", element.name))[1]);
  const label = group && set.querySelector("legend") || element.id && doc.querySelector("label" + attributeSelector("for", element.id)) || element.closest("label");
  const labelledBy = (element.getAttribute("aria-labelledby") || "").split(/\s+/).map((id) => {
    const named = id ? doc.getElementById(id) : null;
    return named ? named.textContent : "";
  }).join(" ");
  const text = label && ownText(label).trim() || element.getAttribute("aria-label") || labelledBy;
  return text.replace(/\s+/g, " ").trim().replace(/\s*:$/, "");
}
function fieldLabel(path, element, options) {
  const custom = options.fieldLabel ? options.fieldLabel(path, element) : void 0;
  if (typeof custom === "string" && custom.trim()) return custom.trim();
  return element ? labelOf(element) : "";
}
function labelsOf(paths, root, options) {
  const labels = {};
  for (const path of paths) {
    const label = fieldLabel(path, findFieldElements(root, path)[0] || null, options);
    if (label) labels[path] = label;
  }
  return labels;
}

// src/render/marks.ts
var MARKED = "data-api-errors-marked";
var REQUEST = "data-api-errors-request";
var INVALID_CLASS = "is-invalid";
var MESSAGE_CLASS = "api-errors-message";
var SUMMARY_CLASS = "api-errors-summary";
var shadows = /* @__PURE__ */ new WeakMap();
var markedBy = /* @__PURE__ */ new WeakMap();
function tagDrawn(element, field, drawing) {
  element.setAttribute(DRAWN, field);
  if (drawing) element.setAttribute(REQUEST, drawing.key);
  drawnState.keys = null;
}
function drawnIn(form, drawn) {
  if (form.contains(drawn)) return true;
  for (const input of markedBy.get(drawn) || []) if (input.form === form) return true;
  return false;
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
  const shadow = shadows.get(element);
  if (shadow !== void 0) {
    element.style.boxShadow = shadow;
    if (!shadow && !element.style.cssText) element.removeAttribute("style");
  }
  shadows.delete(element);
}
function removeDrawn(drawn) {
  const inputs = markedBy.get(drawn);
  if (inputs) {
    for (const input of inputs) if (input.getAttribute(MARKED) === drawn.id) unmark(input);
  } else if (drawn.id) {
    eachMatch(rootOf(drawn), attributeSelector(MARKED, drawn.id), unmark);
  }
  const slot = drawn.parentNode;
  removeNode(drawn);
  const kept = pageText.get(drawn);
  if (slot && kept) for (const node of kept) slot.appendChild(node);
}
var pageText = /* @__PURE__ */ new WeakMap();
function clearField(element) {
  const root = rootOf(element);
  const messageId = element.getAttribute(MARKED) || "";
  const message = messageId ? root.getElementById(messageId) : null;
  if (message && message.hasAttribute(DRAWN)) removeDrawn(message);
  else eachMatch(root, attributeSelector(MARKED, messageId), unmark);
  unmark(element);
}
var watchedRoots = /* @__PURE__ */ new WeakSet();
var drawnState = { keys: null };
function watchEdits(root) {
  if (watchedRoots.has(root)) return;
  watchedRoots.add(root);
  if (root.nodeType === 11) drawnState.shadow = true;
  const onEdit = (event) => {
    const target = event.target;
    if (!target || target.nodeType !== 1) return;
    const marked = target.hasAttribute(MARKED) ? target : typeof target.closest === "function" ? target.closest("[" + MARKED + "]") : null;
    if (marked) clearField(marked);
  };
  root.addEventListener("input", onEdit, true);
  root.addEventListener("change", onEdit, true);
  root.addEventListener("submit", (event) => clearFieldErrors(event.target), true);
}
function clearFieldErrors(scope) {
  const doc = pageDocument();
  const root = scope === void 0 ? doc : resolveScope(scope, doc);
  if (!root) return;
  for (const element of ownFields(root)) if (element.hasAttribute(MARKED)) clearField(element);
  eachMatch(root, "[" + MARKED + "]", unmark);
  eachMatch(root, "[" + DRAWN + "]", removeDrawn);
}
function eachDrawnField(owner, visit) {
  eachMatch(rootOf(owner), "." + MESSAGE_CLASS, (message) => {
    const input = (markedBy.get(message) || [])[0];
    const lines = [];
    for (let index = 1; index < message.children.length; index++) lines.push(message.children[index].textContent || "");
    if (input && drawnIn(owner, message)) visit(message.getAttribute(DRAWN) || "", input, lines);
  });
}

// src/render/redraw.ts
function clearDrawnFor(context) {
  const scope = context.scope;
  const drawing = drawnFor.get(context);
  if (!drawing) {
    if (scope.nodeType === 1) clearFieldErrors(scope);
    return;
  }
  const form = drawing.form;
  const root = rootOf(form || scope);
  const keys = /* @__PURE__ */ new Set();
  for (const name of [MESSAGE_CLASS, SUMMARY_CLASS]) {
    eachMatch(root, "." + name, (drawn) => {
      const key = drawn.getAttribute(REQUEST);
      keys.add(key);
      if ((!form || drawnIn(form, drawn)) && (drawing.named || key === drawing.key)) drawing.stale.push(drawn);
    });
  }
  if (root.nodeType === 9 && !drawnState.shadow) drawnState.keys = keys;
  if (!drawing.failed) sweepStale(context);
}
function sweepStale(context) {
  const drawing = drawnFor.get(context);
  if (!drawing) return;
  for (const drawn of drawing.stale) removeDrawn(drawn);
  drawing.stale = [];
}

// src/render/summary.ts
var CONTROLS = "input,select,textarea,button";
function focusTarget(element) {
  return element.matches(CONTROLS) ? element : element.querySelector(CONTROLS) || element;
}
function renderSummary(owner, error, context, options) {
  if (owner.nodeType !== 1 || options.summary === false) return null;
  const container = owner.querySelector("[data-api-errors-summary]");
  if (!container && !options.summary) return null;
  const doc = documentOf(owner);
  const root = rootOf(owner);
  const items = error.formErrors.map((text) => [text]);
  eachDrawnField(owner, (path, input, messages) => {
    const label = fieldLabel(path, input, options);
    items.push([(label ? label + ": " : "") + messages.join(" "), focusTarget(input)]);
  });
  for (const path of Object.keys(context.unrendered)) {
    const label = context.fieldLabels && context.fieldLabels[path] || path;
    items.push([label + ": " + context.unrendered[path].join(" ")]);
  }
  if (!items.length) return null;
  eachMatch(owner, "." + SUMMARY_CLASS, removeNode);
  const summary = createTextElement(doc, "div", SUMMARY_CLASS);
  tagDrawn(summary, "", drawnFor.get(context));
  summary.setAttribute("role", "alert");
  summary.tabIndex = -1;
  const title = createTextElement(doc, "h2", SUMMARY_CLASS + "-title", options.text.summaryHeading);
  title.id = uniqueId("api-errors-summary-");
  summary.setAttribute("aria-labelledby", title.id);
  const list = createTextElement(doc, "ul", SUMMARY_CLASS + "-list");
  for (const [text, target] of items) {
    const item = createTextElement(doc, "li", "", target ? void 0 : text);
    if (target) {
      if (!target.id) target.id = uniqueId("api-errors-field-");
      const link = createTextElement(doc, "a", "", text);
      link.setAttribute("href", "#" + target.id);
      item.appendChild(link);
    }
    list.appendChild(item);
  }
  summary.appendChild(title);
  summary.appendChild(list);
  summary.addEventListener("click", (event) => {
    const link = event.target && event.target.closest ? event.target.closest("a") : null;
    const target = link ? root.getElementById((link.getAttribute("href") || "").slice(1)) : null;
    if (!target) return;
    event.preventDefault();
    target.focus();
  });
  watchEdits(root);
  const parent = container || owner;
  parent.insertBefore(summary, container ? null : parent.firstChild);
  if (unthemed(summary)) summary.style.cssText = "border:4px solid #b3261e;padding:0 16px;margin:0 0 16px";
  return summary;
}

// src/text.ts
var DEFAULT_TEXT = {
  dismiss: "Dismiss",
  dismissAll: "Dismiss all",
  copy: "Copy",
  copied: "Copied",
  reference: "Reference:",
  more: "\u2026and {n} more",
  count: "\xD7{n}",
  error: "Error:",
  summaryHeading: "There is a problem",
  item: "Item {n}:",
  serverAnswered: "The server answered {n}.",
  sessionExpired: "Your session has expired.",
  signIn: "Sign in again",
  pageOutOfDate: "The page is out of date. Reload it and try again.",
  reload: "Reload",
  rateLimited: "Too many requests. Try again in {n} seconds.",
  unavailable: "Try again in {n} seconds.",
  retryReady: "You can try again now.",
  retry: "Try again",
  offline: "You are offline. Changes made while offline are not saved.",
  burst: "{n} requests failed: {message}"
};
function overlayStrings(base, layer) {
  if (!layer || typeof layer !== "object") return base;
  const merged = Object.assign({}, base);
  for (const key of Object.keys(layer)) {
    const value = layer[key];
    if (typeof value === "string" && value && key !== "__proto__") merged[key] = value;
  }
  return merged;
}
function textFor(options) {
  return overlayStrings(DEFAULT_TEXT, options && options.text);
}
function fill(template, n, message) {
  const filled = template.split("{n}").join(n).replace(" 1 seconds", " 1 second");
  return message === void 0 ? filled : filled.split("{message}").join(message);
}

// src/render/toast-parts.ts
var BUTTON = "background:none;border:1px solid;border-radius:4px;color:inherit;font:inherit;padding:2px 8px;margin:4px 0 0;margin-inline-end:8px";
var FALLBACK = {
  "": "display:flex;align-items:flex-start;gap:8px;margin:0 0 8px;padding:12px 14px;background:#8b1a1a;color:#fff;border-radius:6px;box-shadow:0 4px 12px #0004;overflow-wrap:anywhere",
  body: "flex:1;min-width:0",
  message: "font-weight:600",
  details: "margin:4px 0;padding-inline-start:18px",
  action: BUTTON,
  copy: BUTTON,
  close: BUTTON,
  all: BUTTON + ";background:#8b1a1a;color:#fff"
};
function part(doc, tag, name, themed, text) {
  const element = createTextElement(doc, tag, name ? "api-errors-toast-" + name : "api-errors-toast", text);
  if (!themed) element.style.cssText = FALLBACK[name] || "";
  if (tag === "button") element.setAttribute("type", "button");
  return element;
}
function countdownPart(doc, countdown, themed, done) {
  const element = part(doc, "div", "countdown", themed);
  const seconds = Math.max(0, Math.ceil(countdown.seconds) || 0);
  const end = Date.now() + seconds * 1e3;
  const ticking = createTextElement(doc, "div", "", fill(countdown.text, seconds));
  ticking.setAttribute("aria-hidden", "true");
  const spoken = createTextElement(doc, "div", "", ticking.textContent);
  hideVisually(spoken);
  element.appendChild(ticking);
  element.appendChild(spoken);
  const tick2 = () => {
    const left = Math.ceil((end - Date.now()) / 1e3);
    if (left > 0) ticking.textContent = fill(countdown.text, left);
    else {
      stop();
      element.textContent = countdown.done;
      done();
    }
  };
  const timer = setInterval(tick2, 1e3);
  const stop = () => clearInterval(timer);
  if (!seconds) tick2();
  return { element, stop };
}
function copyReference(button, line, reference, text) {
  const view = line.ownerDocument.defaultView;
  const select = () => {
    const selection = view && view.getSelection();
    const value = line.firstChild;
    if (selection) selection.setBaseAndExtent(value, value.length - reference.length, value, value.length);
  };
  try {
    const clipboard = view && view.navigator.clipboard;
    if (!clipboard) return select();
    clipboard.writeText(reference).then(() => {
      button.textContent = text.copied;
    }, select);
  } catch (_refused) {
    select();
  }
}
function fillBody(body, spec, text, themed, countdown, close) {
  const doc = body.ownerDocument;
  body.textContent = "";
  body.appendChild(part(doc, "div", "message", themed, spec.message));
  const lines = spec.lines || [];
  if (lines.length) {
    const list = part(doc, "ul", "details", themed);
    for (const line of lines) list.appendChild(createTextElement(doc, "li", "", line));
    body.appendChild(list);
  }
  if (countdown) body.appendChild(countdown);
  const reference = spec.reference;
  if (reference) {
    const line = part(doc, "div", "reference", themed, text.reference + " " + reference);
    const copy = part(doc, "button", "copy", themed, text.copy);
    copy.addEventListener("click", () => copyReference(copy, line, reference, text));
    body.appendChild(line);
    body.appendChild(copy);
  }
  const action = spec.action;
  if (action) {
    const control = part(doc, action.href ? "a" : "button", "action", themed, action.label);
    if (action.href) control.setAttribute("href", action.href);
    control.addEventListener("click", () => {
      if (!action.run) return;
      try {
        action.run();
      } catch (exception) {
        reportError("a toast action", exception);
      }
      close();
    });
    body.appendChild(control);
  }
}

// src/render/toasts.ts
var MAX_TOASTS = 3;
var states = /* @__PURE__ */ new WeakMap();
var textOf2 = (spec) => [spec.message].concat(spec.lines || [], spec.reference || "").join("\n");
var keyOf = (spec) => spec.key || textOf2(spec);
function place(state, container, position) {
  container.setAttribute("data-position", position);
  if (state.themed) return;
  const [block, inline] = position.split("-");
  container.style.cssText = "position:fixed;z-index:2147483000;width:360px;max-width:calc(100% - 32px);max-height:33vh;overflow:auto;font:14px/1.4 system-ui,sans-serif;inset-block:" + (block === "top" ? "16px auto" : "auto 16px") + ";inset-inline:" + (inline === "start" ? "16px auto" : inline === "end" ? "auto 16px" : "0;margin-inline:auto");
}
function onKeydown(state, event) {
  const container = state.container;
  if (event.key !== "Escape" || event.defaultPrevented || !container || !state.open.length) return;
  const doc = container.ownerDocument;
  const active = doc.activeElement;
  const inside = !!active && container.contains(active);
  if (!inside && active && active !== doc.body && active !== doc.documentElement) return;
  let target = state.open[state.open.length - 1];
  for (const entry of state.open) if (inside && entry.handle.element.contains(active)) target = entry;
  target.handle.close();
}
var closeAll = (state) => {
  for (const entry of state.open.slice()) entry.handle.close();
};
function containerFor(doc, state) {
  const parent = doc.body || doc.documentElement;
  if (!parent) return null;
  if (state.container && state.container.parentNode === parent) return state.container;
  const container = createTextElement(doc, "div", "api-errors-toasts");
  container.setAttribute("aria-live", "assertive");
  parent.appendChild(container);
  container.addEventListener("focusin", (event) => {
    const from = event.relatedTarget;
    if (!from || !container.contains(from)) state.returnFocus = from;
  });
  state.themed = isThemed(container);
  state.container = container;
  const all = state.all = part(doc, "button", "all", state.themed);
  all.addEventListener("click", () => {
    closeAll(state);
    if (state.returnFocus) state.returnFocus.focus();
  });
  closeAll(state);
  return container;
}
function stateOf(doc) {
  let state = states.get(doc);
  if (!state) {
    const made = { container: null, themed: false, open: [], returnFocus: null, all: null };
    doc.addEventListener("keydown", (event) => onKeydown(made, event));
    states.set(doc, state = made);
  }
  return state;
}
function dismissTimer(toast, close) {
  let timer = null;
  let duration = 0;
  let hovered = false;
  let focused = false;
  const update = () => {
    if (timer !== null) clearTimeout(timer);
    timer = hovered || focused || !duration ? null : setTimeout(close, duration);
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
  return (next) => {
    duration = next;
    update();
  };
}
function openToast(doc, state, spec, text) {
  const themed = state.themed;
  const element = part(doc, "div", "", themed);
  element.setAttribute("role", "alert");
  const body = element.appendChild(part(doc, "div", "body", themed));
  const count = part(doc, "div", "count", themed);
  const dismiss = element.appendChild(part(doc, "button", "close", themed, "\xD7"));
  dismiss.setAttribute("aria-label", text.dismiss);
  dismiss.addEventListener("click", () => close());
  let current2 = spec;
  let countdown = null;
  const entry = { key: keyOf(spec), count: 1, handle: { element, update, close } };
  const restart = dismissTimer(element, close);
  function close() {
    const index = state.open.indexOf(entry);
    if (index < 0) return;
    state.open.splice(index, 1);
    restart(0);
    if (countdown) countdown.stop();
    const hadFocus = element.contains(doc.activeElement);
    removeNode(element);
    if (state.open.length < 2) removeNode(state.all);
    if (!hadFocus) return;
    const next = state.open[state.open.length - 1];
    const to = next ? next.handle.element.querySelector(".api-errors-toast-close") : state.returnFocus;
    if (to) to.focus();
  }
  function update(changes) {
    const before = current2 === changes ? null : textOf2(current2);
    current2 = Object.assign({}, current2, changes);
    entry.key = keyOf(current2);
    if (changes.countdown && countdown) countdown.stop();
    if (changes.countdown || !countdown && current2.countdown) {
      countdown = countdownPart(doc, current2.countdown, themed, () => current2.countdown.action && update({ action: current2.countdown.action }));
    }
    if (entry.count > 1) {
      count.textContent = fill(text.count, entry.count);
      element.insertBefore(count, dismiss);
    }
    if (before !== textOf2(current2) || changes.action || changes.countdown) {
      fillBody(body, current2, text, themed, countdown && countdown.element, close);
    }
    restart(current2.duration);
  }
  update(spec);
  return entry;
}
function showToast(doc, spec, look) {
  const state = stateOf(doc);
  const container = containerFor(doc, state);
  if (!container) return null;
  place(state, container, look && look.position || "top-end");
  const key = keyOf(spec);
  for (const entry2 of state.open) {
    if (entry2.key !== key) continue;
    entry2.count += 1;
    entry2.handle.update(spec);
    return entry2.handle;
  }
  while (state.open.length >= MAX_TOASTS) state.open[0].handle.close();
  const text = look && look.text || DEFAULT_TEXT;
  const entry = openToast(doc, state, spec, text);
  state.open.push(entry);
  const all = state.all;
  container.insertBefore(entry.handle.element, all.parentNode ? all : null);
  all.textContent = text.dismissAll;
  if (state.open.length > 1 && !all.parentNode) container.appendChild(all);
  const scroll = () => {
    container.scrollTop = container.scrollHeight;
  };
  const view = doc.defaultView;
  if (view && view.requestAnimationFrame) view.requestAnimationFrame(scroll);
  else scroll();
  return entry.handle;
}

// src/render/toast.ts
var MAX_DETAIL_LINES = 8;
function toastLines(message, error, context, text) {
  if (context.summary) return [];
  const lines = [];
  for (const formError of error.formErrors) if (formError !== message) lines.push(formError);
  const unrendered = context.unrendered || {};
  for (const path of Object.keys(unrendered)) {
    const label = context.fieldLabels && context.fieldLabels[path] || path;
    for (const fieldMessage of unrendered[path] || []) lines.push(label + ": " + fieldMessage);
  }
  if (lines.length > MAX_DETAIL_LINES) {
    lines.splice(MAX_DETAIL_LINES - 1, lines.length, fill(text.more, lines.length - MAX_DETAIL_LINES + 1));
  }
  if (error.status >= 500) lines.push(fill(text.serverAnswered, error.status));
  return lines;
}
function onPage(error, context) {
  const unrendered = context.unrendered || {};
  return error.kind === "validation" && Object.keys(unrendered).length === 0 && (!error.formErrors.length || !!context.summary);
}
function isSticky(error, context, stickyWhen) {
  if (typeof stickyWhen !== "function") return !onPage(error, context);
  try {
    return !!stickyWhen(error);
  } catch (exception) {
    reportError("stickyWhen", exception);
    return true;
  }
}
function durationFor(error, context, options) {
  const duration = options.toastDuration;
  return isSticky(error, context, options.stickyWhen) ? 0 : typeof duration === "number" && duration >= 0 ? duration : 5e3;
}
function failureToast(message, shown, error, context, options, text) {
  const lines = toastLines(shown, error, context, text);
  return {
    message,
    lines,
    reference: error.correlationId,
    key: [message].concat(lines).join("\n"),
    duration: durationFor(error, context, options)
  };
}
var wrappedPolicies = /* @__PURE__ */ new WeakMap();
function defaultToast(message, error, context) {
  const given = context || {};
  const policies = wrappedPolicies.get(given);
  if (policies && policies(message)) return;
  const scope = given.scope;
  const doc = scope ? documentOf(scope) : pageDocument();
  if (!doc) return;
  const options = given.apiErrors || {};
  const text = textFor(options);
  const shown = String(message || error.message);
  showToast(doc, failureToast(shown, shown, error, given, options, text), { position: options.position, text });
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
var MAX_ANCESTORS = 3;
function renderFields(error, context, options) {
  const unrendered = {};
  const renderField = options.renderField;
  if (!renderField) return error.errors;
  const drawnAt = {};
  const render = (path, messages) => {
    const taken = guarded("renderField", () => renderField(path, messages.slice(), error, context), false) !== false;
    if (taken) drawnAt[path] = messages;
    return taken;
  };
  const pending = Object.keys(error.errors).filter((path) => !render(path, error.errors[path]));
  for (const path of pending) {
    const parts = path.split(".");
    let taken = false;
    for (let depth = parts.length - 1; depth > 0 && depth >= parts.length - MAX_ANCESTORS && !taken; depth--) {
      const lead = parts.slice(depth).map((part2) => /^\d+$/.test(part2) ? fill(options.text.item, +part2 + 1) : part2 + ":").join(" ");
      const ancestor = parts.slice(0, depth).join(".");
      const led = error.errors[path].map((message) => lead + " " + message);
      taken = render(ancestor, (drawnAt[ancestor] || []).concat(led));
    }
    if (!taken) unrendered[path] = error.errors[path];
  }
  return unrendered;
}
function ownerOf(context) {
  const drawing = drawnFor.get(context);
  const scope = context.scope;
  return drawing && (drawing.form || drawing.holder) || scope.nodeType === 1 && scope.closest("form") || documentOf(scope);
}
function isWaitedOn(context) {
  const drawing = drawnFor.get(context);
  const form = drawing && drawing.form;
  const active = form && focusedElement(documentOf(form));
  return !!form && (!active || active === drawing.focused || formOf(active) === form);
}
function focusFirstMarked(context, fields) {
  const marked = {};
  const drawing = drawnFor.get(context);
  for (const drawn of drawing ? drawing.drawn : []) marked[drawn.getAttribute(DRAWN)] = markedBy.get(drawn) || [];
  let first;
  for (const field of fields) {
    for (const element of hasOwn(marked, field) ? marked[field] : findFieldElements(context.scope, field)) {
      const before = !first || first.compareDocumentPosition(element) & 2;
      if (before && element.getAttribute("aria-invalid") === "true") first = element;
    }
  }
  if (first && typeof first.focus === "function") first.focus();
}
function announce(error, context, jQuery) {
  const doc = documentOf(context.scope);
  guarded("an api:error handler", () => jQuery(doc).trigger("api:error", [error, context.jqXHR]));
  const model = context.model;
  if (model && typeof model.trigger === "function") {
    guarded("a Backbone api:error handler", () => model.trigger("api:error", model, error, context.options));
  }
}
function handleFailure(error, context, options, jQuery, policies) {
  context.apiErrors = options;
  const clearFields = options.clearFields;
  if (clearFields) guarded("clearFields", () => clearFields(context));
  context.unrendered = renderFields(error, context, options);
  sweepStale(context);
  const unrenderedPaths = Object.keys(context.unrendered);
  context.fieldLabels = unrenderedPaths.length ? guarded("fieldLabel", () => labelsOf(unrenderedPaths, rootOf(context.scope), options), {}) : {};
  const summary = guarded("summary", () => renderSummary(ownerOf(context), error, context, options), null) || null;
  context.summary = summary;
  const toast = options.toast;
  const hook2 = options.message;
  const text = hook2 ? guarded("message", () => hook2(error, context)) : void 0;
  const message = isText(text) ? text : error.message;
  const decide = (shown, drawing) => guarded("the plugin", () => policies.decide(error, context, drawing, shown), false);
  const taken = decide(message, options);
  if (toast && !taken) {
    if (toast !== defaultToast) wrappedPolicies.set(context, (shown) => decide(shown, Object.assign({}, options, { toast: defaultToast })));
    guarded("toast", () => toast(message, error, context));
  }
  guarded("focus", () => isWaitedOn(context) && (summary ? summary.focus() : focusFirstMarked(context, Object.keys(error.errors).filter((field) => !hasOwn(context.unrendered, field)))));
  announce(error, context, jQuery);
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
  // An `error` holding only lists and objects is a nested serializer named `error`, not this.
  matches: (body) => {
    const error = ownValue(body, "error");
    return isPlainObject(body) && (isPlainObject(error) ? !isFieldMap(error) : typeof error === "string");
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
var isDjangoErrors = (value) => isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => everyItem(value[key], (item) => typeof ownValue(item, "message") === "string" && hasOwn(item, "code")));
var django = {
  format: "django",
  matches: (body) => isDjangoErrors(body) || isDjangoErrors(ownValue(body, "errors")),
  read: (body, collector) => {
    const errors = isDjangoErrors(body) ? body : ownValue(body, "errors");
    for (const key of Object.keys(errors)) {
      const items = errors[key];
      for (let index = 0; index < items.length && collector.visit(); index += 1) {
        collector.add([key], ownValue(items[index], "message"));
      }
    }
    return { message: textOf(ownValue(body, "message")) };
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
    return typeof ownValue(body, "detail") === "string" || isFieldMap(body);
  },
  read: (body, collector) => {
    const detail = ownValue(body, "detail");
    if (typeof detail === "string") {
      const code = stringCode(ownValue(body, "code"));
      return { message: textOf(detail), code };
    }
    flatten(body, collector);
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
  django,
  laravel,
  drf
];

// src/parse/kinds.ts
var NOT_SIGNED_IN = /^(not_authenticated|authentication_failed|Authentication credentials were not provided\.|Incorrect authentication credentials\.|Unauthenticated\.)$/;
var CSRF_TEXT = /CSRF (verification failed|Failed)/;
var pathOf2 = (url) => new URL(url, "http://h/").pathname;
function isRedirect(responseURL, url) {
  if (typeof responseURL !== "string" || typeof url !== "string" || !responseURL) return false;
  try {
    const answered = pathOf2(responseURL);
    return /^[a-z][\w+.-]*:/i.test(url) ? answered !== pathOf2(url) : !answered.endsWith(pathOf2(url));
  } catch (e) {
    return false;
  }
}
function kindOf(status, code, message, page2, textStatus, online, redirectedToPage) {
  if (status === 403 && CSRF_TEXT.test(message + page2)) return "CSRF_FAILED";
  const signedOut = message ? NOT_SIGNED_IN.test(message) || code === "not_authenticated" : status === 401 || NOT_SIGNED_IN.test(code);
  if (redirectedToPage || (status === 401 || status === 403) && signedOut) return "SESSION_EXPIRED";
  if (textStatus === "timeout") return "TIMEOUT";
  if (status === 429) return "RATE_LIMITED";
  if (status > 501 && status < 505) return "SERVICE_UNAVAILABLE";
  return status ? void 0 : online === false ? "OFFLINE" : "NETWORK_ERROR";
}
function kindNamed(code) {
  const kind = code.toLowerCase().replace(/^service_|_(error|failed)$/, "");
  return hasOwn(KIND_MESSAGES, kind) ? kind : void 0;
}
var kindByStatus = (status) => status > 499 ? "server" : status > 399 ? "client" : "parse";
var KIND_MESSAGES = {
  validation: "",
  session_expired: "Your session has expired.",
  csrf: "The page is out of date. Reload it and try again.",
  rate_limited: "Too many requests.",
  unavailable: "The service is unavailable right now. Try again in a moment.",
  timeout: "The server took too long to answer.",
  offline: "You are offline.",
  network: "The server could not be reached. Check your connection."
};

// src/parse/retry.ts
var MAX_RETRY_AFTER = 86400;
var DRF_WAIT = /available in (\d{1,9}) seconds?\b/;
var secondsOf = (value, now) => typeof value === "number" ? value : typeof value !== "string" || value.length > 40 ? NaN : /^\s*\d+\s*$/.test(value) ? Number(value) : /[a-z]/i.test(value) ? (Date.parse(value) - now) / 1e3 : NaN;
function retryAfterOf(header, bodyValue, message, now) {
  const match = DRF_WAIT.exec(message || "");
  for (const seconds of [secondsOf(header, now), secondsOf(bodyValue, now), match ? Number(match[1]) : NaN]) {
    if (seconds >= 1) return Math.min(Math.ceil(seconds), MAX_RETRY_AFTER);
  }
  return null;
}

// src/parse/response.ts
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
  const trimmed = typeof text === "string" ? text.trim() : "";
  try {
    return { body: /^[{[]/.test(trimmed) ? JSON.parse(trimmed) : null, parseFailed: false };
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

// src/parse/index.ts
var DEFAULT_FALLBACK_MESSAGE = "Request failed.";
function parseApiError(xhrLike, textStatus, errorThrown, options) {
  return parseWithOptions(xhrLike, textStatus, errorThrown, options || {});
}
function parseWithOptions(xhrLike, textStatus, errorThrown, options) {
  try {
    return buildError(xhrLike, textStatus, options);
  } catch (e) {
    return {
      message: fallbackMessage(options),
      code: "UNKNOWN_ERROR",
      kind: "parse",
      status: httpStatusOf(readProperty(xhrLike, "status")) || 0,
      errors: {},
      formErrors: [],
      correlationId: null,
      timestamp: null,
      retryAfter: null,
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
  const serverCode = reading.code || "";
  const found = hasErrors && status < 500 ? "VALIDATION_ERROR" : kindFor(xhrLike, textStatus, options, status, serverCode.toLowerCase(), reading.message);
  const code = serverCode || (hasErrors ? "VALIDATION_ERROR" : found) || (textStatus === "parsererror" || parseFailed ? "PARSE_ERROR" : "UNKNOWN_ERROR");
  const kind = kindNamed(found || serverCode) || kindByStatus(status);
  const message = reading.message || formErrors[0] || optionMessage(options, code) || optionMessage(options, "" + status) || optionMessage(options, kind) || textIn(KIND_MESSAGES, kind) || fallbackMessage(options);
  const fields = isPlainObject(body) ? body : {};
  const now = readProperty(options, "now");
  const retryAfter = retryAfterOf(
    responseHeader(xhrLike, "Retry-After"),
    ownValue(format === "envelope" ? ownValue(fields, "error") : fields, "retry_after"),
    reading.message,
    typeof now === "number" ? now : Date.now()
  );
  return {
    message,
    code,
    kind,
    status,
    errors,
    formErrors,
    correlationId: correlationIdOf(xhrLike, reading, fields),
    timestamp: reading.timestamp || null,
    retryAfter,
    format,
    raw: body
  };
}
var PAGE_TEXT_LENGTH = 8192;
function kindFor(xhrLike, textStatus, options, status, code, message) {
  const text = readProperty(xhrLike, "responseText");
  const page2 = typeof text === "string" ? text.slice(0, PAGE_TEXT_LENGTH) : "";
  const isPage = /html/i.test(responseHeader(xhrLike, "Content-Type") || "") || /^\s*</.test(page2);
  const responseURL = readProperty(options, "responseURL") || readProperty(xhrLike, "responseURL");
  return kindOf(
    status,
    code,
    message || "",
    page2,
    textStatus,
    readProperty(options, "online"),
    status > 199 && status < 300 && isPage && isRedirect(responseURL, readProperty(options, "url"))
  );
}
function correlationIdOf(xhrLike, reading, fields) {
  let id = reading.correlationId;
  for (const header of ["X-Correlation-ID", "X-Request-ID"]) id = id || responseHeader(xhrLike, header);
  for (const key of ["instance", "traceId", "trace_id"]) id = id || idOf(ownValue(fields, key), ID_LENGTH);
  return id || traceIdOf(responseHeader(xhrLike, "traceparent")) || null;
}
function traceIdOf(header) {
  const match = header ? /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}/.exec(header) : null;
  return match && !/^0+$/.test(match[1]) ? match[1] : void 0;
}
function readFormat(body, collector) {
  if (body !== null && body !== void 0) {
    for (const reader of FORMAT_READERS) {
      if (reader.matches(body)) return { format: reader.format, reading: reader.read(body, collector) };
    }
  }
  return { format: "none", reading: {} };
}
function textIn(table, key) {
  const message = ownValue(table, key);
  return isText(message) ? message : void 0;
}
var optionMessage = (options, key) => textIn(readProperty(options, "messages"), key);
function fallbackMessage(options) {
  const message = readProperty(options, "fallbackMessage");
  return isText(message) ? message : DEFAULT_FALLBACK_MESSAGE;
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
var page = globalThis;
var REGISTRY = /* @__PURE__ */ Symbol.for("jquery-api-errors.requests");
var known = page[REGISTRY] || (page[REGISTRY] = /* @__PURE__ */ new WeakMap());
function watchTransport(jqXHR, request, make) {
  known.set(jqXHR, request);
  if (typeof make === "function") {
    request.settings.xhr = function keepXhr() {
      return request.xhr = make.apply(this, arguments);
    };
  }
}
function errorFor(jqXHR, textStatus, options, doc) {
  const isObject2 = !!jqXHR && typeof jqXHR === "object";
  const request = isObject2 && known.get(jqXHR) || {};
  if (request.error) return request.error;
  const view = doc && doc.defaultView;
  request.error = parseWithOptions(jqXHR, typeof textStatus === "string" ? textStatus : void 0, void 0, {
    messages: options.messages,
    fallbackMessage: options.fallbackMessage,
    online: view ? view.navigator.onLine : void 0,
    url: request.url,
    responseURL: request.xhr && request.xhr.responseURL
  });
  if (isObject2) known.set(jqXHR, request);
  return request.error;
}
function scopeFor(options, settings, doc) {
  const fromForm = resolveScope(options.form, doc);
  if (fromForm) return fromForm;
  const fromContext = resolveScope(settings && settings.context, doc);
  if (fromContext && fromContext.nodeType === 1) {
    return fromContext.closest("form") || fromContext;
  }
  return doc;
}
function namedForm(options, doc) {
  const form = resolveScope(options.form, doc);
  return form && form.nodeType === 1 ? form : null;
}
function requestKey(settings, url) {
  return String(settings.type || "GET").toUpperCase() + " " + String(url || settings.url).split("#")[0];
}
var isFormData = (data) => Object.prototype.toString.call(data) === "[object FormData]";
function pairsOf(data) {
  const pairs = [];
  if (isFormData(data)) data.forEach((value, name) => pairs.push([name, typeof value === "string" ? value : value.name]));
  else if (typeof data === "string" && data.length < 1e5) {
    try {
      if (data.charAt(0) === "{") for (const name of Object.keys(JSON.parse(data))) pairs.push([name]);
      else for (const pair of data.split("&")) pairs.push(pair.split("=").map((part2) => decodeURIComponent(part2.replace(/\+/g, " "))));
    } catch (_malformed) {
    }
  }
  return pairs;
}
var keyOf2 = (pairs, values) => pairs.map((pair) => values ? pair.join("=") : pair[0]).sort().join("&");
function dataForm(jQuery, doc, data) {
  const body = pairsOf(data);
  const alike = [];
  const same = [];
  if (body.length) eachMatch(doc, "form", (element) => {
    const form = element;
    for (const control of form.elements) {
      if (control.name && !body.some((pair) => pair[0] === control.name) && /^(input|textarea)$/i.test(control.nodeName) && (control.checked || !/^(su|b|res|f|ch|rad|i)/.test(control.type)) && !control.closest(":disabled,datalist")) return;
    }
    const sent = body.filter((pair) => {
      const control = form.elements.namedItem(pair[0]);
      return !control || !/^(submit|image)$/.test(control.type);
    });
    const own = isFormData(data) ? pairsOf(new data.constructor(form)) : jQuery(form).serializeArray().map((field) => [field.name, field.value]);
    if (keyOf2(sent) === keyOf2(own)) {
      alike.push(form);
      if (keyOf2(sent, true) === keyOf2(own, true)) same.push(form);
    }
  });
  const found = alike.length > 1 ? same : alike;
  return found.length === 1 ? found[0] : null;
}
function makeContext(jqXHR, settings, scope, backbone) {
  const context = { jqXHR, settings, scope, unrendered: {} };
  if (backbone) {
    context.model = backbone.model;
    context.options = backbone.options;
  }
  return context;
}

// src/adapters/script.ts
function scriptTransport(jQuery, handles) {
  if (/^1\./.test(jQuery.fn.jquery)) {
    jQuery.ajaxTransport("+script", (settings, original) => {
      if (!settings.crossDomain || !handles(settings, original)) return void 0;
      const head = jQuery("head")[0];
      const script = head.ownerDocument.createElement("script");
      const abort = () => {
        script.onload = script.onerror = null;
        if (script.parentNode) head.removeChild(script);
      };
      return {
        send(_headers, complete) {
          script.src = settings.url;
          script.onload = script.onerror = (event) => {
            abort();
            complete(event.type === "error" ? 404 : 200, event.type);
          };
          head.appendChild(script);
        },
        abort
      };
    });
  }
}

// src/adapters/submits.ts
var newest;
var remember = (event) => {
  newest = event;
};
function watchSubmits(doc) {
  doc.addEventListener("submit", remember, true);
  doc.addEventListener("click", remember, true);
}
function submittingForm() {
  const target = newest && newest.eventPhase && newest.target;
  if (!target || !target.closest) return null;
  if (newest.type === "submit") return target;
  const button = target.closest("button:not([type]),[type=submit],[type=image]");
  return button && button.form;
}

// src/adapters/jquery.ts
var SLOT_KEY = "__apiErrorsSlot";
var TRACKED_FLAG = "__apiErrorsTracked";
function isTracked(jqXHR) {
  return hasFlag(jqXHR, TRACKED_FLAG);
}
function isExcluded(request, listener) {
  const { jqXHR, textStatus } = request;
  return isMarkedHandled(jqXHR) || !Number(jqXHR.status) && (textStatus === "error" ? listener.isLeavingPage() : textStatus !== "timeout");
}
function optsOut(settings, pageOptions, jQuery) {
  if (settings.apiErrors === false) return true;
  const own = pageOptions && pageOptions.global !== void 0 ? pageOptions.global : jQuery.ajaxSettings.global;
  return own === false;
}
function settle(request, listener) {
  if (request.settled) return;
  request.settled = true;
  if (!listener) return;
  if (!request.failed) listener.onSuccess(request);
  else if (!isExcluded(request, listener)) listener.onFailure(request);
}
var pageValues = /* @__PURE__ */ new WeakMap();
function pageValue(value) {
  return pageValues.has(value) ? pageValues.get(value) : value;
}
function guardCallbacks(callbacks, where) {
  const list = (Array.isArray(callbacks) ? callbacks : [callbacks]).filter((fn) => typeof fn === "function");
  const guardedCallbacks = function guardedCallbacks2(...args) {
    for (const callback of list) {
      try {
        callback.apply(this, args);
      } catch (exception) {
        reportError(where, exception);
        setTimeout(() => {
          throw exception;
        }, 0);
      }
    }
  };
  pageValues.set(guardedCallbacks, callbacks);
  return guardedCallbacks;
}
var later = [];
function settleNow(request) {
  guarded("the plugin", () => settle(request, request.slot.listener));
}
function settleLater(request) {
  if (later.push(request) < 2) {
    setTimeout(() => {
      later.splice(0).forEach(settleNow);
    }, 0);
  }
}
var tick = null;
function track(settings, originalOptions, jqXHR, slot, jQuery) {
  jqXHR[TRACKED_FLAG] = true;
  if (optsOut(settings, originalOptions, jQuery)) return;
  const submitted = submittingForm();
  const request = {
    settings,
    originalOptions,
    jqXHR,
    url: settings.url,
    data: settings.data,
    slot,
    submitted,
    focused: submitted && focusedElement(submitted.ownerDocument)
  };
  const sentIn = tick || (tick = Promise.resolve().then(() => {
    tick = null;
  }));
  const pageXhr = pageValue(settings.xhr);
  watchTransport(jqXHR, request, pageXhr);
  if (pageXhr) pageValues.set(settings.xhr, pageXhr);
  jqXHR.fail((_xhr, textStatus) => {
    request.failed = true;
    request.textStatus = textStatus;
    settleLater(request);
  });
  const pageError = pageValue(settings.error);
  if (pageError) settings.error = guardCallbacks(pageError, "the request's error callback");
  const pageComplete = pageValue(settings.complete);
  const userComplete = pageComplete ? guardCallbacks(pageComplete, "the request's complete callback") : null;
  const completeThenUser = function completeThenUser2(xhr, textStatus) {
    if (sentIn === tick && (request.failed || later.length)) settleLater(request);
    else settleNow(request);
    if (userComplete) userComplete.call(this, xhr, textStatus);
  };
  pageValues.set(completeThenUser, pageComplete);
  settings.complete = completeThenUser;
}
function hook(jQuery) {
  const slot = { listener: null };
  Object.defineProperty(jQuery, SLOT_KEY, { value: slot, configurable: true });
  scriptTransport(jQuery, (settings, original) => !!slot.listener && !optsOut(settings, original, jQuery));
  jQuery.ajaxPrefilter((settings, originalOptions, jqXHR) => {
    if (!slot.listener) return;
    try {
      track(settings, originalOptions, jqXHR, slot, jQuery);
    } catch (exception) {
      reportError("the plugin", exception);
    }
  });
  return slot;
}
function attachJQuery(jQuery, listener) {
  const slot = jQuery[SLOT_KEY] || hook(jQuery);
  slot.listener = listener;
  return () => {
    if (slot.listener === listener) slot.listener = null;
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
  const listeners = {
    beforeunload: () => {
      leavingUntil = Date.now() + BEFOREUNLOAD_GRACE_MS;
    },
    pagehide: () => {
      hidden = true;
    },
    pageshow: () => {
      hidden = false;
      leavingUntil = 0;
    }
  };
  const each = (method) => {
    if (view && typeof view[method] === "function") for (const type in listeners) view[method](type, listeners[type]);
  };
  each("addEventListener");
  return {
    isLeaving: () => hidden || Date.now() < leavingUntil,
    stop: () => each("removeEventListener")
  };
}

// src/render/fields.ts
var HIDDEN_CLASS = "api-errors-visually-hidden";
var ERROR_COLOR = "#b3261e";
var SHADOW = "0 0 0 2px " + ERROR_COLOR;
function feedbackSlot(input) {
  for (let sibling = input.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.classList.contains("invalid-feedback")) return sibling;
  }
  return null;
}
var FIELDS = "input,select,textarea";
function serverErrors(input, scope) {
  for (let node = input, level = 0; node && node !== scope && level < 4; node = node.parentElement, level++) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.matches("ul.errorlist:not(.nonfield)")) return sibling;
      if (sibling.matches(FIELDS) || sibling.querySelector(FIELDS)) return null;
    }
  }
  return null;
}
function placeAfter(input, scope) {
  const outer = typeof input.closest === "function" ? input.closest("label, .input-group") : null;
  return outer && outer !== scope && scope.contains(outer) ? outer : input;
}
function freeId(doc) {
  let id = uniqueId("api-errors-message-");
  while (doc.getElementById(id)) id = uniqueId("api-errors-message-");
  return id;
}
function keepSame(drawing, scope, field, messages, elements, drawn) {
  const inputs = drawn && markedBy.get(drawn);
  if (!inputs || drawn.getAttribute(DRAWN) !== field || drawn.children.length !== messages.length + 1 || drawn.textContent !== drawing.text.error + " " + messages.join("") || !scope.contains(drawn) || inputs.length !== elements.length || !inputs.every((input, index) => input.getAttribute(MARKED) === drawn.id && elements[index] === input)) return false;
  drawing.stale = drawing.stale.filter((other) => other !== drawn);
  tagDrawn(drawn, field, drawing);
  drawing.drawn.push(drawn);
  return true;
}
function defaultRenderField(field, messages, _error, context) {
  const scope = context && context.scope || pageDocument();
  if (!scope || typeof field !== "string" || !field || !Array.isArray(messages)) return false;
  const drawing = context && drawnFor.get(context);
  let elements = findFieldElements(scope, field);
  if (drawing && scope.nodeType === 9) {
    const holder = drawing.holder = drawing.holder || elements.map(formOf).filter(Boolean)[0];
    elements = elements.filter((element) => !formOf(element) || formOf(element) === holder);
  }
  const last = elements[elements.length - 1];
  if (!last) return false;
  if (drawing && keepSame(drawing, scope, field, messages, elements, rootOf(last).getElementById(last.getAttribute(MARKED) || ""))) return true;
  for (const element of elements) if (element.hasAttribute(MARKED)) clearField(element);
  const doc = documentOf(scope);
  const container = scope.querySelector(attributeSelector("data-api-errors-for", field));
  const slot = container ? null : feedbackSlot(last);
  const replaced = container || slot ? null : serverErrors(elements[0], scope);
  const messageElement = createTextElement(doc, "div", MESSAGE_CLASS);
  const messageId = replaced && replaced.id || freeId(doc);
  messageElement.id = messageId;
  tagDrawn(messageElement, field, drawing);
  if (drawing) drawing.drawn.push(messageElement);
  const prefix = createTextElement(doc, "span", HIDDEN_CLASS, (drawing ? drawing.text : DEFAULT_TEXT).error + " ");
  messageElement.appendChild(prefix);
  for (const message of messages) {
    messageElement.appendChild(createTextElement(doc, "div", "", String(message)));
  }
  if (replaced) {
    replaced.parentNode.replaceChild(messageElement, replaced);
  } else if (slot) {
    const kept = Array.from(slot.childNodes);
    kept.forEach(removeNode);
    pageText.set(messageElement, kept);
    slot.appendChild(messageElement);
  } else if (container) container.appendChild(messageElement);
  else {
    const anchor = placeAfter(last, scope);
    if (anchor.parentNode) anchor.parentNode.insertBefore(messageElement, anchor.nextSibling);
  }
  hideVisually(prefix);
  const fallback = unthemed(messageElement);
  if (fallback) {
    messageElement.style.cssText = "color:" + ERROR_COLOR + ";font-weight:bold";
  }
  for (const element of elements) {
    element.setAttribute("aria-invalid", "true");
    if (element.classList) element.classList.add(INVALID_CLASS);
    const describedBy = describedByWithout(element.getAttribute("aria-describedby"), messageId);
    element.setAttribute("aria-describedby", describedBy ? describedBy + " " + messageId : messageId);
    element.setAttribute(MARKED, messageId);
    const style = element.style;
    if (fallback && style) {
      shadows.set(element, style.boxShadow);
      style.boxShadow = SHADOW;
    }
  }
  markedBy.set(messageElement, elements);
  watchEdits(rootOf(messageElement));
  return true;
}

// src/options.ts
var POSITION = /^(top|bottom)-(start|end|center)$/;
var defaultClearFields = (context) => clearDrawnFor(context);
function isObject(value) {
  return !!value && typeof value === "object";
}
function mergeOptions(base, layer) {
  if (!isObject(layer)) return base;
  const pick = (key, valid) => {
    const value = ownValue(layer, key);
    return valid(value) ? value : base[key];
  };
  const renderer = (key, builtIn) => {
    const value = ownValue(layer, key);
    return value === false ? value : value === true ? builtIn : pick(key, isFunction);
  };
  const toastDuration = ownValue(layer, "toastDuration");
  return {
    toast: renderer("toast", defaultToast),
    renderField: renderer("renderField", defaultRenderField),
    clearFields: renderer("clearFields", defaultClearFields),
    fallbackMessage: pick("fallbackMessage", isText),
    messages: overlayStrings(base.messages, ownValue(layer, "messages")),
    shouldHandle: pick("shouldHandle", isFunction),
    message: pick("message", isFunction),
    fieldLabel: pick("fieldLabel", isFunction),
    summary: pick("summary", isBoolean),
    form: ownValue(layer, "form") || base.form,
    toastDuration: typeof toastDuration === "number" && toastDuration >= 0 ? Math.min(toastDuration, 2147483647) : base.toastDuration,
    stickyWhen: pick("stickyWhen", isFunction),
    position: pick("position", (value) => typeof value === "string" && POSITION.test(value)),
    text: overlayStrings(base.text, ownValue(layer, "text")),
    onSessionExpired: renderer("onSessionExpired", void 0),
    loginUrl: pick("loginUrl", isText),
    retry: pick("retry", isBoolean)
  };
}
var isFunction = (value) => typeof value === "function";
var isBoolean = (value) => typeof value === "boolean";
var DEFAULT_OPTIONS = {
  toast: defaultToast,
  renderField: defaultRenderField,
  clearFields: defaultClearFields,
  fallbackMessage: DEFAULT_FALLBACK_MESSAGE,
  messages: {},
  toastDuration: 5e3,
  position: "top-end",
  text: DEFAULT_TEXT,
  retry: false
};

// src/policies/policy.ts
function drawsToasts(options) {
  return options.toast === defaultToast;
}
function stickyToast(deps, options, text, shown, error, action) {
  return deps.show(options, {
    message: shown && shown !== error.message ? shown : options.messages[error.kind] || text,
    duration: 0,
    key: error.kind,
    action
  });
}
function onScreen(handle) {
  return !!handle && handle.element.isConnected;
}

// src/policies/csrf.ts
function csrfPolicy(deps) {
  let handle = null;
  return {
    fail(error, _context, options, shown) {
      if (error.kind !== "csrf" || !drawsToasts(options)) return false;
      if (onScreen(handle)) return true;
      handle = stickyToast(
        deps,
        options,
        options.text.pageOutOfDate,
        shown,
        error,
        { label: options.text.reload, run: () => deps.doc.location.reload() }
      );
      return true;
    }
  };
}

// src/policies/offline.ts
function offlinePolicy(deps) {
  const view = deps.doc.defaultView;
  let offline = false;
  let banner = null;
  const goOffline = () => {
    offline = true;
    if (!onScreen(banner)) banner = deps.show(deps.base, { message: deps.base.text.offline, duration: 0, key: "OFFLINE" });
  };
  const goOnline = () => {
    offline = false;
    if (banner) banner.close();
    banner = null;
  };
  const onOffline = () => {
    if (drawsToasts(deps.base)) goOffline();
  };
  const listen = (method) => {
    if (view) {
      view[method]("offline", onOffline);
      view[method]("online", goOnline);
    }
  };
  listen("addEventListener");
  return {
    fail(error, _context, options) {
      if (!/^(offline|network)$/.test(error.kind) || !drawsToasts(options) || !offline && (!view || view.navigator.onLine !== false)) return false;
      goOffline();
      return true;
    },
    // A response arrived, so the connection is back even if no `online` event said so.
    succeed: () => {
      if (offline) goOnline();
    },
    stop() {
      listen("removeEventListener");
      goOnline();
    }
  };
}

// src/policies/burst.ts
function isBurstKind(error) {
  return !Object.keys(error.errors).length && !error.formErrors.length && (/^(network|timeout|rate_limited)$/.test(error.kind) || error.status > 499);
}
function burstPolicy() {
  let bursts = [];
  return (error, message) => {
    const key = isBurstKind(error) ? error.kind + error.status + message : "";
    bursts = bursts.filter((burst2) => onScreen(burst2.handle));
    let burst = key ? bursts.find((under) => under.key === key) : void 0;
    if (burst) burst.count += 1;
    else {
      burst = { key, count: 1, handle: null, requests: [] };
      if (key) bursts.push(burst);
    }
    return burst;
  };
}

// src/policies/retry.ts
var RETRIED_KINDS = /^(rate_limited|unavailable|timeout|network)$/;
var IDEMPOTENT = /^(GET|HEAD)$/i;
var CALLBACKS = ["success", "error", "complete"];
var resent = /* @__PURE__ */ new WeakSet();
function retryRequest(error, context, options) {
  const original = context.originalOptions;
  const settings = context.settings;
  if (!options.retry || !original || resent.has(original) || !CALLBACKS.some((name) => original[name]) || !RETRIED_KINDS.test(error.kind) || !IDEMPOTENT.test(settings.type || settings.method)) return null;
  const request = Object.assign({}, original);
  if (!request.url) {
    request.url = settings.url;
    delete request.data;
  }
  return request;
}
function retryAction(jQuery, requests, label, done) {
  let used = false;
  return {
    label,
    run() {
      if (used) return;
      used = true;
      done();
      for (const request of requests) {
        resent.add(request);
        guarded("the retried request", () => jQuery.ajax(request));
      }
    }
  };
}

// src/policies/throttle.ts
var DRF_WAIT2 = / ?Expected available in \d+ seconds?\./;
var withoutWait = (message) => message.replace(DRF_WAIT2, "") || message;
function countdownFor(error, text) {
  const seconds = error.retryAfter;
  const throttled = error.kind === "rate_limited";
  return seconds && seconds > 0 && (throttled || error.kind === "unavailable" || error.status > 501) ? { seconds, text: throttled ? text.rateLimited : text.unavailable, done: text.retryReady } : null;
}

// src/policies/outage.ts
var MAX_RETRIED = 20;
function outagePolicy(deps) {
  const join = burstPolicy();
  return {
    fail(error, context, options, shown = error.message) {
      const request = retryRequest(error, context, options);
      const text = options.text;
      const countdown = countdownFor(error, text);
      if (countdown) shown = withoutWait(shown);
      if (!drawsToasts(options) || !request && !countdown && !isBurstKind(error)) return false;
      const burst = join(error, shown);
      const requests = burst.requests;
      const url = context.settings.url;
      if (request && requests.length < MAX_RETRIED && !requests.some(([sentTo, sent]) => sentTo === url && CALLBACKS.every((name) => sent[name] === request[name]))) {
        requests.push([url, request]);
      }
      const spec = failureToast(burst.count > 1 ? fill(text.burst, burst.count, shown) : shown, shown, error, context, options, text);
      const action = requests.length ? retryAction(deps.jQuery, requests.map((entry) => entry[1]), text.retry, () => handle && handle.close()) : void 0;
      if (action) spec.duration = 0;
      if (countdown) {
        spec.countdown = countdown;
        countdown.action = action;
        if (spec.duration) spec.duration += countdown.seconds * 1e3;
      } else spec.action = action;
      if (burst.handle) burst.handle.update(spec);
      else burst.handle = deps.show(options, spec);
      const handle = burst.handle;
      return true;
    }
  };
}

// src/policies/session.ts
function sessionPolicy(deps) {
  let told = false;
  let handle = null;
  return {
    fail(error, context, options, shown) {
      const handler = options.onSessionExpired;
      if (error.kind !== "session_expired" || handler === false || !handler && !drawsToasts(options)) return false;
      if (told) return true;
      told = true;
      if (handler) {
        guarded("onSessionExpired", () => handler(error, context));
        return true;
      }
      handle = stickyToast(
        deps,
        options,
        options.text.sessionExpired,
        shown,
        error,
        { label: options.text.signIn, href: options.loginUrl || (deps.doc.location ? deps.doc.location.href.split("#")[0] : "") }
      );
      return true;
    },
    succeed() {
      told = false;
      if (handle) handle.close();
      handle = null;
    }
  };
}

// src/policies/index.ts
function createPolicies(doc, jQuery, base) {
  const deps = { doc, jQuery, base, show: (options, spec) => showToast(doc, spec, options) };
  const policies = [offlinePolicy(deps), sessionPolicy(deps), csrfPolicy(deps), outagePolicy(deps)];
  return {
    decide(error, context, options, message) {
      for (const policy of policies) if (policy.fail(error, context, options, message)) return true;
      return false;
    },
    succeed() {
      for (const policy of policies) if (policy.succeed) policy.succeed();
    },
    stop() {
      for (const policy of policies) if (policy.stop) policy.stop();
    }
  };
}

// src/install.ts
function pageGlobal(name) {
  const page2 = typeof window !== "undefined" ? window : void 0;
  const global = typeof globalThis !== "undefined" ? globalThis : void 0;
  return page2 && page2[name] || global && global[name];
}
function documentOf2(jQuery) {
  const html = jQuery("html")[0];
  if (html && html.ownerDocument) return html.ownerDocument;
  return pageDocument();
}
var NOT_INSTALLED = { uninstall() {
} };
function backboneOf(request) {
  const carried = request.settings[REQUEST_KEY] || request.originalOptions && request.originalOptions[REQUEST_KEY];
  return carried instanceof BackboneRequest ? carried : void 0;
}
function createInstallation(jQuery, Backbone, doc, base) {
  const leaving = watchPageLeave(doc.defaultView);
  watchSubmits(doc);
  const policies = createPolicies(doc, jQuery, base);
  let unwrapBackbone = null;
  const detachers = [];
  let stopLooking = () => {
  };
  const contextFor = (request, options) => {
    const settings = request.settings;
    const named = namedForm(options, doc);
    const form = named || request.submitted || null;
    const scope = scopeFor(options, settings, doc);
    const fromData = request.failed && scope === doc && !form ? dataForm(jQuery, doc, request.data) : null;
    const context = makeContext(request.jqXHR, settings, scope === doc ? form || fromData || doc : scope, backboneOf(request));
    context.originalOptions = request.originalOptions;
    drawnFor.set(context, {
      key: requestKey(settings, request.url),
      form,
      named: !!named,
      focused: request.focused,
      text: options.text,
      drawn: [],
      stale: [],
      failed: request.failed
    });
    return context;
  };
  const installation = {
    onFailure(request) {
      const options = mergeOptions(base, request.settings.apiErrors);
      const shouldHandle = options.shouldHandle;
      if (shouldHandle && !guarded("shouldHandle", () => shouldHandle(request.jqXHR, request.settings) !== false, true)) return;
      const error = errorFor(request.jqXHR, request.textStatus, options, doc);
      handleFailure(error, contextFor(request, options), options, jQuery, policies);
    },
    // A later success in the same scope clears the field errors drawn there. The built-in
    // clearing has nothing to do while no field message or summary is on the page, nor for a
    // request that names no form and drew none of them (a poll beside a refused form).
    onSuccess(request) {
      const options = mergeOptions(base, request.settings.apiErrors);
      const clearFields = options.clearFields;
      const settings = request.settings;
      const keys = drawnState.keys;
      guarded("the plugin", policies.succeed);
      if (clearFields && (clearFields !== DEFAULT_OPTIONS.clearFields || !keys || keys.size && (namedForm(options, doc) || keys.has(requestKey(settings, request.url))))) {
        guarded("clearFields", () => clearFields(contextFor(request, options)));
      }
    },
    isLeavingPage: leaving.isLeaving,
    uninstall() {
      for (const detach of detachers.splice(0)) detach();
      if (unwrapBackbone) unwrapBackbone();
      unwrapBackbone = null;
      stopLooking();
      leaving.stop();
      policies.stop();
    }
  };
  detachers.push(attachJQuery(jQuery, installation));
  const settleUntracked = (request, jqXHR, failed, textStatus) => {
    const settings = request.options;
    if (isTracked(jqXHR) || optsOut(settings, settings, jQuery)) return;
    settle(
      { settings, originalOptions: settings, jqXHR, failed, textStatus: String(textStatus || "error"), data: settings.data },
      currentListener(jQuery) === installation ? installation : null
    );
  };
  const wrapBackbone = (backbone) => {
    if (unwrapBackbone || !backbone || typeof backbone.sync !== "function" || currentListener(jQuery) !== installation) return;
    const own = backbone.$;
    if (own && own !== jQuery && typeof own.ajaxPrefilter === "function") detachers.push(attachJQuery(own, installation));
    unwrapBackbone = wrapBackboneSync(backbone, {
      errorFor: (jqXHR, textStatus, perRequest) => errorFor(jqXHR, textStatus, mergeOptions(base, perRequest), doc),
      onUntrackedFailure(request, jqXHR, textStatus) {
        if (jqXHR && typeof jqXHR === "object") settleUntracked(request, jqXHR, true, textStatus);
      },
      onUntrackedSuccess: (request, jqXHR) => settleUntracked(request, jqXHR || {}, false)
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
      throw new Error("jQuery was not found: load it first or pass { jQuery }");
    }
    const doc = documentOf2(jQuery);
    if (!doc) throw new Error("no document: jQuery is not bound to a window");
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
