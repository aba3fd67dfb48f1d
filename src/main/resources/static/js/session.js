// The staff session expires after a while without use (server.servlet.session.timeout). This script counts down,
// warns before the session expires and renews it on request without leaving the page, so that nothing being written
// is lost. Without it, the notice says the time, and its button renews the session by going to the server and back.
(function () {
  'use strict';
  var notice = document.getElementById('sessionen');
  if (!notice || !window.fetch) {
    return;
  }
  var text = notice.querySelector('.session-text');
  var form = notice.querySelector('form');
  var button = form.querySelector('button');
  var seconds = parseInt(notice.getAttribute('data-seconds'), 10);
  var warningSeconds = parseInt(notice.getAttribute('data-warning-seconds'), 10);
  var deadline = 0;
  var warningTimer = null;
  var expiryTimer = null;

  function clock(time) {
    var hours = String(time.getHours()).padStart(2, '0');
    var minutes = String(time.getMinutes()).padStart(2, '0');
    return hours + ':' + minutes;
  }

  function minutesLeft() {
    return Math.max(1, Math.round((deadline - Date.now()) / 60000));
  }

  function say(message) {
    text.textContent = message;
  }

  function calm() {
    notice.classList.remove('session-warning', 'session-expired');
    text.setAttribute('aria-live', 'polite');
    button.hidden = false;
    say('Uden brug bliver du logget ud kl. ' + clock(new Date(deadline)) + '. Det du skriver, går ikke tabt.');
  }

  function warn() {
    notice.classList.add('session-warning');
    text.setAttribute('aria-live', 'assertive');
    var left = minutesLeft();
    say('Du bliver logget ud om ' + left + (left === 1 ? ' minut' : ' minutter') + ', kl. '
        + clock(new Date(deadline)) + '. Tryk på „Forbliv logget ind“ for at fortsætte.');
  }

  function expired() {
    notice.classList.remove('session-warning');
    notice.classList.add('session-expired');
    button.hidden = true;
    say('Du er blevet logget ud. Det du har skrevet, går ikke tabt: send det, log ind igen, og send det derefter.');
  }

  function start(lasting, warningBefore) {
    seconds = lasting;
    warningSeconds = warningBefore;
    deadline = Date.now() + seconds * 1000;
    clearTimeout(warningTimer);
    clearTimeout(expiryTimer);
    warningTimer = setTimeout(warn, Math.max(0, seconds - warningSeconds) * 1000);
    expiryTimer = setTimeout(expired, seconds * 1000);
    calm();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin',
      redirect: 'manual'
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (!response.ok || type.indexOf('application/json') !== 0) {
        throw new Error('not renewed');
      }
      return response.json();
    }).then(function (answer) {
      start(answer.seconds, answer.warningSeconds);
      say('Du er stadig logget ind, til kl. ' + clock(new Date(deadline)) + ' uden brug.');
    }).catch(expired).finally(function () {
      button.disabled = false;
    });
  });

  // htmx requests (live search and the like) renew the session on the server too.
  document.body.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail && event.detail.successful) {
      start(seconds, warningSeconds);
    }
  });

  start(seconds, warningSeconds);
}());
