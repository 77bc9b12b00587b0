// The landing page's search: asks /api/search and lists what it answers. Every value from
// the store goes into the page through textContent, never as HTML.
"use strict";

(function () {
  const form = document.getElementById("search");
  const input = document.getElementById("q");
  const list = document.getElementById("results");
  const status = document.getElementById("search-status");
  const more = document.getElementById("more");
  const PAGE = 20;
  let query = "";
  let next = null;

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  // The snippet's text with each match inside it wrapped in <mark>, as text nodes.
  function snippet(hit) {
    const p = element("p", null, "snippet");
    const span = hit.snippet;
    let at = span.start;
    for (const m of hit.matches) {
      if (m.start < at || m.end > span.end) continue;
      p.append(document.createTextNode(span.text.slice(at - span.start, m.start - span.start)));
      p.append(element("mark", span.text.slice(m.start - span.start, m.end - span.start)));
      at = m.end;
    }
    p.append(document.createTextNode(span.text.slice(at - span.start)));
    return p;
  }

  function published(doc) {
    const date = doc.published;
    if (!date) return "undated";
    const day = typeof date === "string" ? date : date.best || date.earliest + " – " + date.latest;
    return doc.published_basis ? day + " (" + doc.published_basis + ")" : day;
  }

  function show(hit) {
    const doc = hit.document;
    const item = element("li");
    const link = element("a", doc.title || doc.source);
    link.href = "/api/documents/" + encodeURIComponent(doc.id);
    item.append(link);
    item.append(element("div", [doc.outlet || "unknown outlet", published(doc)].join(" · "), "meta"));
    item.append(snippet(hit));
    list.append(item);
  }

  async function load(offset) {
    const url = "/api/search?q=" + encodeURIComponent(query) + "&limit=" + PAGE + "&offset=" + offset;
    status.textContent = "Searching…";
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      const body = await response.json();
      if (!response.ok) {
        status.textContent = body.error ? body.error.message : "The search failed.";
        return;
      }
      body.items.forEach(show);
      next = body.next_offset;
      more.hidden = next === null;
      status.textContent = body.total === 0
        ? "No document holds every word."
        : "Documents found: " + body.total + " (showing " + list.children.length + ")";
    } catch (error) {
      status.textContent = "The server did not answer.";
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    query = input.value.trim();
    list.replaceChildren();
    more.hidden = true;
    if (query) load(0);
  });
  more.addEventListener("click", function () {
    if (next !== null) load(next);
  });
  const asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    form.requestSubmit();
  }
})();
