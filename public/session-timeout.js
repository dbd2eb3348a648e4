// Warns five minutes before the sign-in ends, with a button that starts another working day (POST /session/extend),
// so nobody loses a half-written form to a timeout they did not see coming. Should the sign-in end anyway, a task form
// sent afterwards is kept and comes back after signing in (the server's page-auth).
(function () {
  'use strict';
  var box = document.getElementById('session-warning');
  if (!box) return;
  var warnBeforeMs = 5 * 60 * 1000;
  // Counted from the time left the server gave, on this computer's clock: its date may be wrong, its pace is not.
  var until = Date.now() + Number(box.getAttribute('data-remaining-ms'));
  var timer = null;
  var ends = box.querySelector('[data-session-ends]');
  var button = box.querySelector('[data-session-extend]');

  function schedule() {
    if (timer) clearTimeout(timer);
    if (!isFinite(until)) return;
    timer = setTimeout(warn, Math.max(0, until - Date.now() - warnBeforeMs));
  }
  function warn() {
    ends.textContent = new Date(until).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
    box.hidden = false;
    button.focus();
  }
  button.addEventListener('click', function () {
    button.disabled = true;
    fetch('/session/extend', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=' + encodeURIComponent(box.getAttribute('data-csrf')),
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (answer) {
        until = Date.now() + answer.remainingMs;
        box.hidden = true;
        schedule();
      })
      .catch(function () {
        box.querySelector('#session-warning-text').textContent = 'Inloggningen har redan upphört. Skicka formuläret ändå: det du skrev sparas och kommer tillbaka när du har loggat in.';
      })
      .then(function () { button.disabled = false; });
  });
  schedule();
})();
