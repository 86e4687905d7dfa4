// While a document is being prepared, look again a few times by itself, then stop and
// leave the "Check again" link to the person (no endless reloading).
(function () {
  "use strict";
  var notice = document.querySelector("[data-check-again-seconds]");
  if (!notice) {
    return;
  }
  var url = new URL(window.location.href);
  var tries = parseInt(url.searchParams.get("tries") || "0", 10);
  if (tries >= 10) {
    return;
  }
  url.searchParams.set("tries", String(tries + 1));
  window.setTimeout(function () {
    window.location.replace(url.toString());
  }, 1000 * parseInt(notice.getAttribute("data-check-again-seconds"), 10));
})();
