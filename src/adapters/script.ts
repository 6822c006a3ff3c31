// jQuery 1.x loads a cross-domain script or JSONP with a <script> that has no error handler: a
// 404 or a closed port never ends the request, and the page is told nothing. There, a transport
// of the plugin's own loads it as jQuery 2 to 4 do, and a failure ends it as there (404 "error").

import { removeNode } from '../render/dom';
import type { AjaxSettings, JQueryLike } from '../types';

/** Registers the transport on jQuery 1.x; `handles` says whether the plugin follows a request. */
export function scriptTransport(jQuery: JQueryLike, handles: (settings: AjaxSettings, original: AjaxSettings) => boolean): void {
  if (/^1\./.test(jQuery.fn.jquery)) {
    jQuery.ajaxTransport('+script', (settings: AjaxSettings, original: AjaxSettings) => {
      let script: HTMLScriptElement | undefined;
      const abort = (): void => {
        if (script) removeNode(script);
        script = undefined;
      };
      return settings.crossDomain && handles(settings, original)
        ? {
            send(_headers: unknown, complete: (status: number, text: string) => void) {
              const head = jQuery('head')[0] as Element;
              const loading = (script = head.ownerDocument.createElement('script'));
              loading.src = settings.url;
              loading.onload = loading.onerror = (event) => {
                // Aborted already: jQuery has ended the request.
                if (script) complete((event as Event).type === 'error' ? 404 : 200, (event as Event).type);
                abort();
              };
              head.appendChild(loading);
            },
            abort,
          }
        : undefined;
    });
  }
}
