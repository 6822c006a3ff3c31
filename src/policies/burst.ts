// Repeats of one outage: failures of the same kind, status and message (network, timeout, 5xx,
// 429) while that outage's toast is on screen are counted on it, however far apart. A failure
// with field or form errors belongs to its own form and is never part of a burst.

import type { ToastHandle } from '../render/toast';
import type { AjaxSettings, ApiError } from '../types';
import { onScreen } from './policy';

/**
 * One burst: what its failures share, how many there were, its toast, and the reads "Try again"
 * sends again, each with the URL it was sent to.
 */
export interface Burst {
  key: string;
  count: number;
  handle: ToastHandle | null;
  requests: Array<[string, AjaxSettings]>;
}

export function isBurstKind(error: ApiError): boolean {
  return !Object.keys(error.errors).length && !error.formErrors.length
    && (/^(network|timeout|rate_limited)$/.test(error.kind) || error.status > 499);
}

/**
 * Returns `join`: the burst a failure (shown with `message`) belongs to, counted in; a new one
 * when no toast of the same failure is on screen. Once its toast is gone (closed, timed out,
 * pushed off, or taken away with the page's body) the same failure is news again.
 */
export function burstPolicy(): (error: ApiError, message: string) => Burst {
  let bursts: Burst[] = [];
  return (error, message) => {
    const key = isBurstKind(error) ? error.kind + error.status + message : '';
    // Only bursts still on screen are kept: the list never outgrows the toasts shown.
    bursts = bursts.filter((burst) => onScreen(burst.handle));
    let burst = key ? bursts.find((under) => under.key === key) : undefined;
    if (burst) burst.count += 1;
    else {
      burst = { key, count: 1, handle: null, requests: [] };
      if (key) bursts.push(burst);
    }
    return burst;
  };
}
