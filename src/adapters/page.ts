// Knows whether the page is being left. Browsers cancel in-flight requests then (status 0,
// textStatus "error"), and a toast about that on a page the user is leaving helps nobody.

/** Firefox cancels requests as navigation starts, right after beforeunload; it may be cancelled
 * by the user, so that signal only counts for a short while. Chrome cancels them at pagehide. */
const BEFOREUNLOAD_GRACE_MS = 2000;

export interface PageLeaveWatch {
  isLeaving(): boolean;
  stop(): void;
}

export function watchPageLeave(view: Window | null): PageLeaveWatch {
  let leavingUntil = 0;
  let hidden = false;
  const listeners: Record<string, () => void> = {
    beforeunload: () => {
      leavingUntil = Date.now() + BEFOREUNLOAD_GRACE_MS;
    },
    pagehide: () => {
      hidden = true;
    },
    pageshow: () => {
      hidden = false;
      leavingUntil = 0;
    },
  };
  const each = (method: 'addEventListener' | 'removeEventListener'): void => {
    if (view && typeof view[method] === 'function') for (const type in listeners) view[method](type, listeners[type]!);
  };
  each('addEventListener');
  return {
    isLeaving: () => hidden || Date.now() < leavingUntil,
    stop: () => each('removeEventListener'),
  };
}
