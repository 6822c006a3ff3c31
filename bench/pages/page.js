// The in-page side of `npm run bench`: a fake $.ajaxTransport that answers at once (so no
// network is timed), the hand-written failure handler every page had before the plugin, and
// the loops that bench/browser.mjs times. Loaded after jQuery (and, on the plugin page, after
// dist/api-errors.min.js with data-auto-install).
(function () {
  'use strict';
  var $ = window.jQuery;
  var pending = [];
  var sequence = 0;

  // Answers every /fake/ request synchronously with the next queued response: jQuery then
  // converts the JSON and runs every callback (and the plugin) before $.ajax returns.
  $.ajaxTransport('+*', function (options) {
    if (options.url.indexOf('/fake/') !== 0) return undefined;
    return {
      send: function (headers, complete) {
        var response = pending.shift();
        complete(response.status, response.statusText, { text: response.text }, 'Content-Type: application/json\r\n');
      },
      abort: function () {},
    };
  });

  // ---- The seed's hand-written handler: what a page wrote in every .fail() ----
  var toastTimer = null;

  function showToast(message) {
    var toast = document.getElementById('toast');
    toast.textContent = message;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.hidden = true; }, 5000);
  }

  function showFieldErrors($form, errors) {
    $form.find('.field-error').remove();
    $form.find('.is-invalid').removeClass('is-invalid');
    $.each(errors, function (field, messages) {
      var $input = $form.find('[name="' + field + '"]');
      if (!$input.length) return;
      var note = document.createElement('div');
      note.className = 'field-error';
      note.textContent = messages.join(' ');
      $input.addClass('is-invalid').after(note);
    });
  }

  function handWrittenFail(jqXHR) {
    var error = (jqXHR.responseJSON && jqXHR.responseJSON.error) || {};
    showToast(error.message || 'Request failed.');
    showFieldErrors($('#signup'), error.errors || {});
  }

  // ---- Bodies: a new message and correlation id every time, so no toast is a duplicate ----
  function fieldErrors(fieldCount) {
    if (!fieldCount) {
      return { email: ['Enter a valid email address.'], password: ['This password is too short.'] };
    }
    var errors = {};
    for (var index = 0; index < fieldCount; index++) errors['f' + index] = ['Field ' + index + ' is invalid.'];
    return errors;
  }

  function queueFailures(count, fieldCount, extraErrors) {
    var errors = fieldErrors(fieldCount);
    if (extraErrors) for (var key in extraErrors) errors[key] = extraErrors[key];
    for (var index = 0; index < count; index++) {
      sequence += 1;
      pending.push({
        status: 400,
        statusText: 'Bad Request',
        text: JSON.stringify({ error: {
          message: 'Validation failed (' + sequence + ')',
          code: 'VALIDATION_ERROR',
          status: 400,
          errors: errors,
          timestamp: '2026-11-24T12:00:00+00:00',
          correlation_id: 'c0ffee-' + sequence,
        } }),
      });
    }
  }

  // ---- The repeat: Submit pressed again and again on a form with two bad fields, so the very
  // same envelope (message, fields, correlation id) arrives each time ----
  function queueRepeats(count) {
    var text = JSON.stringify({ error: {
      message: 'Validation failed',
      code: 'VALIDATION_ERROR',
      status: 400,
      errors: fieldErrors(0),
      timestamp: '2026-11-24T12:00:00+00:00',
      correlation_id: 'c0ffee-repeat',
    } });
    for (var index = 0; index < count; index++) pending.push({ status: 400, statusText: 'Bad Request', text: text });
  }

  function queueSuccesses(count) {
    for (var index = 0; index < count; index++) {
      sequence += 1;
      pending.push({ status: 200, statusText: 'OK', text: '{"id": ' + sequence + ', "saved": true}' });
    }
  }

  function send() {
    return $.ajax({ url: '/fake/signup', type: 'POST', dataType: 'json', data: 'email=ann%40example.com&password=x' });
  }

  /** Forces the style and layout of what the handlers drew, so that work is timed too. */
  function layout() {
    return document.body.offsetHeight;
  }

  window.bench = {
    /** Replaces the signup form's inputs with `fieldCount` inputs named f0, f1, … */
    setupForm: function (fieldCount) {
      var form = document.getElementById('signup');
      while (form.firstChild) form.removeChild(form.firstChild);
      for (var index = 0; index < fieldCount; index++) {
        var row = document.createElement('div');
        row.className = 'row';
        var label = document.createElement('label');
        label.htmlFor = 'f' + index;
        label.textContent = 'Field ' + index;
        var input = document.createElement('input');
        input.id = 'f' + index;
        input.name = 'f' + index;
        row.appendChild(label);
        row.appendChild(input);
        form.appendChild(row);
      }
      return form.querySelectorAll('input').length;
    },

    /**
     * `count` failed requests in a row, each handled by `handler`: 'plugin' (the plugin page's
     * installed plugin, nothing attached), 'hand-written' (.fail(handWrittenFail)) or 'bare'
     * (no handler at all: the cost of $.ajax itself). Returns ms per failure.
     */
    failures: function (handler, count, fieldCount, extraErrors) {
      queueFailures(count, fieldCount || 0, extraErrors);
      var start = performance.now();
      for (var index = 0; index < count; index++) {
        var jqXHR = send();
        if (handler === 'hand-written') jqXHR.fail(handWrittenFail);
      }
      layout();
      return (performance.now() - start) / count;
    },

    /** Like failures(), but every response is the same envelope: the repeat case. */
    repeats: function (handler, count) {
      queueRepeats(count);
      var start = performance.now();
      for (var index = 0; index < count; index++) {
        var jqXHR = send();
        if (handler === 'hand-written') jqXHR.fail(handWrittenFail);
      }
      layout();
      return (performance.now() - start) / count;
    },

    /** `count` successful requests, each with the same .done(); returns ms per request. */
    successes: function (count) {
      queueSuccesses(count);
      var saved = document.getElementById('saved');
      var start = performance.now();
      for (var index = 0; index < count; index++) {
        send().done(function (data) { saved.textContent = 'Saved #' + data.id; });
      }
      layout();
      return (performance.now() - start) / count;
    },

    /** What the soak reads from the page itself. */
    counts: function () {
      return {
        elements: document.getElementsByTagName('*').length,
        toasts: document.querySelectorAll('.api-errors-toast').length,
        invalid: document.querySelectorAll('[aria-invalid="true"]').length,
        active: $.active,
      };
    },
  };
})();
