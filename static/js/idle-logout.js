// Staff pages: warn before the session ends for want of activity, and keep it on request.
// The server decides (clinic/accounts/idle.py); this only warns, and keeps a session alive
// while someone is typing or clicking on a page that makes no requests of its own.
(function () {
  "use strict";
  var box = document.getElementById("idle-warning");
  if (!box) {
    return;
  }
  var form = box.querySelector("form");
  var idle = Number(box.dataset.idleSeconds) * 1000;
  var warning = Number(box.dataset.warningSeconds) * 1000;
  var pingEvery = 60 * 1000;
  var lastPing = Date.now();
  var warnTimer = null;
  var outTimer = null;

  function arm() {
    clearTimeout(warnTimer);
    clearTimeout(outTimer);
    box.hidden = true;
    warnTimer = setTimeout(function () { box.hidden = false; }, Math.max(idle - warning, 0));
    // Past the limit the server has signed the session out: load the page again, by GET,
    // to reach the login page and its message.
    outTimer = setTimeout(function () { window.location.assign(window.location.href); }, idle + 1000);
  }

  function stillHere() {
    lastPing = Date.now();
    return fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        if (response.ok) {
          arm();
        } else {
          window.location.assign(window.location.href);
        }
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    stillHere();
  });
  ["keydown", "pointerdown"].forEach(function (name) {
    document.addEventListener(name, function () {
      if (box.hidden && Date.now() - lastPing > pingEvery) {
        stillHere();
      }
    }, { passive: true });
  });
  arm();
})();
