// When the server refuses a form it shows the page again with a message by each field
// (.invalid-feedback next to an .is-invalid control, as crispy-forms and the hand-written
// templates do) and, for the form as a whole, a red alert. Keyboard and screen-reader users
// would be left at the top of the page, not knowing the form was not sent. This puts one
// summary at the top of the refused form, listing each answer to fix as a link to its field,
// takes in the form-wide alerts, and moves keyboard focus to it. Every page built on
// base.html gets it; no template needs to know.
//
// A summary link names the field (its label or question); the field's own message is the
// link's description (aria-describedby), so it is said with the link but stays in one place
// on the page.
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main || main.querySelector(".error-summary")) {
    return;
  }
  var CONTROLS = "input:not([type=hidden]), select, textarea";

  function shown(element) {
    return !element.closest("[hidden]") && element.getClientRects().length > 0;
  }

  function cleanText(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll(".asteriskField").forEach(function (star) {
      star.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").replace(/[\s:*]+$/, "").trim();
  }

  function byId(id) {
    return id ? document.getElementById(id) : null;
  }

  // Radio buttons, and check boxes that share a name, are one answer: the first stands for all.
  function groupOf(control) {
    if (!control.name || !control.form || !/^(radio|checkbox)$/.test(control.type)) {
      return [control];
    }
    return Array.prototype.filter.call(control.form.elements, function (other) {
      return other.name === control.name && other.type === control.type;
    });
  }

  function controlFor(feedback) {
    if (feedback.id) {
      var described = Array.prototype.find.call(
        main.querySelectorAll("[aria-describedby]"),
        function (element) {
          return element.getAttribute("aria-describedby").split(/\s+/).indexOf(feedback.id) !== -1;
        }
      );
      if (described) {
        if (described.matches(CONTROLS)) {
          return described;
        }
        return described.querySelector(CONTROLS) || described;
      }
      var named = byId(feedback.id.replace(/[-_]error$/, ""));
      if (named && named !== feedback && named.matches(CONTROLS)) {
        return named;
      }
    }
    // Otherwise the invalid control nearest to the message.
    for (var box = feedback.parentElement; box && box !== main; box = box.parentElement) {
      var near = box.querySelector(".is-invalid");
      if (near) {
        return near.matches(CONTROLS) ? near : near.querySelector(CONTROLS) || near;
      }
    }
    return null;
  }

  // What the person sees as the field's name: the question of a group, else the label.
  function labelFor(control) {
    var fieldset = control.closest("fieldset");
    var legend = fieldset && fieldset.querySelector(":scope > legend");
    if (legend && (control.type === "radio" || groupOf(control).length > 1)) {
      return legend;
    }
    if (control.labels && control.labels.length) {
      return control.labels[0];
    }
    var labelledBy = (control.getAttribute("aria-labelledby") || "").split(/\s+/)[0];
    return byId(labelledBy) || legend || null;
  }

  var problems = [];
  var controls = [];
  function add(control, feedback) {
    if (!control) {
      return;
    }
    control = groupOf(control)[0];
    var known = controls.indexOf(control);
    if (known !== -1) {
      problems[known].feedback = problems[known].feedback || feedback;
      return;
    }
    controls.push(control);
    problems.push({ control: control, feedback: feedback });
  }
  main.querySelectorAll(".invalid-feedback").forEach(function (feedback) {
    if (shown(feedback) && feedback.textContent.trim()) {
      add(controlFor(feedback), feedback);
    }
  });
  main.querySelectorAll(".is-invalid").forEach(function (element) {
    var control = element.matches(CONTROLS) ? element : element.querySelector(CONTROLS);
    if (control && shown(control)) {
      add(control, null);
    }
  });

  // Messages about the form as a whole. Not the crisis resources (help, not an error), nor
  // the notes of the messages framework (about an earlier request, not this form).
  var alerts = Array.prototype.filter.call(main.querySelectorAll(".alert-danger"), function (el) {
    return shown(el) && !el.closest(".crisis-resources, .site-messages");
  });
  if (!problems.length && !(alerts.length && main.querySelector("form"))) {
    return;
  }

  var summary = document.createElement("div");
  summary.className = "alert alert-danger error-summary";
  summary.setAttribute("role", "alert");
  summary.setAttribute("tabindex", "-1");
  summary.setAttribute("aria-labelledby", "error-summary-title");
  var title = document.createElement("h2");
  title.className = "h5 alert-heading";
  title.id = "error-summary-title";
  title.textContent = "There is a problem";
  summary.appendChild(title);

  // Where it goes: before the first form-wide alert or at the top of the form with the first
  // field to fix, whichever comes first on the page.
  var firstForm = problems.length ? problems[0].control.closest("form") : null;
  var before = null;
  if (firstForm && firstForm.firstElementChild) {
    before = firstForm.firstElementChild;
  } else if (problems.length) {
    before = problems[0].control;
  }
  var following = Node.DOCUMENT_POSITION_FOLLOWING;
  if (alerts.length && (!before || alerts[0].compareDocumentPosition(before) & following)) {
    before = alerts[0];
  }
  before.parentNode.insertBefore(summary, before);

  alerts.forEach(function (alert) {
    alert.classList.remove("alert", "alert-danger", "alert-block", "alert-dismissible");
    alert.classList.add("error-summary-message");
    alert.removeAttribute("role");
    summary.appendChild(alert);
  });

  if (problems.length) {
    var intro = document.createElement("p");
    intro.className = "mb-1";
    intro.textContent =
      problems.length === 1
        ? "Please check this answer:"
        : "Please check these " + problems.length + " answers:";
    summary.appendChild(intro);
    var list = document.createElement("ul");
    list.className = "mb-0";
    problems.forEach(function (problem, index) {
      var control = problem.control;
      var label = labelFor(control);
      if (!control.id) {
        control.id = "error-summary-field-" + (index + 1);
      }
      var link = document.createElement("a");
      link.className = "alert-link";
      link.href = "#" + control.id;
      link.textContent = (label && cleanText(label)) || "Answer " + (index + 1);
      if (problem.feedback) {
        if (!problem.feedback.id) {
          problem.feedback.id = "error-summary-message-" + (index + 1);
        }
        link.setAttribute("aria-describedby", problem.feedback.id);
      }
      link.addEventListener("click", function (event) {
        event.preventDefault();
        // Show the question with its field, then put the cursor in the field.
        (label || control).scrollIntoView({ block: "start" });
        if (!control.matches(CONTROLS) && !control.hasAttribute("tabindex")) {
          control.setAttribute("tabindex", "-1");
        }
        control.focus({ preventScroll: true });
      });
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.appendChild(list);
  }

  // Before the browser's own autofocus runs, which then leaves focus where it is.
  summary.focus();
})();
