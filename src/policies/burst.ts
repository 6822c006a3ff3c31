// Bursts of one outage: failures of the same code and status less than 2 s apart (network,
// timeout, 5xx, 429) are one toast with a count, updated in place. A failure with field or form
// errors belongs to its own form and is never part of a burst.

import type { ToastHandle } from '../render/toast';
import type { AjaxSettings, ApiError } from '../types';
import { onScreen } from './policy';

export const BURST_MS = 2000;

/** One burst: how many failures, when the last came, its toast, and the reads "Try again" re-sends. */
export interface Burst {
  count: number;
  at: number;
  handle: ToastHandle | null;
  requests: AjaxSettings[];
}

export function isBurstKind(error: ApiError): boolean {
  if (Object.keys(error.errors).length || error.formErrors.length) return false;
  const code = error.code;
  return code === 'NETWORK_ERROR' || code === 'TIMEOUT' || code === 'RATE_LIMITED' || error.status >= 500;
}

export function burstPolicy(now: () => number): { join(error: ApiError): Burst } {
  let bursts: Record<string, Burst> = {};
  return {
    /** The burst this failure belongs to, counted in; a new one when none is under way. */
    join(error) {
      const at = now();
      const fresh: Burst = { count: 1, at, handle: null, requests: [] };
      if (!isBurstKind(error)) return fresh;
      const key = error.code + ' ' + error.status;
      const current = bursts[key];
      if (current && at - current.at < BURST_MS && onScreen(current.handle)) {
        current.count += 1;
        current.at = at;
        return current;
      }
      // Only bursts still under way are kept: the map never outgrows the kinds failing right now.
      const kept: Record<string, Burst> = {};
      for (const other of Object.keys(bursts)) {
        const burst = bursts[other] as Burst;
        if (at - burst.at < BURST_MS) kept[other] = burst;
      }
      kept[key] = fresh;
      bursts = kept;
      return fresh;
    },
  };
}
