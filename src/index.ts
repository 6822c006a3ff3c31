// The public contract of jquery-api-errors, in the order of SPEC.md. Re-exports only.

export { installApiErrors } from './install';
export { parseApiError } from './parse/index';
export { markHandled } from './adapters/request';
export { defaultToast } from './render/toast';
export { defaultRenderField, clearFieldErrors } from './render/fields';
export { version } from './version';
export type {
  ApiError,
  ApiErrorFormat,
  ApiErrorContext,
  ApiErrorsOptions,
  ApiErrorsInstallation,
  RequestApiErrorsOptions,
  ToastRenderer,
  FieldRenderer,
  FieldClearer,
  XhrLike,
  ToastPosition,
  ParseOptions,
} from './types';
export type { ApiErrorsText } from './text';
