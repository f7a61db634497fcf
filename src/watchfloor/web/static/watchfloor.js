// watchfloor dashboard: scroll to and highlight the span a URL fragment names (#c3, #e1, or #s120-140 by
// character span), on load and whenever the fragment changes. No libraries.
(function () {
  function target() {
    var name = decodeURIComponent(location.hash.slice(1));
    if (!name) return null;
    var found = document.getElementById(name);
    var span = /^s(\d+)-(\d+)$/.exec(name);
    if (!found && span) found = document.querySelector('mark[data-span="' + span[1] + "-" + span[2] + '"]');
    return found;
  }
  function show() {
    document.querySelectorAll(".highlight").forEach(function (el) { el.classList.remove("highlight"); });
    var el = target();
    if (!el) return;
    el.classList.add("highlight");
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", show);
  document.addEventListener("DOMContentLoaded", show);
})();
