// A form submitted as a person submits it: its `submit` event, with a page handler that sends the
// request the way legacy pages do (`$.ajax` with `$(this).serialize()`) and cancels the navigation.
import { settled, type TestPage } from './page.ts';

/**
 * Dispatches `submit` on the form; its one-time jQuery handler sends `settings` (POST to `url`
 * with the form's serialized data unless `settings` says otherwise). Resolves once settled,
 * with the jqXHR wrapped.
 */
export async function submitForm(p: TestPage, selector: string, url: string, settings: Record<string, unknown> = {}): Promise<{ jqXHR: any }> {
  let jqXHR: any;
  p.$(selector).one('submit', function (this: HTMLFormElement, event: any) {
    event.preventDefault();
    jqXHR = p.$.ajax({ url, type: 'POST', data: p.$(this).serialize(), ...settings });
  });
  const form = p.document.querySelector(selector);
  if (!form) throw new Error('no form ' + selector);
  form.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
  await settled(p, jqXHR);
  // Wrapped: a jqXHR is a thenable, and returned bare its failure would be adopted.
  return { jqXHR };
}
