// jQuery 1.x loads a cross-domain script or JSONP with a <script> that has no error handler: a
// 404 or a closed port never ends the request, and the page is told nothing. There, a transport
// of the plugin's own loads it as jQuery 2 to 4 do, and a failure ends it as there (404 "error").

import type { AjaxSettings, JQueryLike } from '../types';

/** Registers the transport on jQuery 1.x; `handles` says whether the plugin follows a request. */
export function scriptTransport(jQuery: JQueryLike, handles: (settings: AjaxSettings, original: AjaxSettings) => boolean): void {
  if (/^1\./.test(jQuery.fn.jquery)) {
    jQuery.ajaxTransport('+script', (settings: AjaxSettings, original: AjaxSettings) => {
      if (!settings.crossDomain || !handles(settings, original)) return undefined;
      const head = jQuery('head')[0] as Element;
      const script = head.ownerDocument.createElement('script');
      const abort = (): void => {
        script.onload = script.onerror = null;
        if (script.parentNode) head.removeChild(script);
      };
      return {
        send(_headers: unknown, complete: (status: number, text: string) => void) {
          script.src = settings.url;
          script.onload = script.onerror = (event) => {
            abort();
            complete((event as Event).type === 'error' ? 404 : 200, (event as Event).type);
          };
          head.appendChild(script);
        },
        abort,
      };
    });
  }
}
