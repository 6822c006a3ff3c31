// Session expiry: one "Your session has expired." toast (or one call of onSessionExpired) however
// many requests fail of the kind `session_expired`, until a request succeeds again.

import { guarded } from '../pipeline';
import type { ToastHandle } from '../render/toast';
import { drawsToasts, stickyToast, type Policy, type PolicyDeps } from './policy';

export function sessionPolicy(deps: PolicyDeps): Policy {
  let told = false;
  let handle: ToastHandle | null = null;
  return {
    fail(error, context, options, shown) {
      const handler = options.onSessionExpired;
      if (error.kind !== 'session_expired' || handler === false || (!handler && !drawsToasts(options))) return false;
      if (told) return true;
      told = true;
      if (handler) {
        guarded('onSessionExpired', () => handler(error, context));
        return true;
      }
      // Loading the page again sends Django's login redirect, and brings the person back here
      // after. Without its #hash: a link to the page's own fragment would load nothing.
      handle = stickyToast(deps, options, options.text.sessionExpired, shown, error,
        { label: options.text.signIn, href: options.loginUrl || (deps.doc.location ? deps.doc.location.href.split('#')[0] : '') });
      return true;
    },
    succeed() {
      // Signed in again (in another tab, say): the toast is no longer true.
      told = false;
      if (handle) handle.close();
      handle = null;
    },
  };
}
