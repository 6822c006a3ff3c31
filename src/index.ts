// The public contract of jquery-api-errors: re-exports only.

export { installApiErrors } from './install';
export { parseApiError } from './parse/index';
export { markHandled } from './adapters/request';
export { defaultToast } from './render/toast';
export { defaultRenderField } from './render/fields';
export { clearFieldErrors } from './render/marks';
export { version } from './version';
export type {
  ApiError,
  ApiErrorFormat,
  ApiErrorKind,
  ApiErrorContext,
  ApiErrorsOptions,
  ApiErrorsInstallation,
  RequestApiErrorsOptions,
  ToastRenderer,
  FieldRenderer,
  FieldClearer,
  XhrLike,
  ApiErrorsText,
  SessionExpiredHandler,
  ToastPosition,
  ParseOptions,
} from './types';
