// The legacy page's only script: each button sends one plain $.ajax request. There is no error
// handling here on purpose: the auto-installed plugin shows every failure. Written in ES5 with
// nothing newer than jQuery 1.12, like the pages the plugin is for.
(function ($) {
  'use strict';

  var SLOW = '/api/scenario/slow?ms=3000';
  var VALID = {
    email: 'ada@example.com', password: 'correct horse', street: '12 Analytical Row',
    city: 'London', items: [['A-100', '2'], ['B-200', '1'], ['C-300', '5']], tags: '1, 2'
  };
  var EXAMPLES = {
    valid: VALID,
    taken: $.extend({}, VALID, { email: 'ada@taken.example' }),
    invalid: {
      email: 'ada.example.com', password: 'short', street: '12 Analytical Row', city: '',
      items: [['A-100', '2'], ['B-200', '0'], ['', '1']], tags: '1, x, 3'
    }
  };

  function fill(example) {
    $('#id_email').val(example.email);
    $('#id_password').val(example.password);
    $('#id_address-street').val(example.street);
    $('#id_address-city').val(example.city);
    $.each(example.items, function (index, item) {
      $('#id_items-' + index + '-sku').val(item[0]);
      $('#id_items-' + index + '-qty').val(item[1]);
    });
    $('#id_tags').val(example.tags);
  }

  // The JSON a DRF serializer expects: nested address, a list of items, a list of tags.
  function signupPayload() {
    var items = [];
    $('#signup tbody tr').each(function (index) {
      var sku = $('#id_items-' + index + '-sku').val();
      var qty = $('#id_items-' + index + '-qty').val();
      if (sku !== '' || qty !== '') items.push({ sku: sku, qty: qty });
    });
    var tags = $.map(String($('#id_tags').val()).split(','), function (tag) {
      tag = tag.replace(/^\s+|\s+$/g, '');
      return tag === '' ? null : tag;
    });
    return {
      email: $('#id_email').val(),
      password: $('#id_password').val(),
      address: { street: $('#id_address-street').val(), city: $('#id_address-city').val() },
      items: items,
      tags: tags
    };
  }

  function log(method, url, jqXHR, textStatus) {
    var entry = $('<li></li>').text(method + ' ' + url + ' → ' + jqXHR.status + ' ' + textStatus);
    $('#log').prepend(entry).children().slice(6).remove();
  }

  // The log is the request's own `complete` callback, so a request the plugin's "Try again" sends
  // again (installed with `retry: true`) is logged too.
  function send(settings) {
    var method = settings.type || 'GET';
    $('#status').text('');
    settings.complete = function (jqXHR, textStatus) {
      log(method, settings.url, jqXHR, textStatus);
    };
    return $.ajax(settings);
  }

  function submitSignup() {
    send({
      url: '/api/signup',
      type: 'POST',
      contentType: 'application/json',
      dataType: 'json',
      data: JSON.stringify(signupPayload())
    }).done(function () {
      $('#status').text('Signed up. Field errors are cleared by the successful request.');
    });
  }

  function scenario(name) {
    return function () {
      send({ url: '/api/scenario/' + name });
    };
  }

  $('#jquery-version').text($.fn.jquery);
  $('#signup').on('submit', function (event) {
    event.preventDefault();
    submitSignup();
  });
  // Each example fills the form and presses its Sign up button: the request is sent in the form's
  // submission, so a failure moves focus to the form (the person is waiting on it).
  $.each(EXAMPLES, function (name, example) {
    $('#btn-' + name).on('click', function () {
      fill(example);
      $('#btn-submit')[0].click();
    });
  });
  $.each(['401', '403', '404', '429', '500', '500-html', '502', 'network', 'xss'], function (index, name) {
    $('#btn-' + name).on('click', scenario(name));
  });
  // The failures Django pages meet most: each a real request to the demo's own endpoint.
  $.each({
    session: { url: '/api/session/' },
    'login-required': { url: '/api/login-required/', dataType: 'json' },
    csrf: { url: '/api/csrf/', type: 'POST' },
    'csrf-django': { url: '/csrf-django/', type: 'POST' },
    throttled: { url: '/api/throttled/' },
    unavailable: { url: '/api/unavailable/' }
  }, function (name, settings) {
    $('#btn-' + name).on('click', function () {
      send($.extend({}, settings));
    });
  });
  $('#btn-burst').on('click', function () {
    for (var index = 0; index < 5; index += 1) send({ url: '/api/scenario/network' });
  });
  $('#btn-timeout').on('click', function () {
    send({ url: SLOW, timeout: 1000 });
  });
  $('#btn-abort').on('click', function () {
    var request = send({ url: SLOW });
    setTimeout(function () {
      request.abort();
    }, 100);
  });
}(jQuery));
