// The Backbone page: a view whose model saves to the API, and the plugin installed with the
// page's own renderers. They draw with textContent only (server text is never markup) and hand
// what they do not draw themselves to the built-in renderers.
(function ($, Backbone, ApiErrors) {
  'use strict';

  var MAX_NOTICES = 3;
  var flakyCount = 0;
  var EXAMPLES = {
    invalid: { email: 'grace.example.com', password: 'short', street: '', city: 'Arlington', sku: 'A-100', qty: '0' },
    valid: { email: 'grace@example.com', password: 'correct horse', street: '1 Navy Way', city: 'Arlington', sku: 'A-100', qty: '2' }
  };

  var Signup = Backbone.Model.extend({ urlRoot: '/api/signup' });

  var SignupView = Backbone.View.extend({
    el: '#profile',

    events: {
      'submit': 'onSubmit',
      'click #bb-400': 'saveInvalid',
      'click #bb-valid': 'saveValid',
      'click #bb-401': 'fetchScenario',
      'click #bb-500': 'fetchScenario',
      'click #bb-xss': 'fetchScenario',
      'click #bb-builtin': 'fetchWithBuiltInToast',
      'click [data-flaky]': 'sendFlaky',
      'click #bb-dismiss': 'hideStatus',
      'input [data-slot-input]': 'onEdit'
    },

    initialize: function () {
      this.listenTo(this.model, 'api:error', this.showReference);
      this.listenTo(this.model, 'sync', this.onSaved);
      this.$('[data-error-slot]').each(function () {
        $('#bb-' + this.getAttribute('data-error-slot')).attr('data-slot-input', '');
      });
    },

    // The request options every call shares: field errors are looked up in this view only.
    requestOptions: function (extra) {
      return $.extend({ apiErrors: { form: this.el } }, extra);
    },

    onSubmit: function (event) {
      event.preventDefault();
      this.save();
    },

    saveInvalid: function () {
      this.fill(EXAMPLES.invalid);
      this.save();
    },

    saveValid: function () {
      this.fill(EXAMPLES.valid);
      this.save();
    },

    save: function () {
      this.$('#bb-saved').text('');
      var attrs = {
        email: this.value('email'),
        password: this.value('password'),
        address: { street: this.value('address.street'), city: this.value('address.city') },
        items: [{ sku: this.value('items[0][sku]'), qty: this.value('items[0][qty]') }]
      };
      this.model.clear({ silent: true });
      this.model.save(attrs, this.requestOptions({ wait: true }));
    },

    fetchScenario: function (event) {
      var name = event.currentTarget.id.replace('bb-', '');
      this.model.fetch(this.requestOptions({ url: '/api/scenario/' + name }));
    },

    // One request that uses the built-in toast instead of the status bar: it appears where the
    // install options put it (bottom-start) and speaks their words.
    fetchWithBuiltInToast: function () {
      this.model.fetch({ url: '/api/scenario/500', apiErrors: { form: this.el, toast: true } });
    },

    // A request that fails once (see data-flaky), then works, shown by the built-in toast: a read
    // gets its "Try again" button (the `retry` install option), a save does not.
    sendFlaky: function (event) {
      var button = event.currentTarget;
      flakyCount += 1;
      var options = {
        url: '/api/flaky/?fail=' + button.getAttribute('data-flaky') + '&id=' + flakyCount + '-' + Math.random().toString(36).slice(2),
        timeout: 1000,
        loaded: true,
        apiErrors: { form: this.el, toast: true }
      };
      this.$('#bb-saved').text('');
      if (button.hasAttribute('data-save')) this.model.save({}, options);
      else this.model.fetch(options);
    },

    fill: function (example) {
      this.$('#bb-email').val(example.email);
      this.$('#bb-password').val(example.password);
      this.$('#bb-street').val(example.street);
      this.$('#bb-city').val(example.city);
      this.$('#bb-sku').val(example.sku);
      this.$('#bb-qty').val(example.qty);
    },

    value: function (name) {
      return this.$('input').filter(function () { return this.name === name; }).val();
    },

    onSaved: function (model, response, options) {
      this.hideStatus();
      this.$('#bb-saved').text(options && options.loaded ? 'Loaded on attempt ' + model.get('attempt') + '.' : 'Saved.');
    },

    onEdit: function (event) {
      this.clearSlot(event.currentTarget.name);
    },

    // --- the custom renderers -------------------------------------------------------------

    // Toast: one line in the view's status bar, with the errors no field took.
    showNotice: function (message, error, context) {
      var notice = $('<li></li>');
      notice.append($('<strong></strong>').text(message));
      // The server's code as it sent it, then what the plugin made of it (its kind).
      notice.append($('<span class="code"></span>').text(' ' + error.code + ' (' + error.kind + ')' + (error.status ? ' · ' + error.status : '')));
      var unrendered = (context && context.unrendered) || {};
      $.each(unrendered, function (field, messages) {
        var label = (context.fieldLabels && context.fieldLabels[field]) || field;
        notice.append($('<span class="detail"></span>').text(label + ': ' + messages.join(' ')));
      });
      this.$('#bb-notices').prepend(notice).children().slice(MAX_NOTICES).remove();
      this.$('#bb-statusbar').prop('hidden', false);
    },

    // Field: email and password have a slot of their own; every other field goes to the default.
    renderField: function (field, messages, error, context) {
      var slot = this.slot(field);
      if (!slot) return ApiErrors.defaultRenderField(field, messages, error, context);
      slot.text(messages.join(' '));
      this.$('#bb-' + field).attr({ 'aria-invalid': 'true', 'aria-describedby': slot.attr('id') }).addClass('is-invalid');
      return true;
    },

    clearFields: function (context) {
      ApiErrors.clearFieldErrors(context.scope);
      var view = this;
      this.$('[data-error-slot]').each(function () {
        view.clearSlot(this.getAttribute('data-error-slot'));
      });
    },

    slot: function (field) {
      var slot = this.$('[data-error-slot]').filter(function () {
        return this.getAttribute('data-error-slot') === field;
      });
      return slot.length ? slot : null;
    },

    clearSlot: function (field) {
      var slot = this.slot(field);
      if (!slot) return;
      slot.text('');
      this.$('#bb-' + field).removeAttr('aria-invalid').removeAttr('aria-describedby').removeClass('is-invalid');
    },

    // Any failure of the model's requests: "Saved." would no longer be true.
    showReference: function (model, error) {
      this.$('#bb-saved').text('');
      var reference = this.$('#bb-reference');
      reference.text(error.correlationId ? 'Reference: ' + error.correlationId : '');
      reference.prop('hidden', !error.correlationId);
    },

    hideStatus: function () {
      this.$('#bb-notices').empty();
      this.$('#bb-reference').text('').prop('hidden', true);
      this.$('#bb-statusbar').prop('hidden', true);
    }
  });

  var view = new SignupView({ model: new Signup() });

  ApiErrors.installApiErrors({
    toast: function (message, error, context) { view.showNotice(message, error, context); },
    renderField: function (field, messages, error, context) {
      return view.renderField(field, messages, error, context);
    },
    clearFields: function (context) { view.clearFields(context); },
    // For the built-in toast (the "built-in toast" and "once" buttons): its corner, its words,
    // and "Try again" on a read that may work a moment later.
    position: 'bottom-start',
    retry: true,
    text: { dismiss: 'Close this message', reference: 'Support code:', copy: 'Copy code', copied: 'Code copied' }
  });

  $('#backbone-version').text(Backbone.VERSION);
  $('#jquery-version').text($.fn.jquery);
}(jQuery, Backbone, ApiErrors));
