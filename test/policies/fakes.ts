// Stand-ins for the policy unit tests: an ApiError built by hand, and a `show` that records each
// toast spec and hands back a handle the test can inspect and close.
import { DEFAULT_OPTIONS, mergeOptions, type ResolvedOptions } from '../../src/options.ts';
import type { PolicyDeps } from '../../src/policies/policy.ts';
import type { ToastHandle, ToastSpec } from '../../src/render/toast.ts';
import { kindByStatus, kindNamed } from '../../src/parse/kinds.ts';
import type { ApiError, ApiErrorContext } from '../../src/types.ts';

/** An ApiError; its kind, when not given, is the one the parser gives its derived code or status. */
export function apiError(fields: Partial<ApiError> = {}): ApiError {
  const error: ApiError = {
    message: 'Request failed.', code: 'UNKNOWN_ERROR', status: 500, errors: {}, formErrors: [],
    correlationId: null, timestamp: null, format: 'none', raw: null, retryAfter: null, ...fields,
    kind: 'server',
  };
  error.kind = fields.kind ?? kindNamed(error.code) ?? kindByStatus(error.status);
  return error;
}

/** The page's own callback of a read: a request sent again can update the page through it. */
export const render = (): void => {};

export function context(fields: Partial<ApiErrorContext> = {}): ApiErrorContext {
  const settings = { url: '/items', type: 'GET' };
  return { jqXHR: {}, settings, originalOptions: { url: '/items', success: render }, scope: {} as Document, unrendered: {}, ...fields };
}

export const options = (layer: Record<string, unknown> = {}): ResolvedOptions => mergeOptions(DEFAULT_OPTIONS, layer);

export interface FakeToast extends ToastHandle {
  spec: ToastSpec;
  updates: number;
  closed: boolean;
}

export interface Fakes {
  deps: PolicyDeps;
  /** Every toast shown, in order. */
  shown: FakeToast[];
  /** What is still on screen: shown and not closed. */
  onScreen(): FakeToast[];
  sent: unknown[];
}

export function fakes(fields: Partial<PolicyDeps> = {}): Fakes {
  const shown: FakeToast[] = [];
  const sent: unknown[] = [];
  const deps: PolicyDeps = {
    doc: { location: { href: 'https://shop.example/orders/' }, defaultView: null } as unknown as Document,
    jQuery: { ajax: (request: unknown) => sent.push(request) },
    base: DEFAULT_OPTIONS,
    show(_options, spec) {
      const element = { isConnected: true } as unknown as HTMLElement;
      const toast: FakeToast = {
        spec: { ...spec }, updates: 0, closed: false, element,
        update(partial) {
          toast.spec = { ...toast.spec, ...partial };
          toast.updates += 1;
        },
        close() {
          toast.closed = true;
          (element as unknown as { isConnected: boolean }).isConnected = false;
        },
      };
      shown.push(toast);
      return toast;
    },
    ...fields,
  };
  return { deps, shown, sent, onScreen: () => shown.filter((toast) => !toast.closed) };
}
