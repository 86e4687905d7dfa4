// Shows the crisis resources the moment someone reports thoughts of suicide, before the form
// is sent. Without JavaScript the server shows them after sending instead.
//   data-crisis-questions="a b": a crisis when any of these questions has an answer other
//     than "no" or "0" (the safety questions);
//   data-crisis-choice="name=value": a crisis when that box is ticked (the consultation form).
(function () {
  "use strict";
  var form = document.querySelector("form[data-crisis-questions], form[data-crisis-choice]");
  var resources = document.getElementById("crisis-resources");
  if (!form || !resources) {
    return;
  }
  var codes = (form.getAttribute("data-crisis-questions") || "").split(" ").filter(Boolean);
  var choice = (form.getAttribute("data-crisis-choice") || "").split("=");
  function inCrisis() {
    var answered = codes.some(function (code) {
      var checked = form.querySelector('input[name="' + code + '"]:checked');
      return checked !== null && checked.value !== "no" && checked.value !== "0";
    });
    if (answered || choice.length !== 2) {
      return answered;
    }
    var box = form.querySelector('input[name="' + choice[0] + '"][value="' + choice[1] + '"]');
    return box !== null && box.checked;
  }
  form.addEventListener("change", function () {
    if (inCrisis() && resources.hidden) {
      resources.hidden = false;
      resources.scrollIntoView({ block: "center" });
    }
  });
})();
