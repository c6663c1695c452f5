// certready report page: filters for the findings table. No network, no
// libraries. Errors are recorded on the root element so that a headless
// browser's DOM dump shows them.
(function () {
  "use strict";
  var root = document.documentElement;
  var errors = [];
  function record(msg) {
    errors.push(String(msg));
    root.setAttribute("data-js-errors", errors.join(" | "));
  }
  window.addEventListener("error", function (e) {
    record(e.message || ((e.target && e.target.tagName) || "resource") + " failed to load");
  }, true);
  window.addEventListener("unhandledrejection", function (e) { record("unhandled rejection: " + e.reason); });
  document.addEventListener("securitypolicyviolation", function (e) { record("blocked by the page's policy: " + e.blockedURI); });
  var consoleError = console.error;
  console.error = function () {
    record(Array.prototype.join.call(arguments, " "));
    return consoleError.apply(console, arguments);
  };

  function tokens(s) { return (s || "").split(/\s+/).filter(Boolean); }

  function init() {
    var table = document.getElementById("findings");
    var rows = table ? Array.prototype.slice.call(table.querySelectorAll("tbody tr.finding")) : [];
    var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
    var search = document.getElementById("filter-q");
    var shown = document.getElementById("shown");

    // Each option says how many open findings it would show; the numbers
    // come from the rows, so they agree with the table by construction.
    selects.forEach(function (sel) {
      var key = sel.getAttribute("data-filter");
      Array.prototype.forEach.call(sel.options, function (opt) {
        if (!opt.value) { return; }
        var all = 0, open = 0;
        rows.forEach(function (r) {
          if (tokens(r.getAttribute("data-" + key)).indexOf(opt.value) >= 0) {
            all++;
            if (r.getAttribute("data-state") === "open") { open++; }
          }
        });
        opt.setAttribute("data-rows", String(all));
        opt.setAttribute("data-open", String(open));
        opt.textContent = opt.textContent + " (" + all + ")";
      });
    });

    function apply() {
      var q = search ? search.value.trim().toLowerCase() : "";
      var n = 0;
      rows.forEach(function (r) {
        var ok = selects.every(function (sel) {
          return !sel.value || tokens(r.getAttribute("data-" + sel.getAttribute("data-filter"))).indexOf(sel.value) >= 0;
        });
        if (ok && q) { ok = r.textContent.toLowerCase().indexOf(q) >= 0; }
        r.hidden = !ok;
        if (ok) { n++; }
      });
      if (shown) { shown.textContent = String(n); shown.setAttribute("data-shown", String(n)); }
    }

    // A filter can come with the link: report.html?severity=major&q=C-007
    // (or after #), so a shared link opens on the same view.
    var params = new URLSearchParams(window.location.search || window.location.hash.replace(/^#/, ""));
    selects.forEach(function (sel) {
      var v = params.get(sel.getAttribute("data-filter"));
      if (v !== null) { sel.value = v; }
      sel.addEventListener("change", apply);
    });
    if (search) {
      if (params.get("q") !== null) { search.value = params.get("q"); }
      search.addEventListener("input", apply);
    }
    apply();

    // Printing shows every affected complaint: open the lists first.
    window.addEventListener("beforeprint", function () {
      Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
    });
    root.setAttribute("data-ready", "true");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
