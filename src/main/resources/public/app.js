// Light progressive enhancement: every feature works without this file.
(function () {
  'use strict';
  // marks pages where the script ran (styles and tests can tell the two cases apart)
  document.documentElement.classList.add('js');
  // Changing the sort order applies it at once (the Apply button still works without JS).
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  // An import in progress: poll its JSON status and reload when it ends, instead of the meta refresh.
  var batch = document.querySelector('[data-status-url]');
  var refresh = document.querySelector('meta[http-equiv="refresh"]');
  if (batch && refresh) {
    refresh.remove();
    var seen = null;
    var poll = function () {
      fetch(batch.getAttribute('data-status-url'), { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (status) {
          // reload only when something changed, so the page stays still while a large file is read
          if (!status.running || (seen !== null && status.processed !== seen)) {
            window.location.reload();
            return;
          }
          seen = status.processed;
          setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 1000);
  }
})();
