// Offline: while the browser is offline one banner says so, from the window's `offline` event
// (or a network failure while navigator.onLine is false) until its `online` event, and the
// network failures of that time add no toasts of their own beside it. Closed by the person or
// taken away with the page's body, the banner comes back with the next failure: a save that is
// lost is never silent.

import type { ToastHandle } from '../render/toast';
import { drawsToasts, onScreen, type Policy, type PolicyDeps } from './policy';

export function offlinePolicy(deps: PolicyDeps): Policy {
  const view = deps.doc.defaultView;
  let offline = false;
  let banner: ToastHandle | null = null;
  const goOffline = (): void => {
    offline = true;
    if (!onScreen(banner)) banner = deps.show(deps.base, { message: deps.base.text.offline, duration: 0, key: 'OFFLINE' });
  };
  const goOnline = (): void => {
    offline = false;
    if (banner) banner.close();
    banner = null;
  };
  const onOffline = (): void => {
    if (drawsToasts(deps.base)) goOffline();
  };
  const listen = (method: 'addEventListener' | 'removeEventListener'): void => {
    if (view) {
      view[method]('offline', onOffline);
      view[method]('online', goOnline);
    }
  };
  listen('addEventListener');
  return {
    fail(error, _context, options) {
      if (!/^(offline|network)$/.test(error.kind) || !drawsToasts(options)
        || (!offline && (!view || view.navigator.onLine !== false))) return false;
      goOffline();
      return true;
    },
    // A response arrived, so the connection is back even if no `online` event said so.
    succeed: () => {
      if (offline) goOnline();
    },
    stop() {
      listen('removeEventListener');
      goOnline();
    },
  };
}
