// Start-up of the served app: the report's views (report_app.js) over the API-backed source
// (api_source.js), and the bar's full-text search of every document (/api/search), whose
// results open in the views' article panel. Every value from the server goes into the page
// through text nodes, never as HTML.
"use strict";

(function () {
  var root = document.getElementById("app");
  var app = new StorylineApp.App(root, StorylineApi.ApiSource());
  window.storylineApp = app;
  var started = app.start().catch(function (err) {
    var p = document.createElement("p");
    p.className = "error";
    p.textContent = "The story could not be shown: " + err.message;
    root.appendChild(p);
  });

  var form = document.getElementById("search");
  var input = document.getElementById("q");
  var box = document.getElementById("search-box");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("more");
  var PAGE = 20;
  var words = "", next = null;

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  // The snippet's text with each match inside it in a <mark>, as text nodes.
  function snippet(hit) {
    var p = element("p", null, "snippet"), span = hit.snippet, at = span.start;
    hit.matches.forEach(function (m) {
      if (m.start < at || m.end > span.end) return;
      p.append(document.createTextNode(span.text.slice(at - span.start, m.start - span.start)));
      p.append(element("mark", span.text.slice(m.start - span.start, m.end - span.start)));
      at = m.end;
    });
    p.append(document.createTextNode(span.text.slice(at - span.start)));
    return p;
  }

  function published(doc) {
    var date = doc.published;
    if (!date) return "undated";
    var day = typeof date === "string" ? date : date.best || date.earliest + " – " + date.latest;
    return doc.published_basis ? day + " (" + doc.published_basis + ")" : day;
  }

  function show(hit) {
    var doc = hit.document, item = element("li");
    var link = element("a", doc.title || doc.source);
    link.href = "/api/documents/" + encodeURIComponent(doc.id);
    var first = hit.matches[0];
    link.addEventListener("click", function (e) {
      e.preventDefault();
      started.then(function () {
        app.openDocument(doc.id, first ? {start: first.start, end: first.end} : null);
      });
    });
    item.append(link);
    item.append(element("div", [doc.outlet || "unknown outlet", published(doc)].join(" · "), "meta"));
    item.append(snippet(hit));
    list.append(item);
  }

  function load(offset) {
    status.textContent = "Searching…";
    return StorylineApi.get("/api/search", {q: words, limit: PAGE, offset: offset}).then(function (body) {
      body.items.forEach(show);
      next = body.next_offset;
      more.hidden = next === null;
      status.textContent = body.total === 0 ? "No document holds every word (0 found)."
        : "Documents found: " + body.total + " (showing " + list.children.length + ")";
    }).catch(function (err) {
      status.textContent = "The search failed: " + err.message;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    words = input.value.trim();
    list.replaceChildren();
    more.hidden = true;
    box.hidden = !words;
    if (words) load(0);
  });
  more.addEventListener("click", function () { if (next !== null) load(next); });
  document.getElementById("search-close").addEventListener("click", function () {
    box.hidden = true;
    list.replaceChildren();
  });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    form.requestSubmit();
  }
})();
