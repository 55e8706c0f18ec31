// Quick exit: leave at once, replacing this page in the history so Back doesn't return.
// Without JavaScript the same control is a plain link to /exit.
(function () {
  "use strict";
  function leave(event) {
    if (event) { event.preventDefault(); }
    document.body.style.visibility = "hidden";
    window.location.replace("/exit");
  }
  document.addEventListener("DOMContentLoaded", function () {
    // htmx 2 notes the current path in sessionStorage as it loads, whatever its config says;
    // we keep nothing in browser storage (privacy promise 2), so take it back out.
    try { window.sessionStorage.removeItem("htmx-current-path-for-history"); } catch (e) { /* storage blocked */ }
    var link = document.getElementById("quick-exit");
    if (link) { link.addEventListener("click", leave); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !event.defaultPrevented) { leave(event); }
  });
})();
