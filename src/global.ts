// The script-tag entry: puts the public API on window.ApiErrors, and installs with the defaults
// when the tag carries data-auto-install (a legacy page then needs no code at all); the tag's
// data-position places the toasts.

import * as api from './index';
import { isInstalled } from './install';

interface PageWindow {
  ApiErrors?: unknown;
  jQuery?: unknown;
}

function autoInstall(page: PageWindow, doc: Document): void {
  const script = doc.currentScript;
  if (!script || !script.hasAttribute('data-auto-install')) return;
  // No data-position (null) or an unknown one leaves the default position.
  const options = { position: script.getAttribute('data-position') } as api.ApiErrorsOptions;
  if (page.jQuery) {
    api.installApiErrors(options);
    return;
  }
  // The tag came before jQuery (or jQuery is deferred): try again once the page has loaded.
  const onReady = (): void => {
    doc.removeEventListener('DOMContentLoaded', onReady);
    // A page that installed by itself meanwhile keeps its own installation.
    if (!isInstalled(page.jQuery)) api.installApiErrors(options);
  };
  doc.addEventListener('DOMContentLoaded', onReady);
}

if (typeof window !== 'undefined') {
  const page = window as unknown as PageWindow;
  page.ApiErrors = {
    installApiErrors: api.installApiErrors,
    parseApiError: api.parseApiError,
    markHandled: api.markHandled,
    defaultToast: api.defaultToast,
    defaultRenderField: api.defaultRenderField,
    clearFieldErrors: api.clearFieldErrors,
    version: api.version,
  };
  if (typeof document !== 'undefined') autoInstall(page, document);
}
