// Reads a page the way a person meets it: the toasts on screen, how an input presents itself to
// assistive technology, where the keyboard focus is. Shared by the Chromium suites via harness.mjs.

/** Clicks a button and returns the response of the request whose URL contains `urlPart`. */
export async function clickFor(page, selector, urlPart) {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().includes(urlPart)),
    page.click(selector),
  ]);
  return response;
}

/** Every toast on screen, as text. */
export function readToasts(page) {
  return page.$$eval('.api-errors-toast', (toasts) =>
    toasts.map((toast) => {
      const text = (selector) => {
        const element = toast.querySelector(selector);
        return element ? element.textContent : null;
      };
      return {
        role: toast.getAttribute('role'),
        message: text('.api-errors-toast-message'),
        details: Array.from(toast.querySelectorAll('.api-errors-toast-details > li'), (li) => li.textContent),
        reference: text('.api-errors-toast-reference'),
        closeLabel: toast.querySelector('button.api-errors-toast-close')?.getAttribute('aria-label') ?? null,
      };
    }),
  );
}

/** Waits until `count` toasts are on screen and returns them. */
export async function waitForToasts(page, count = 1) {
  await page.waitForFunction((n) => document.querySelectorAll('.api-errors-toast').length === n, count);
  return readToasts(page);
}

/** How an input looks to assistive technology: invalid or not, and its description. */
export function readField(page, selector) {
  return page.$eval(selector, (input) => {
    const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return {
      ariaInvalid: input.getAttribute('aria-invalid'),
      isInvalid: input.classList.contains('is-invalid'),
      describedBy: ids.map((id) => {
        const element = document.getElementById(id);
        return element ? element.textContent : null;
      }),
    };
  });
}

/** Selectors of the inputs marked invalid, in document order. */
export function invalidFields(page) {
  return page.$$eval('[aria-invalid="true"]', (inputs) => inputs.map((input) => '#' + input.id));
}

/**
 * Starts recording the plugin's `api:error` events on the page (code, status, message), read
 * back with readApiErrors. Only listens: the page's behaviour is unchanged.
 */
export function recordApiErrors(page) {
  return page.evaluate(() => {
    window.__apiErrorEvents = [];
    window.jQuery(document).on('api:error', (event, error) => {
      window.__apiErrorEvents.push({ code: error.code, status: error.status, message: error.message });
    });
  });
}

export function readApiErrors(page) {
  return page.evaluate(() => window.__apiErrorEvents);
}

/** The id of the focused element. */
export function focusedId(page) {
  return page.evaluate(() => (document.activeElement ? document.activeElement.id : null));
}
