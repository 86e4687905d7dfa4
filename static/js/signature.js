// An optional drawn signature: a canvas the patient draws on with a mouse, finger or pen.
// The drawing goes with the form as a PNG data URL; the typed name is what signs.
(function () {
  "use strict";
  var pad = document.querySelector(".signature-pad");
  var form = document.getElementById("consent-form");
  if (!pad || !form) {
    return;
  }
  pad.hidden = false;
  var canvas = pad.querySelector("canvas");
  var input = pad.querySelector('input[name="drawn_signature"]');
  var context = canvas.getContext("2d");
  var drawing = false;
  var drawn = false;
  context.lineWidth = 2.5;
  context.lineCap = "round";
  context.strokeStyle = "#111";

  function point(event) {
    var box = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * canvas.width) / box.width,
      y: ((event.clientY - box.top) * canvas.height) / box.height,
    };
  }
  canvas.addEventListener("pointerdown", function (event) {
    drawing = true;
    var p = point(event);
    context.beginPath();
    context.moveTo(p.x, p.y);
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!drawing) {
      return;
    }
    var p = point(event);
    context.lineTo(p.x, p.y);
    context.stroke();
    drawn = true;
  });
  ["pointerup", "pointercancel"].forEach(function (name) {
    canvas.addEventListener(name, function () {
      drawing = false;
    });
  });
  canvas.style.touchAction = "none";
  pad.querySelector("[data-clear-signature]").addEventListener("click", function () {
    context.clearRect(0, 0, canvas.width, canvas.height);
    drawn = false;
    input.value = "";
  });
  form.addEventListener("submit", function () {
    input.value = drawn ? canvas.toDataURL("image/png") : "";
  });
})();
