// A table wider than the screen scrolls sideways inside the wrapper Material puts around it
// (.md-typeset__scrollwrap). Such a wrapper must be reachable with the keyboard (WCAG 2.1.1,
// axe's scrollable-region-focusable): it takes focus, as a named region, while it scrolls.
(function () {
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", "Tabell som kan rulles sidelengs");
      } else if (el.getAttribute("role") === "region") {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
      }
    });
  }
  // Material's document$ emits on every page it shows (also with instant loading).
  if (window.document$) {
    window.document$.subscribe(mark);
  } else {
    document.addEventListener("DOMContentLoaded", mark);
  }
  window.addEventListener("resize", mark);
})();
