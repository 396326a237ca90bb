// Search districts and branches by name, ignoring diacritics ("dong hung" finds "Đông Hưng").
// The index is a script file (search-index.js) so that it loads from file:// too; it is only
// fetched when the search box is first used.
(function () {
  "use strict";
  var root = document.body ? document.body.getAttribute("data-root") || "" : "";
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  form.hidden = false;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  var loading = false;
  function load(then) {
    if (window.KIEUMAU_INDEX) { then(); return; }
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = root + "static/search-index.js";
    s.onload = function () { loading = false; then(); };
    document.head.appendChild(s);
  }

  function show() {
    var q = fold(input.value.trim());
    list.textContent = "";
    if (q.length < 2 || !window.KIEUMAU_INDEX) return;
    var words = q.split(/\s+/);
    var hits = 0;
    var rows = window.KIEUMAU_INDEX;
    for (var i = 0; i < rows.length && hits < 30; i++) {
      var r = rows[i];
      var ok = true;
      for (var w = 0; w < words.length; w++) {
        if (r[0].indexOf(words[w]) < 0) { ok = false; break; }
      }
      if (!ok) continue;
      hits++;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + r[3];
      a.textContent = r[1];
      if (r[2]) {
        var small = document.createElement("small");
        small.textContent = r[2];
        a.appendChild(small);
      }
      li.appendChild(a);
      list.appendChild(li);
    }
    if (!hits) {
      var none = document.createElement("li");
      none.textContent = input.getAttribute("data-none") || "—";
      list.appendChild(none);
    }
  }

  input.addEventListener("focus", function () { load(show); });
  input.addEventListener("input", function () { load(show); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { list.textContent = ""; }
  });
})();
