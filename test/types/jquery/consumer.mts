// A TypeScript page with @types/jquery and @types/backbone installed: `apiErrors` on $.ajax,
// $.ajaxSetup, $.post and a class-based Backbone.Model's save/fetch/destroy, and a typed jqXHR
// and settings in the renderers, all without a cast. Compiled by test/package.test.ts, never run.

import $ from 'jquery';
import Backbone from 'backbone';
import { installApiErrors } from 'jquery-api-errors';
import type { ApiErrorContext, ApiErrorsOptions, RequestApiErrorsOptions } from 'jquery-api-errors';

/** True only when X and Y are the same type (not merely assignable). */
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
function expectType<T extends true>(_proof?: T): void {}

// With @types/jquery, the context and shouldHandle see jQuery's own types.
expectType<Equal<ApiErrorContext['jqXHR'], JQuery.jqXHR>>();
expectType<Equal<ApiErrorContext['settings'], JQuery.AjaxSettings>>();
expectType<Equal<NonNullable<JQuery.AjaxSettings['apiErrors']>, RequestApiErrorsOptions | false>>();

const options: ApiErrorsOptions = {
  shouldHandle: (jqXHR, settings) => jqXHR.status !== 401 && settings.url !== '/api/ping/',
  toast: (message, error, context) => {
    const requestId: string | null = context.jqXHR.getResponseHeader('X-Request-ID');
    const method: string | undefined = context.settings.method;
    console.log(message, error.retryAfter, requestId, method);
  },
  jQuery: $,
  Backbone,
};
installApiErrors(options);

// Per request on $.ajax, page-wide with $.ajaxSetup, and on $.post's settings form.
$.ajax({ url: '/api/signup/', method: 'POST', apiErrors: { form: '#f' } });
$.ajax('/api/poll/', { apiErrors: false });
$.ajaxSetup({ apiErrors: { toast: false, messages: { 503: 'Down for maintenance.' } } });
$.post({ url: '/api/signup/', data: $('#f').serialize(), apiErrors: { form: $('#f') } });
$.getJSON('/api/orders/').fail((jqXHR) => console.log(jqXHR.status));

// @ts-expect-error: fallbackMessage is a string, also per request.
$.ajax({ url: '/api/signup/', apiErrors: { fallbackMessage: 42 } });
// @ts-expect-error: apiErrors is an options object or false.
$.ajax({ url: '/api/signup/', apiErrors: true });

// A class-based Backbone model and collection.
interface SignupAttributes {
  email: string;
  password: string;
}
class Signup extends Backbone.Model<SignupAttributes> {
  override urlRoot = '/api/signup/';
}
class Signups extends Backbone.Collection<Signup> {
  override url = '/api/signup/';
}
const signup = new Signup();
signup.save({ email: 'ada@example.com' }, { wait: true, apiErrors: { form: document.forms[0] } });
signup.fetch({ apiErrors: false });
signup.destroy({ wait: true, apiErrors: { messages: { 404: 'Already gone.' } } });
new Signups().fetch({ reset: true, apiErrors: { toast: false } });
// @ts-expect-error: jQuery is an install option, not a per-request one.
signup.save(null, { apiErrors: { jQuery: $ } });
