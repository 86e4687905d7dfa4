// A wide table on a narrow screen scrolls inside its own box ([data-scroll-region], with a
// role and a name in the template), not the whole page. While the box does scroll it takes
// keyboard focus (tabindex=0), so the arrow keys scroll it; where everything fits it is no
// extra stop for the Tab key.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-scroll-region]");
  if (!boxes.length) {
    return;
  }
  function update() {
    boxes.forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
      } else if (document.activeElement !== box) {
        box.removeAttribute("tabindex");
      }
    });
  }
  update();
  window.addEventListener("resize", update);
})();
