// The failure policies of one installation, in the order they are asked: offline, session
// expiry, CSRF, then outages (bursts, Retry-After countdowns, "Try again"). The first that takes
// a failure over decides how it is shown; the pipeline skips the default toast then.

import type { ResolvedOptions } from '../options';
import type { FailurePolicies } from '../pipeline';
import { showToast } from '../render/toast';
import type { JQueryLike } from '../types';
import { csrfPolicy } from './csrf';
import { offlinePolicy } from './offline';
import { outagePolicy } from './outage';
import type { PolicyDeps } from './policy';
import { sessionPolicy } from './session';

export function createPolicies(doc: Document, jQuery: JQueryLike, base: ResolvedOptions): FailurePolicies & { stop(): void } {
  const deps: PolicyDeps = { doc, jQuery, base, show: (options, spec) => showToast(doc, spec, options) };
  const policies = [offlinePolicy(deps), sessionPolicy(deps), csrfPolicy(deps), outagePolicy(deps)];
  return {
    decide(error, context, options, message) {
      for (const policy of policies) if (policy.fail(error, context, options, message)) return true;
      return false;
    },
    succeed() {
      for (const policy of policies) if (policy.succeed) policy.succeed();
    },
    stop() {
      for (const policy of policies) if (policy.stop) policy.stop();
    },
  };
}
