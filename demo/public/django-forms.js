// The plain Django page's only script: each form posts itself with $.post and says what the
// server saved, or goes where the server sends it (AjaxFormMixin's `{"redirect": url}`). The failures are the plugin's to show: no error handling here. ES5, like the
// pages the plugin is for.
(function ($) {
  'use strict';

  var EXAMPLES = {
    taken: { '#id_username': 'demo', '#id_email': 'someone@example.com' },
    same: { '#id_username': 'ada', '#id_email': 'ada@example.com' },
    none: { '#id_newsletter-email': 'ada@example.com' },
    duplicate: { '#id_form-0-sku': 'A-100', '#id_form-0-qty': '1', '#id_form-1-sku': 'A-100', '#id_form-1-qty': '2' }
  };

  // Django's form JSON carries no message of its own: say what to do, beside the marked fields.
  window.ApiErrors.installApiErrors({ messages: { VALIDATION_ERROR: 'Please correct the marked fields.' } });

  $('form').on('submit', function (event) {
    var $form = $(this);
    event.preventDefault();
    $form.find('.result').text('');
    $.post($form.attr('action'), $form.serialize()).done(function (answer) {
      if (answer.redirect) {
        $form.find('.result').text('Subscribed.');
        window.location.href = answer.redirect;
      } else {
        $form.find('.result').text(answer.username ? 'Created ' + answer.username + '.' : 'Ordered ' + answer.lines + ' lines.');
      }
    });
  });

  $('[data-example]').on('click', function () {
    $.each(EXAMPLES[$(this).attr('data-example')], function (selector, value) {
      $(selector).val(value);
    });
    $(this).closest('form').trigger('submit');
  });
})(jQuery);
