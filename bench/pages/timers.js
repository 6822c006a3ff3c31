// Loaded first on the soak's page only: counts the timers set and not yet run or cleared, so the
// soak can tell that toasts closed or pushed off leave none behind. Intervals count until cleared.
(function () {
  'use strict';
  var live = {};
  var setTimeoutReal = window.setTimeout;
  var clearTimeoutReal = window.clearTimeout;
  var setIntervalReal = window.setInterval;
  var clearIntervalReal = window.clearInterval;
  window.setTimeout = function (callback) {
    var args = Array.prototype.slice.call(arguments);
    var id;
    args[0] = function () {
      delete live[id];
      return typeof callback === 'function' ? callback.apply(this, arguments) : undefined;
    };
    id = setTimeoutReal.apply(window, args);
    live[id] = 'timeout';
    return id;
  };
  window.setInterval = function () {
    var id = setIntervalReal.apply(window, arguments);
    live[id] = 'interval';
    return id;
  };
  window.clearTimeout = function (id) {
    delete live[id];
    return clearTimeoutReal.call(window, id);
  };
  window.clearInterval = function (id) {
    delete live[id];
    return clearIntervalReal.call(window, id);
  };
  window.benchTimers = {
    /** {timeouts, intervals} still pending. */
    pending: function () {
      var counts = { timeouts: 0, intervals: 0 };
      for (var id in live) counts[live[id] === 'interval' ? 'intervals' : 'timeouts'] += 1;
      return counts;
    },
  };
})();
