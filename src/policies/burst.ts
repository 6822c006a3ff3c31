// Bursts of one outage: failures of the same code and status less than 2 s apart (network,
// timeout, 5xx, 429) are one toast with a count, updated in place. A failure with field or form
// errors belongs to its own form and is never part of a burst.

import type { ToastHandle } from '../render/toast';
import type { AjaxSettings, ApiError } from '../types';
import { onScreen } from './policy';

export const BURST_MS = 2000;

/** One burst: its kind, count, last failure, toast, and the reads "Try again" re-sends by URL. */
export interface Burst {
  kind: string;
  count: number;
  at: number;
  handle: ToastHandle | null;
  requests: Record<string, AjaxSettings>;
  timer?: ReturnType<typeof setTimeout>;
}

export function isBurstKind(error: ApiError): boolean {
  return !Object.keys(error.errors).length && !error.formErrors.length
    && (/^(network|timeout|rate_limited)$/.test(error.kind) || error.status > 499);
}

/** Returns `join`: the burst a failure belongs to, counted in; a new one when none is under way. */
export function burstPolicy(now: () => number): (error: ApiError) => Burst {
  let bursts: Burst[] = [];
  return (error) => {
    const at = now();
    const kind = isBurstKind(error) ? error.kind + error.status : '';
    // Only bursts still under way are kept: the list never outgrows the kinds failing right now.
    bursts = bursts.filter((burst) => at - burst.at < BURST_MS && onScreen(burst.handle));
    let burst = kind ? bursts.filter((under) => under.kind === kind)[0] : undefined;
    if (burst) {
      burst.count += 1;
      burst.at = at;
    } else {
      burst = { kind, count: 1, at, handle: null, requests: {} };
      if (kind) bursts.push(burst);
    }
    return burst;
  };
}
