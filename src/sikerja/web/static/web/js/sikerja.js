// Sikerja: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // Selects marked data-autosubmit (the language switcher) submit their form on change.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
      target.form.requestSubmit();
    }
  });
  // Enter in a search box that lists as one types (data-search-only) searches; it does not
  // submit the form around it.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && target instanceof HTMLInputElement && target.hasAttribute("data-search-only")) {
      event.preventDefault();
    }
  });
  // On a phone the main navigation folds behind its Menu button.
  document.addEventListener("click", function (event) {
    var toggle = event.target instanceof Element ? event.target.closest(".nav-toggle") : null;
    if (toggle) {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      toggle.parentElement.classList.toggle("site-nav--open", open);
    }
  });
  // A table or drawing that scrolls inside its own box can be scrolled from the keyboard: the box
  // takes focus and is announced as a region named after its table's caption or its section's
  // heading, with "scrollable" added so that it is not named like the section around it.
  function markScrollingBoxes() {
    var scrollable = document.body.getAttribute("data-scrollable-label") || "";
    document.querySelectorAll(".table-wrap, .map-frame").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        if (!box.hasAttribute("aria-label") && !box.hasAttribute("aria-labelledby")) {
          var section = box.closest("section");
          var name = box.querySelector("caption") || (section && section.querySelector("h2, h3")) ||
            document.querySelector("h1");
          if (name) { box.setAttribute("aria-label", name.textContent.trim() + ", " + scrollable); }
        }
      }
    });
  }
  document.addEventListener("DOMContentLoaded", markScrollingBoxes);
  window.addEventListener("resize", markScrollingBoxes);
  document.addEventListener("htmx:afterSettle", markScrollingBoxes);
})();
