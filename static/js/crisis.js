// Shows the crisis resources the moment a patient reports thoughts of suicide, before the
// form is sent. Without JavaScript the server shows them after sending instead.
(function () {
  "use strict";
  var form = document.querySelector("form[data-crisis-questions]");
  var resources = document.getElementById("crisis-resources");
  if (!form || !resources) {
    return;
  }
  var codes = form.getAttribute("data-crisis-questions").split(" ");
  function inCrisis() {
    return codes.some(function (code) {
      var checked = form.querySelector('input[name="' + code + '"]:checked');
      return checked !== null && checked.value !== "no" && checked.value !== "0";
    });
  }
  form.addEventListener("change", function () {
    if (inCrisis() && resources.hidden) {
      resources.hidden = false;
      resources.scrollIntoView({ block: "center" });
    }
  });
})();
