// What every failure policy is: a small object with its own state that may take a failure over
// from the default toast, hears of successes, and lets go of timers and listeners on uninstall.

import type { ResolvedOptions } from '../options';
import { defaultToast, type ToastHandle, type ToastSpec } from '../render/toast';
import type { ApiError, ApiErrorContext, JQueryLike } from '../types';

export interface Policy {
  /** True when this policy took the failure: the default toast is then skipped. */
  fail(error: ApiError, context: ApiErrorContext, options: ResolvedOptions, message?: string): boolean;
  succeed?(): void;
  stop?(): void;
}

/** What a policy may use: the page, its jQuery, and a way to show a toast. */
export interface PolicyDeps {
  doc: Document;
  jQuery: JQueryLike;
  show(options: ResolvedOptions, spec: ToastSpec): ToastHandle | null;
  /** The install options (the offline banner answers window events, outside any request). */
  base: ResolvedOptions;
}

/**
 * The policies draw their own toasts only in place of the built-in one: a page with its own
 * `toast` gets every failure as before, `error.kind` saying its kind.
 */
export function drawsToasts(options: ResolvedOptions): boolean {
  return options.toast === defaultToast;
}

/**
 * A toast that stays until dismissed, keyed by the failure's kind: the page's `message` hook's
 * text when it replaced the error's, else the page's `messages` for the kind, else ours. Not by
 * the server's code: DRF's PERMISSION_DENIED is a CSRF failure as well as a missing permission.
 */
export function stickyToast(deps: PolicyDeps, options: ResolvedOptions, text: string, shown: string | undefined, error: ApiError, action: ToastSpec['action']): ToastHandle | null {
  return deps.show(options, {
    message: shown && shown !== error.message ? shown : options.messages[error.kind] || text,
    duration: 0,
    key: error.kind,
    action,
  });
}

/** Whether a toast is on the page: not closed, and not taken away with a replaced body. */
export function onScreen(handle: ToastHandle | null | undefined): handle is ToastHandle {
  return !!handle && handle.element.isConnected;
}
