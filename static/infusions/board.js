// The day board's "Print the day's sheet" button: shown only where this script runs (the
// browser's own Print does the same without it). The print styles are in board.css.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
