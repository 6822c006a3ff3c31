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
  const onBeforeUnload = (): void => {
    leavingUntil = Date.now() + BEFOREUNLOAD_GRACE_MS;
  };
  const onPageHide = (): void => {
    hidden = true;
  };
  const onPageShow = (): void => {
    hidden = false;
    leavingUntil = 0;
  };
  if (view && typeof view.addEventListener === 'function') {
    view.addEventListener('beforeunload', onBeforeUnload);
    view.addEventListener('pagehide', onPageHide);
    view.addEventListener('pageshow', onPageShow);
  }
  return {
    isLeaving: () => hidden || Date.now() < leavingUntil,
    stop() {
      if (view && typeof view.removeEventListener === 'function') {
        view.removeEventListener('beforeunload', onBeforeUnload);
        view.removeEventListener('pagehide', onPageHide);
        view.removeEventListener('pageshow', onPageShow);
      }
    },
  };
}
