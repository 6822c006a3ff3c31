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
        var response = options.url.indexOf('/fake/poll') === 0 ? pollResponse() : pending.shift();
        var answer = function () {
          if (response.onAnswer) response.onAnswer();
          complete(response.status, response.statusText, { text: response.text },
            'Content-Type: application/json\r\n' + (response.headers || ''));
        };
        // A delayed answer comes in a task of its own, as a real one would.
        if (response.delay) setTimeout(answer, response.delay);
        else answer();
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

  var polls = 0;
  /** The poll's answer: a success, sent at once unless `pollDelay` says otherwise. */
  var pollDelay = 0;
  function pollResponse() {
    polls += 1;
    return { status: 200, statusText: 'OK', text: '{"unread": ' + polls + '}', delay: pollDelay };
  }

  /**
   * Failures of the kinds the policies take over, one in every five: a 429 with Retry-After (a
   * countdown toast) or a 503 (a burst); the rest as queueFailures. For the soak.
   */
  function queueMixed(count, extraErrors) {
    for (var index = 0; index < count; index++) {
      var kind = (sequence + index) % 10;
      if (kind === 3) {
        pending.push({ status: 429, statusText: 'Too Many Requests', headers: 'Retry-After: 30\r\n',
          text: JSON.stringify({ detail: 'Request was throttled (' + (sequence + index) + ').' }) });
      } else if (kind === 7) {
        pending.push({ status: 503, statusText: 'Service Unavailable', text: '{"detail": "Down for maintenance."}' });
      } else {
        queueFailures(1, 0, extraErrors);
        continue;
      }
      sequence += 1;
    }
  }

  function queueSuccesses(count) {
    for (var index = 0; index < count; index++) {
      sequence += 1;
      pending.push({ status: 200, statusText: 'OK', text: '{"id": ' + sequence + ', "saved": true}' });
    }
  }

  /** A POST of the signup form's data; to a URL of its own each time with `distinct`. */
  function send(distinct) {
    var url = distinct ? '/fake/signup/' + sequence + '-' + pending.length : '/fake/signup';
    return $.ajax({ url: url, type: 'POST', dataType: 'json', data: 'email=ann%40example.com&password=x' });
  }

  /** Forces the style and layout of what the handlers drew, so that work is timed too. */
  function layout() {
    return document.body.offsetHeight;
  }

  /**
   * Resolves once the tasks already queued have run. The plugin settles a request that completed
   * in the turn it was sent in from a timer after that task (so a `.fail(markHandled)` attached
   * after `$.ajax()` returned still counts): a timer set after the requests runs after it. Every
   * side waits the same way, so the wait itself costs all of them alike.
   */
  function settled() {
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  /**
   * Sends `count` requests with `sendOne`, waits until everything they started has run (the
   * plugin's settle timer included), forces a layout, and returns ms per request.
   */
  function timed(count, sendOne) {
    var start = performance.now();
    for (var index = 0; index < count; index++) sendOne();
    return settled().then(function () {
      layout();
      return (performance.now() - start) / count;
    });
  }

  function sendFailure(handler, distinct) {
    return function () {
      var jqXHR = send(distinct);
      if (handler === 'hand-written') jqXHR.fail(handWrittenFail);
    };
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
     * (no handler at all: the cost of $.ajax itself). Resolves to ms per failure, timed until
     * the plugin's settle timer has run and the page is laid out. With `distinct`, each goes to
     * a URL of its own (a page's background requests: what one draws, the next does not clear).
     */
    failures: function (handler, count, fieldCount, extraErrors, distinct) {
      queueFailures(count, fieldCount || 0, extraErrors);
      return timed(count, sendFailure(handler, distinct));
    },

    /** Like failures(), but every response is the same envelope: the repeat case. */
    repeats: function (handler, count) {
      queueRepeats(count);
      return timed(count, sendFailure(handler));
    },

    /** `count` successful requests, each with the same .done(); resolves to ms per request. */
    successes: function (count) {
      queueSuccesses(count);
      var saved = document.getElementById('saved');
      return timed(count, function () {
        send().done(function (data) { saved.textContent = 'Saved #' + data.id; });
      });
    },

    /**
     * Not timed: sends `count` failures (or repeats) as failures() does and counts the api:error
     * events that came by the time it would stop its clock. The bench refuses a plugin page where
     * that is not every failure: its clock would have stopped before the plugin's work was done.
     */
    handledInWindow: function (count, mode) {
      var seen = 0;
      var onError = function () { seen += 1; };
      $(document).on('api:error', onError);
      if (mode === 'repeats') queueRepeats(count);
      else queueFailures(count, 0);
      return timed(count, sendFailure('plugin', mode === 'distinct')).then(function () {
        $(document).off('api:error', onError);
        return seen;
      });
    },

    /** The soak's failures with the policies' kinds mixed in (see queueMixed); ms per failure. */
    mixed: function (count, extraErrors) {
      queueMixed(count, extraErrors);
      return timed(count, sendFailure('plugin'));
    },

    /** What the soak reads from the page itself. */
    counts: function () {
      return {
        elements: document.getElementsByTagName('*').length,
        toasts: document.querySelectorAll('.api-errors-toast').length,
        countdowns: document.querySelectorAll('.api-errors-toast-countdown').length,
        invalid: document.querySelectorAll('[aria-invalid="true"]').length,
        active: $.active,
        timers: window.benchTimers ? window.benchTimers.pending() : null,
      };
    },

    /**
     * One failure with `fieldCount` field errors, from sending to painted: the handler's work
     * (until the plugin's settle timer has run), then the next frame's style, layout and paint
     * (from its requestAnimationFrame to a message posted there, which runs once the frame is
     * done). Resolves to {work, frame, total}: the wait for the frame to start is not work, so
     * `work + frame` is what the page spent; `total` includes the wait.
     */
    paint: function (handler, fieldCount) {
      queueFailures(1, fieldCount);
      var start = performance.now();
      sendFailure(handler)();
      return settled().then(function () {
        var worked = performance.now();
        return new Promise(function (resolve) {
          requestAnimationFrame(function () {
            var frameStart = performance.now();
            var channel = new MessageChannel();
            channel.port1.onmessage = function () {
              var painted = performance.now();
              resolve({ work: worked - start, frame: painted - frameStart, total: painted - start });
            };
            channel.port2.postMessage(0);
          });
        });
      });
    },

    /**
     * Gives the signup form an error summary slot and the page's submit handler: the form's data
     * sent with $.ajax (the form as its context), the hand-written .fail() on that page. Starts
     * the page's 1 s poll (GET /fake/poll, answered after `pollMs`) beside it.
     */
    setupSubmit: function (handler, pollMs) {
      var form = document.getElementById('signup');
      var slot = document.createElement('div');
      slot.setAttribute('data-api-errors-summary', '');
      form.insertBefore(slot, form.firstChild);
      $(form).on('submit', function (event) {
        event.preventDefault();
        var jqXHR = $.ajax({ url: '/fake/signup', type: 'POST', dataType: 'json', data: $(form).serialize(), context: form });
        if (handler === 'hand-written') jqXHR.fail(handWrittenFail);
      });
      pollDelay = pollMs;
      var unread = document.getElementById('saved');
      window.setInterval(function () {
        $.ajax({ url: '/fake/poll', dataType: 'json' }).done(function (data) { unread.textContent = data.unread + ' unread'; });
      }, 1000);
      document.addEventListener('focusin', function (event) {
        if (event.target.classList && event.target.classList.contains('api-errors-summary')) window.benchFocused = performance.now();
      });
    },

    /** Queues the refusal of the next submit, answered after `delay` ms; resolves when it is focused. */
    refuseNext: function (delay) {
      queueFailures(1, 0);
      var response = pending[pending.length - 1];
      response.delay = delay;
      window.benchFocused = null;
      return new Promise(function (resolve) {
        response.onAnswer = function () {
          var answered = performance.now();
          setTimeout(function () {
            resolve({ answered: answered, focused: window.benchFocused });
          }, 50);
        };
      });
    },

    /** `count` of the poll's successes in a row (answered at once); resolves to ms per poll. */
    polls: function (count) {
      var unread = document.getElementById('saved');
      var saved = pollDelay;
      pollDelay = 0;
      return timed(count, function () {
        $.ajax({ url: '/fake/poll', dataType: 'json' }).done(function (data) { unread.textContent = data.unread + ' unread'; });
      }).then(function (perPoll) {
        pollDelay = saved;
        return perPoll;
      });
    },
  };
})();
