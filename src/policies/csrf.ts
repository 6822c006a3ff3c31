// CSRF failures: the page's token is stale, so the one fix is a reload. One toast with a
// "Reload" button, never two at a time; once the person closed it, the next failure shows it again.

import type { ToastHandle } from '../render/toast';
import { drawsToasts, onScreen, stickyToast, type Policy, type PolicyDeps } from './policy';

export function csrfPolicy(deps: PolicyDeps): Policy {
  let handle: ToastHandle | null = null;
  return {
    fail(error, _context, options, shown) {
      if (error.kind !== 'csrf' || !drawsToasts(options)) return false;
      if (onScreen(handle)) return true;
      handle = stickyToast(deps, options, options.text.pageOutOfDate, shown, error,
        { label: options.text.reload, run: () => deps.doc.location.reload() });
      return true;
    },
  };
}
