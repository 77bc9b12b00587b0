// The report's views. They only talk to a data source (report_source.js or the web app's
// API-backed one) and draw what is on screen: lists are paged, the timeline axis draws
// density bars, never one node per fact. Article text reaches the page through text nodes
// and setAttribute only.
"use strict";

var StorylineApp = (function () {
  var PAGE = 50;
  // The most outlets a filter lists (by documents); the rest are reached from Sources.
  var MAX_OPTIONS = 300;
  var CITATIONS_SHOWN = 3;
  var SVG_NS = "http://www.w3.org/2000/svg";

  // An element with attributes (set one by one, never parsed) and children (strings become
  // text nodes).
  function h(tag, attrs) {
    var el = document.createElement(tag);
    setAll(el, attrs);
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function s(tag, attrs) {
    var el = document.createElementNS(SVG_NS, tag);
    setAll(el, attrs);
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function setAll(el, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    });
  }
  function append(el, child) {
    if (arguments.length > 2) { append(el, Array.prototype.slice.call(arguments, 1)); return; }
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  function plural(n, word, many) {
    return n.toLocaleString("en-US") + " " + (n === 1 ? word : many || word + "s");
  }
  function clip(text, n) {
    var flat = (text || "").replace(/\s+/g, " ").trim();
    return flat.length <= n ? flat : flat.slice(0, n - 1).trimEnd() + "…";
  }
  // A title cut at a word boundary: a story titled by its lead article's opening words ends
  // on a whole word, not mid-phrase.
  function clipWords(text, n) {
    var flat = (text || "").replace(/\s+/g, " ").trim();
    if (flat.length <= n) return flat;
    var cut = flat.slice(0, n), space = cut.lastIndexOf(" ");
    if (space > n / 2) cut = cut.slice(0, space);
    return cut.replace(/[\s,;:(\u2013\u2014-]+$/, "").replace(/…$/, "") + "…";
  }
  function debounce(fn, ms) {
    var t = null;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  function App(root, source) {
    this.root = root;
    this.source = source;
    this.filters = {story: "", actor: "", type: "", outlet: "", q: ""};
    this.tab = "timeline";
    // Names of actors chosen outside the filter's list (a story's key actor, an entry's).
    this.knownActors = new Map();
    this.storyTitles = new Map();
  }

  // Stories come first when the store holds several that more than one document tells;
  // a store of one story (the demo, a small folder) opens on its timeline.
  var STORIES_FIRST_AT = 2;

  App.prototype.start = function () {
    var app = this;
    return Promise.all([app.source.meta(), app.source.stories(), app.source.sources(),
      app.source.actors(500), app.source.storyCards({several: true}, {offset: 0, limit: 1})]).then(function (got) {
      app.meta = got[0];
      app.storyList = got[1];
      app.storyList.forEach(function (st) { app.storyTitles.set(st.id, st.title); });
      app.severalStories = got[4].total;
      app.outlets = got[2].outlets;
      app.actorList = got[3];
      app.actorByName = new Map();
      app.actorList.forEach(function (a) { if (!app.actorByName.has(a.name)) app.actorByName.set(a.name, a.id); });
      app.layout();
      var first = app.severalStories >= STORIES_FIRST_AT ? "stories" : "timeline";
      var story = /^#story=([^&]+)$/.exec(location.hash);
      if (story) {
        app.filters.story = decodeURIComponent(story[1]);
        first = "timeline";
      }
      var drawn = app.show(first);
      document.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && !app.panel.hidden) app.closeDocument();
      });
      // A link to #story=ID followed on the page opens that story's timeline.
      window.addEventListener("hashchange", function () {
        var asked = /^#story=([^&]+)$/.exec(location.hash);
        if (asked) app.openStory(decodeURIComponent(asked[1]), "timeline");
      });
      return drawn;
    }).then(function () {
      var linked = /^#doc=([^&]+)(?:&at=(\d+)-(\d+))?$/.exec(location.hash);
      if (linked) {
        var at = linked[2] ? {start: +linked[2], end: +linked[3]} : null;
        return app.openDocument(decodeURIComponent(linked[1]), at);
      }
    }).then(function () {
      app.root.setAttribute("data-ready", "1");
    });
  };

  App.prototype.layout = function () {
    var app = this, m = app.meta, span = m.span || {};
    clear(app.root);
    var facts = [plural(m.counts.documents, "document"), plural(m.counts.stories || 0, "story", "stories"),
      plural(m.counts.outlets, "outlet"),
      plural(m.counts.entries, "timeline entry", "timeline entries"),
      plural(m.counts.figures, "figure"), plural(m.counts.quotes, "quote"),
      plural(m.counts.conflicts, "conflict")];
    var spanLine = span.start ? h("p", {"class": "range", id: "span"},
      "From " + span.start + " to " + span.end) : h("p", {"class": "range", id: "span"}, "No dated entries");
    var outside = span.outside ? h("p", {"class": "muted note", id: "span-note"},
      plural(span.outside, "entry", "entries") + " dated far outside the " +
      span.basis + " (" + span.outside_dates.join(", ") + (span.outside > span.outside_dates.length ? ", …" : "") +
      ") not counted in this span; they stay in the timeline.") : null;
    var tabs = [["stories", "Stories"], ["timeline", "Timeline"], ["figures", "Figures"], ["quotes", "Quotes"],
      ["sources", "Sources"], ["actors", "Actors"], ["rejected", "Rejected inputs"]];
    app.tabButtons = {};
    var nav = h("nav", {"class": "tabs", role: "tablist"}, tabs.map(function (t) {
      var b = h("button", {type: "button", role: "tab", id: "tab-" + t[0], "data-tab": t[0],
        onclick: function () { app.show(t[0]); }}, t[1]);
      app.tabButtons[t[0]] = b;
      return b;
    }));
    app.main = h("main", {id: "view"});
    app.panel = h("aside", {"class": "doc-panel", id: "doc-panel", hidden: true, "aria-label": "Document"});
    append(app.root, [h("header", {"class": "page-header"}, h("h1", {id: "title"}, m.title), spanLine,
      outside, h("p", {"class": "counts"}, facts.join(" · ")), nav), app.main, app.panel]);
    document.title = m.title;
  };

  App.prototype.show = function (tab) {
    var app = this;
    app.tab = tab;
    Object.keys(app.tabButtons).forEach(function (k) {
      app.tabButtons[k].setAttribute("aria-selected", k === tab ? "true" : "false");
    });
    clear(app.main);
    var render = {stories: app.storiesView, timeline: app.timelineView, figures: app.figuresView, quotes: app.quotesView,
      sources: app.sourcesView, actors: app.actorsView, rejected: app.rejectedView}[tab];
    return render.call(app, app.main);
  };

  // A list that shows `PAGE` items and a button for the next ones.
  function pagedList(container, fetch, renderItem, emptyText, size) {
    var list = h("ol", {"class": "items"}), more = h("button", {type: "button", "class": "more", hidden: true}, "");
    var empty = h("p", {"class": "empty", hidden: true}, emptyText);
    var total = h("p", {"class": "muted total"});
    var offset = 0, token = 0;
    size = size || PAGE;
    function load(reset) {
      var mine = reset ? ++token : token;
      if (reset) offset = 0;
      return fetch({offset: offset, limit: size}).then(function (res) {
        if (mine !== token) return res;
        if (reset) clear(list);
        res.items.forEach(function (it) { list.appendChild(renderItem(it)); });
        offset = res.offset + res.items.length;
        more.hidden = offset >= res.total;
        more.textContent = "Show more (" + (res.total - offset).toLocaleString("en-US") + " left)";
        empty.hidden = res.total !== 0;
        total.textContent = res.total ? "Showing " + offset.toLocaleString("en-US") + " of " + res.total.toLocaleString("en-US") : "";
        return res;
      }, function (err) {
        // A busy server answers 503: say so rather than leave the list blank.
        if (mine === token) total.textContent = "Could not load this list: " + err.message;
      });
    }
    more.addEventListener("click", function () { load(false); });
    append(container, [total, list, empty, more]);
    return {reload: function () { return load(true); }, list: list, total: total};
  }

  App.prototype.citeButton = function (c, label) {
    var app = this;
    return h("button", {type: "button", "class": "cite" + (c.verified ? "" : " unverified"),
      "data-doc": c.doc, "data-start": c.start, "data-end": c.end,
      title: c.verified ? "Show these words in the article" : "The cited words were not found at the cited place",
      onclick: function () { app.openDocument(c.doc, c.verified ? c : null); }},
      h("span", {"class": "outlet"}, c.outlet), " ", label === undefined ? "“" + clip(c.text, 160) + "”" : label,
      c.verified ? null : h("span", {"class": "flag unverified"}, "offsets differ"));
  };

  // ---- Stories -----------------------------------------------------------------------

  App.prototype.storiesView = function (main) {
    var app = this;
    var several = h("div", {id: "stories"}), singles = h("div", {id: "single-stories"});
    append(main, h("section", {id: "stories-view"}, h("h2", null, "Stories"),
      h("p", {"class": "muted"}, "The documents grouped by what they report, the largest story first."),
      several, singles));
    var cards = pagedList(several, function (p) { return app.source.storyCards({several: true}, p); },
      function (st) { return app.storyCard(st); }, "No story is told by more than one document.", 10);
    cards.list.classList.add("story-cards");
    // Stories of one document each: one line, opened on request.
    var ones = app.source.storyCards({several: false}, {offset: 0, limit: 1}).then(function (res) {
      if (!res.total) return;
      var box = h("div", {"class": "single-list"}), opened = false;
      var toggle = h("button", {type: "button", "class": "link", id: "single-toggle", "aria-expanded": "false"},
        plural(res.total, "single-document story", "single-document stories"));
      toggle.addEventListener("click", function () {
        opened = !opened;
        toggle.setAttribute("aria-expanded", String(opened));
        clear(box);
        if (!opened) return;
        pagedList(box, function (p) { return app.source.storyCards({several: false}, p); }, function (st) {
          app.storyTitles.set(st.id, st.title);
          return h("li", {"class": "story-line", "data-story": st.id},
            h("button", {type: "button", "class": "link", onclick: function () { app.openStory(st.id, "timeline"); }},
              clipWords(st.title, 90)),
            h("span", {"class": "muted"}, st.start ? " · " + st.start : ""));
        }, "", 30).reload();
      });
      append(singles, h("p", null, toggle), box);
    });
    return Promise.all([cards.reload(), ones]);
  };

  App.prototype.storyCard = function (st) {
    var app = this;
    app.storyTitles.set(st.id, st.title);
    var actors = st.key_actors.slice(0, 3).map(function (a, i) {
      return [i ? ", " : "", h("button", {type: "button", "class": "link story-actor", "data-actor": a.id,
        title: "This story's entries with " + a.name, onclick: function () { app.openStory(st.id, "timeline", a, st); }},
        a.name)];
    });
    var span = st.start ? st.start + (st.end && st.end !== st.start ? " – " + st.end : "") : "";
    var facts = [plural(st.documents, "document"), plural(st.outlets, "outlet"), plural(st.events, "event")];
    if (span) facts.push(span);
    var dates = h("p", {"class": "key-dates story-dates"});
    app.source.keyDates({story: st.id}, 5).then(function (days) {
      if (!days.length) return;
      append(dates, h("span", {"class": "muted"}, "Key dates:"), days.map(function (d) {
        return h("button", {type: "button", "class": "chip", "data-date": d.date,
          title: clip(d.summary, 200) + " (" + plural(d.documents, "document") + ")",
          onclick: function () {
            app.openStory(st.id, "timeline").then(function () { app.axis.focus(d.date, 3); });
          }}, d.date, h("small", null, " " + d.documents));
      }));
    });
    function open(view, label) {
      return h("button", {type: "button", "class": "story-open", "data-view": view,
        onclick: function () { app.openStory(st.id, view, null, st); }}, label);
    }
    return h("li", {"class": "story-card", "data-story": st.id},
      h("h3", {"class": "story-title", title: st.title}, clipWords(st.title, 90)),
      actors.length ? h("p", {"class": "story-actors"}, actors) : null,
      h("p", {"class": "muted story-facts"}, facts.join(" · ")),
      dates,
      h("p", {"class": "story-actions"}, open("timeline", "Timeline"), open("figures", "Figures"),
        open("quotes", "Quotes"), open("actors", "Actors")));
  };

  // ---- Timeline ----------------------------------------------------------------------

  App.prototype.timelineView = function (main) {
    var app = this, f = app.filters, m = app.meta;
    var section = h("section", {id: "timeline"});
    var storySel = h("select", {id: "filter-story", "aria-label": "Story"},
      h("option", {value: ""}, "All stories"),
      app.storyList.map(function (st) { return h("option", {value: st.id}, clipWords(st.title, 70) + " (" + st.documents + ")"); }),
      f.story && !app.storyList.some(function (st) { return st.id === f.story; })
        ? h("option", {value: f.story}, clipWords(app.storyTitles.get(f.story) || f.story, 70)) : null);
    var typeSel = h("select", {id: "filter-type", "aria-label": "Event type"}, h("option", {value: ""}, "All types"),
      m.groups.map(function (g) {
        return h("optgroup", {label: g.label}, h("option", {value: g.key}, "Any " + g.label.toLowerCase()),
          g.types.filter(function (t) { return m.types.indexOf(t) >= 0; }).map(function (t) {
            return h("option", {value: t}, t.toLowerCase());
          }));
      }), h("option", {value: "statement"}, "statements"));
    var outletSel = h("select", {id: "filter-outlet", "aria-label": "Source"}, h("option", {value: ""}, "All sources"),
      app.outlets.filter(function (o, i) { return i < MAX_OPTIONS || o.outlet === f.outlet; }).map(function (o) {
        return h("option", {value: o.outlet}, clip(o.outlet, 50) + " (" + o.documents + ")");
      }),
      app.outlets.length > MAX_OPTIONS ? h("option", {disabled: true, value: "\u0000"},
        "… " + (app.outlets.length - MAX_OPTIONS).toLocaleString("en-US") + " more under Sources") : null);
    var actorList = h("datalist", {id: "actor-names"}, app.actorList.map(function (a) { return h("option", {value: a.name}); }));
    var actorBox = h("input", {id: "filter-actor", type: "search", list: "actor-names", placeholder: "Actor",
      "aria-label": "Actor", autocomplete: "off"});
    var search = h("input", {id: "filter-q", type: "search", placeholder: "Words, actor or outlet",
      "aria-label": "Search the timeline", autocomplete: "off"});
    // The days shown, as dates: typed in, they move the axis; the axis moving fills them.
    var fromBox = h("input", {id: "filter-from", type: "date", "aria-label": "From"});
    var toBox = h("input", {id: "filter-to", type: "date", "aria-label": "To"});
    var reset = h("button", {type: "button", id: "filter-clear"}, "Clear filters");
    storySel.value = f.story; typeSel.value = f.type; outletSel.value = f.outlet; search.value = f.q;
    actorBox.value = app.actorName(f.actor);
    // Labelled on screen: two bare date boxes read as one range only once filled.
    var fromField = h("label", {"class": "date-field"}, "From", fromBox);
    var toField = h("label", {"class": "date-field"}, "to", toBox);
    var filters = h("div", {"class": "filters"}, storySel, actorBox, actorList, typeSel, outletSel, search,
      fromField, toField, reset);
    var keyDates = h("div", {"class": "key-dates", id: "key-dates"});
    var axis = app.axis = new TimeAxis(app, m);
    axis.fromBox = fromBox;
    axis.toBox = toBox;
    function setRange() {
      var dn = app.source.dayNumber, a = dn(fromBox.value), b = dn(toBox.value);
      if (isNaN(a) && isNaN(b)) return;
      if (isNaN(a)) a = Math.min(b, Math.floor(axis.view[0]));
      if (isNaN(b)) b = Math.max(a, Math.ceil(axis.view[1]) - 1);
      axis.view = [Math.min(a, b), Math.max(a, b) + 1];
      axis.changed();
    }
    fromBox.addEventListener("change", setRange);
    toBox.addEventListener("change", setRange);
    var list = h("div", {id: "entries"});
    append(section, [filters, keyDates, axis.element, list]);
    append(main, section);

    var paged = pagedList(list, function (p) {
      var q = Object.assign({}, app.filters, axis.range());
      return app.source.timeline(q, p);
    }, function (it) { return app.entryItem(it); }, "No entry matches the filters in this time window.");
    paged.list.classList.add("timeline");

    function refresh() {
      axis.draw();
      return paged.reload();
    }
    app.refreshTimeline = refresh;
    axis.onchange = debounce(function () { paged.reload(); }, 60);
    function keys() {
      app.source.keyDates({story: app.filters.story}, 8).then(function (days) {
        clear(keyDates);
        if (!days.length) return;
        append(keyDates, h("span", {"class": "muted"}, app.filters.story ? "Key dates of this story:" : "Key dates:"),
          days.map(function (d) {
            return h("button", {type: "button", "class": "chip", "data-date": d.date,
              title: clip(d.summary, 200) + " (" + plural(d.documents, "document") + ")",
              onclick: function () { axis.focus(d.date, 3); }}, d.date, h("small", null, " " + d.documents));
          }));
      });
    }
    function changed() {
      f.story = storySel.value; f.type = typeSel.value; f.outlet = outletSel.value; f.q = search.value.trim();
      var name = actorBox.value.trim();
      f.actor = app.actorByName.get(name) || "";
      if (name && !f.actor) f.q = (f.q + " " + name).trim();  // not a known actor: match its words
      return refresh();
    }
    app.timelineChanged = changed;
    storySel.addEventListener("change", function () { changed(); keys(); });
    [typeSel, outletSel].forEach(function (el) { el.addEventListener("change", changed); });
    actorBox.addEventListener("change", changed);
    search.addEventListener("input", changed);
    reset.addEventListener("click", function () {
      storySel.value = typeSel.value = outletSel.value = search.value = actorBox.value = "";
      axis.fit();
      changed(); keys();
    });
    keys();
    axis.fit();
    var days = app.storyWindow, dn = app.source.dayNumber;
    app.storyWindow = null;
    if (days && !isNaN(dn(days.start))) axis.view = [dn(days.start), dn(days.end || days.start) + 1];
    return refresh();
  };

  App.prototype.entryItem = function (it) {
    var app = this;
    var actors = [];
    it.actors.forEach(function (a) {
      var label = a.role === "location" ? "in " + a.name : a.role === "reported by" ? "reported by " + a.name : a.name;
      actors.push(h("button", {type: "button", "class": "actor link", "data-actor": a.id,
        title: "Only entries with " + a.name, onclick: function () {
          app.knownActors.set(a.id, a.name);
          app.setFilter("actor", a.id);
        }}, label));
    });
    return h("li", {"class": "entry", "data-ref": it.ref},
      h("div", {"class": "when"}, it.date),
      h("div", {"class": "what"},
        h("p", {"class": "summary"}, h("span", {"class": "badge " + it.group}, (it.type || it.kind).toLowerCase()),
          it.mode ? h("span", {"class": "mode"}, it.mode) : null, " ", it.summary),
        actors.length ? h("p", {"class": "actors"}, actors) : null,
        app.citationList(it.citations)));
  };

  // The first few citations of an entry; an event dozens of articles report lists the rest
  // on request.
  App.prototype.citationList = function (citations) {
    var app = this, ul = h("ul", {"class": "citations"});
    function add(list) { list.forEach(function (c) { ul.appendChild(h("li", null, app.citeButton(c))); }); }
    add(citations.slice(0, CITATIONS_SHOWN));
    if (citations.length > CITATIONS_SHOWN) {
      var rest = h("button", {type: "button", "class": "link more-citations"},
        plural(citations.length - CITATIONS_SHOWN, "more source"));
      rest.addEventListener("click", function () {
        ul.removeChild(rest.parentNode);
        add(citations.slice(CITATIONS_SHOWN));
      });
      ul.appendChild(h("li", null, rest));
    }
    return ul;
  };

  App.prototype.actorName = function (id) {
    if (!id) return "";
    var listed = this.actorList.filter(function (a) { return a.id === id; })[0];
    if (listed) return listed.name;
    var name = this.knownActors.get(id) || "";
    if (name && !this.actorByName.has(name)) this.actorByName.set(name, id);
    return name;
  };

  // One story in a view, every other filter cleared: its timeline (with one of its actors),
  // figures or quotes.
  // The timeline opens on the story's days (its documents' first to last publication day):
  // background dated years before stays a pan or "All" away.
  App.prototype.openStory = function (id, view, actor, span) {
    this.filters = {story: id, actor: actor ? actor.id : "", type: "", outlet: "", q: ""};
    this.storyWindow = span && span.start ? span : null;
    if (actor) this.knownActors.set(actor.id, actor.name);
    this.closeDocument();
    setHash("#story=" + encodeURIComponent(id));
    return this.show(view);
  };

  App.prototype.setFilter = function (key, value) {
    this.filters[key] = value;
    this.closeDocument();
    this.show("timeline");
  };

  // The time axis: density bars of the matching entries over the visible window, zoomed by
  // the wheel or the +/- buttons and panned by dragging or the arrow keys.
  function TimeAxis(app, meta) {
    var axis = this;
    axis.app = app;
    var ext = meta.extent, span = meta.span || {};
    var dn = app.source.dayNumber;
    axis.home = span.start ? [dn(span.start), dn(span.end) + 1] : ext ? [dn(ext.start), dn(ext.end) + 1] : [0, 1];
    axis.limits = ext ? [Math.min(dn(ext.start), axis.home[0]) - 30, Math.max(dn(ext.end), axis.home[1]) + 30] : axis.home;
    axis.view = axis.home.slice();
    axis.svg = s("svg", {"class": "axis", id: "axis", tabindex: "0", role: "img", height: 96,
      "aria-label": "Timeline: drag or use the arrow keys to move, the wheel or +/- to zoom"});
    axis.label = h("span", {"class": "window", id: "axis-window"});
    var btn = function (text, title, fn, id) {
      return h("button", {type: "button", title: title, "aria-label": title, id: id, onclick: fn}, text);
    };
    var controls = h("div", {"class": "axis-controls"},
      btn("←", "Earlier", function () { axis.pan(-0.25); }, "axis-left"),
      btn("−", "Zoom out", function () { axis.zoom(1.6, 0.5); }, "axis-out"),
      btn("+", "Zoom in", function () { axis.zoom(1 / 1.6, 0.5); }, "axis-in"),
      btn("→", "Later", function () { axis.pan(0.25); }, "axis-right"),
      btn("Fit", "The whole story", function () { axis.fit(); axis.changed(); }, "axis-fit"),
      btn("All", "Every dated entry, however far", function () { axis.view = axis.limits.slice(); axis.changed(); }, "axis-all"),
      axis.label);
    axis.element = h("div", {"class": "axis-box"}, controls, axis.svg);
    axis.svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var r = axis.svg.getBoundingClientRect();
      axis.zoom(e.deltaY > 0 ? 1.25 : 0.8, (e.clientX - r.left) / r.width);
    }, {passive: false});
    axis.svg.addEventListener("keydown", function (e) {
      var act = {ArrowLeft: function () { axis.pan(-0.1); }, ArrowRight: function () { axis.pan(0.1); },
        "+": function () { axis.zoom(0.8, 0.5); }, "=": function () { axis.zoom(0.8, 0.5); },
        "-": function () { axis.zoom(1.25, 0.5); }}[e.key];
      if (act) { e.preventDefault(); act(); }
    });
    var drag = null;
    axis.svg.addEventListener("pointerdown", function (e) {
      drag = {x: e.clientX, view: axis.view.slice(), moved: false};
      axis.svg.setPointerCapture(e.pointerId);
    });
    axis.svg.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var w = axis.svg.getBoundingClientRect().width, dx = e.clientX - drag.x;
      if (Math.abs(dx) > 3) drag.moved = true;
      if (!drag.moved) return;
      var shift = -dx / w * (drag.view[1] - drag.view[0]);
      axis.view = [drag.view[0] + shift, drag.view[1] + shift];
      axis.changed();
    });
    axis.svg.addEventListener("pointerup", function (e) {
      if (drag && !drag.moved) {  // a click on a bar: zoom to it
        var r = axis.svg.getBoundingClientRect(), x = (e.clientX - r.left) / r.width;
        axis.zoom(0.5, x);
      }
      drag = null;
    });
    axis.svg.addEventListener("pointercancel", function () { drag = null; });
  }

  TimeAxis.prototype.fit = function () { this.view = this.home.slice(); };
  TimeAxis.prototype.focus = function (date, days) {
    var d = this.app.source.dayNumber(date);
    this.view = [d - days, d + days + 1];
    this.changed();
  };
  TimeAxis.prototype.range = function () {
    var t = this.app.source.dayText;
    return {from: t(Math.ceil(this.view[0] - 1e-9)), to: t(Math.ceil(this.view[1] - 1e-9) - 1)};
  };
  TimeAxis.prototype.zoom = function (factor, at) {
    var a = this.view[0], b = this.view[1], width = Math.max(1, Math.min((b - a) * factor,
      (this.limits[1] - this.limits[0]) * 2));
    var center = a + (b - a) * at;
    this.view = [center - width * at, center + width * (1 - at)];
    this.changed();
  };
  TimeAxis.prototype.pan = function (share) {
    var d = (this.view[1] - this.view[0]) * share;
    d = Math.sign(d) * Math.max(1, Math.abs(d));  // at least a day, so a step always shows
    this.view = [this.view[0] + d, this.view[1] + d];
    this.changed();
  };
  TimeAxis.prototype.changed = function () {
    this.draw();
    if (this.onchange) this.onchange();
  };

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function ticks(a, b, width) {
    var days = b - a, most = Math.max(2, Math.floor(width / 80)), out = [];
    var start = new Date(Math.floor(a) * 86400000), y0 = start.getUTCFullYear(), i, d;
    if (days / 365 > most * 0.9) {
      var stepY = Math.ceil(days / 365 / most);
      for (i = Math.floor(y0 / stepY) * stepY; ; i += stepY) {
        d = new Date(0); d.setUTCFullYear(i, 0, 1);
        var n = d.getTime() / 86400000;
        if (n > b) break;
        if (n >= a) out.push([n, String(i)]);
      }
    } else if (days / 30 > most * 0.9 || days > 62) {
      var stepM = [1, 2, 3, 6, 12].filter(function (k) { return days / 30 / k <= most; })[0] || 12;
      for (i = 0; ; i += 1) {
        d = new Date(0); d.setUTCFullYear(y0, start.getUTCMonth() + i, 1);
        var nm = d.getTime() / 86400000;
        if (nm > b) break;
        if (nm >= a && d.getUTCMonth() % stepM === 0) {
          out.push([nm, d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear()]);
        }
      }
    } else {
      var stepD = Math.max(1, Math.ceil(days / most));
      for (i = Math.ceil(a); i <= b; i += stepD) {
        d = new Date(i * 86400000);
        out.push([i, d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + (days > 5 ? "" : " " + d.getUTCFullYear())]);
      }
    }
    return out;
  }

  TimeAxis.prototype.draw = function () {
    var axis = this, svg = axis.svg, app = axis.app;
    var width = Math.max(200, Math.floor(svg.getBoundingClientRect().width || 600)), height = 96;
    var bins = Math.max(10, Math.floor(width / 5));
    var a = axis.view[0], b = axis.view[1], range = axis.range();
    axis.label.textContent = range.from === range.to ? range.from : range.from + " – " + range.to;
    if (axis.fromBox) { axis.fromBox.value = range.from; axis.toBox.value = range.to; }
    var token = axis.token = (axis.token || 0) + 1;
    var dayText = app.source.dayText;
    // Bins of whole days, so a bar never covers half a day.
    var first = Math.floor(a), last = Math.ceil(b), perBin = Math.max(1, Math.ceil((last - first) / bins));
    bins = Math.ceil((last - first) / perBin);
    app.source.histogram(app.filters, dayText(first), dayText(first + bins * perBin - 1), bins).then(function (counts) {
      if (token !== axis.token) return;
      clear(svg);
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      var max = Math.max.apply(null, counts.concat([1]));
      var x = function (day) { return (day - a) / (b - a) * width; };
      var bars = s("g", {"class": "bars"});
      counts.forEach(function (n, i) {
        if (!n) return;
        var x0 = x(first + i * perBin), x1 = x(first + (i + 1) * perBin);
        var bh = Math.max(3, Math.sqrt(n / max) * (height - 30));
        bars.appendChild(s("rect", {x: x0.toFixed(1), y: (height - 22 - bh).toFixed(1),
          width: Math.max(1.5, x1 - x0 - 1).toFixed(1), height: bh.toFixed(1), "class": "bar"},
          s("title", null, dayText(first + i * perBin) + (perBin > 1 ? " – " + dayText(first + (i + 1) * perBin - 1) : "") + ": " + plural(n, "entry", "entries"))));
      });
      var tickGroup = s("g", {"class": "ticks"});
      ticks(a, b, width).forEach(function (t) {
        var tx = x(t[0]);
        tickGroup.appendChild(s("line", {x1: tx, x2: tx, y1: height - 22, y2: height - 16}));
        tickGroup.appendChild(s("text", {x: tx + 2, y: height - 5}, t[1]));
      });
      append(svg, [s("line", {"class": "base", x1: 0, x2: width, y1: height - 22, y2: height - 22}), bars, tickGroup]);
    });
  };

  // ---- Document panel ----------------------------------------------------------------

  App.prototype.openDocument = function (docId, evidence) {
    var app = this;
    return app.source.document(docId).then(function (got) {
      if (!got) return;
      var panel = clear(app.panel), d = got.document;
      var rows = [];
      function row(label, value) { if (value) rows.push(h("dt", null, label), h("dd", null, value)); }
      var spans = [];
      (got.cited || []).forEach(function (ev) { spans.push({start: ev.start, end: ev.end, kind: "cited"}); });
      (d.published_evidence || []).forEach(function (ev) { spans.push({start: ev.start, end: ev.end, kind: "date"}); });
      if (evidence) spans.push({start: evidence.start, end: evidence.end, kind: "active"});
      var text = h("div", {"class": "doctext", id: "doc-text"});
      markText(text, d.text, spans);
      var dateEvidence = (d.published_evidence || []).map(function (ev) {
        return h("button", {type: "button", "class": "link", onclick: function () { app.openDocument(docId, ev); }}, "“" + clip(ev.text, 80) + "”");
      });
      row("Published", [got.published, got.basis ? h("span", {"class": "muted"}, " (" + got.basis + ")") : null,
        dateEvidence.length ? h("span", null, " · read from ", dateEvidence) : null]);
      if ((d.published_reasons || []).length) {
        row("Dated by", h("ul", {"class": "reasons"}, d.published_reasons.map(function (r) { return h("li", null, r); })));
      }
      row("Author", d.author);
      row("Credits", (d.credits || []).join(", "));
      var named = got.credits.filter(function (c) { return c.outlet; }).map(function (c) {
        return c.outlet + " (" + c.role + ", " + c.basis + ")";
      });
      row("Sources named", named.join("; "));
      got.derived_from.forEach(function (x) {
        row("Retells", [app.docButton(x), h("span", {"class": "muted"}, " (" + x.note + ")")]);
      });
      got.retold_by.forEach(function (x) {
        row("Retold by", [app.docButton(x), h("span", {"class": "muted"}, " (" + x.note + ")")]);
      });
      row("Input", h("span", {"class": "path"}, d.source));
      row("URL", d.url ? h("span", {"class": "path"}, d.url) : null);
      append(panel, [
        h("div", {"class": "panel-head"}, h("button", {type: "button", "class": "close", id: "doc-close",
          "aria-label": "Close", onclick: function () { app.closeDocument(); }}, "×"),
          h("h2", {id: "doc-title"}, d.title || "untitled"),
          h("p", {"class": "muted"}, got.outlet + " · " + d.id.slice(0, 8))),
        h("div", {"class": "panel-body"}, h("dl", null, rows),
          evidence ? null : h("p", {"class": "muted"}, "Cited words are marked."), text)]);
      panel.hidden = false;
      panel.setAttribute("data-doc", docId);
      // The address names what is open, so a link can be kept or sent.
      setHash("#doc=" + encodeURIComponent(docId) + (evidence ? "&at=" + evidence.start + "-" + evidence.end : ""));
      document.body.classList.add("panel-open");
      var active = text.querySelector("mark.active");
      if (active) active.scrollIntoView({block: "center"});
      else panel.querySelector(".panel-body").scrollTop = 0;
      (panel.querySelector("#doc-close")).focus({preventScroll: true});
    });
  };

  function setHash(hash) {
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (e) { /* an opaque origin may refuse; the link is a convenience */ }
  }

  App.prototype.closeDocument = function () {
    if (!this.panel.hidden) setHash("");
    this.panel.hidden = true;
    document.body.classList.remove("panel-open");
  };

  App.prototype.docButton = function (x) {
    var app = this;
    return h("button", {type: "button", "class": "link doc-link", "data-doc": x.doc,
      onclick: function () { app.openDocument(x.doc, null); }}, x.outlet + ": " + clip(x.title, 90));
  };

  // The text as plain and marked runs: cut at every span edge; a run is marked when a span
  // covers it, "active" when the chosen evidence does.
  function markText(el, text, spans) {
    var n = text.length, cuts = new Set([0, n]);
    var valid = spans.map(function (sp) {
      return {start: Math.max(0, sp.start), end: Math.min(n, sp.end), kind: sp.kind};
    }).filter(function (sp) { return sp.start < sp.end; });
    valid.forEach(function (sp) { cuts.add(sp.start); cuts.add(sp.end); });
    var points = Array.from(cuts).sort(function (a, b) { return a - b; });
    var activeSeen = false;
    for (var i = 0; i + 1 < points.length; i++) {
      var l = points[i], r = points[i + 1], kinds = {};
      valid.forEach(function (sp) { if (sp.start <= l && r <= sp.end) kinds[sp.kind] = true; });
      var piece = text.slice(l, r);
      if (kinds.active || kinds.cited || kinds.date) {
        var cls = kinds.active ? "active" : kinds.date ? "date" : "cited";
        var mark = h("mark", {"class": cls}, piece);
        if (kinds.active && !activeSeen) { mark.id = "evidence"; activeSeen = true; }
        el.appendChild(mark);
      } else {
        el.appendChild(document.createTextNode(piece));
      }
    }
  }

  // ---- Figures -----------------------------------------------------------------------

  var CONFLICT_ITEMS_SHOWN = 8;
  var NOTE_CHARS = 300;

  App.prototype.figuresView = function (main) {
    var app = this;
    var charts = h("div", {"class": "charts", id: "series"});
    var conflicts = h("div", {id: "conflicts"});
    var all = h("div", {id: "figures"});
    // The timeline's story filter: a story chosen here stays chosen there, and back.
    var storySel = h("select", {id: "figures-story", "aria-label": "Story"},
      h("option", {value: ""}, "All stories"),
      app.storyList.map(function (st) { return h("option", {value: st.id}, clip(st.title, 80) + " (" + st.documents + ")"); }));
    storySel.value = app.filters.story;
    var scope = function () { return {story: app.filters.story}; };
    // Unscoped, one card holds a quantity as every story reports it: say so where it matters.
    var mixed = h("p", {"class": "muted note", id: "figures-mixed"},
      "Each chart mixes the reports of all " + app.storyList.length + " stories: choose one to see its own figures.");
    var hint = function () { mixed.hidden = !!app.filters.story || app.storyList.length < 2; };
    hint();
    append(main, h("section", {id: "figures-view"},
      h("div", {"class": "filters"}, storySel), mixed,
      h("h2", null, "Figures over time"), charts,
      h("h2", null, "Where sources disagree"), conflicts,
      h("h2", null, "Every figure"), all));
    var seriesPage = pagedList(charts, function (p) { return app.source.series(scope(), p); },
      function (one) { return app.seriesChart(one); }, "No figure is reported more than once.", 12);
    seriesPage.list.classList.add("chart-grid");
    var conflictPage = pagedList(conflicts, function (p) { return app.source.conflicts(scope(), p); },
      function (c) { return app.conflictItem(c); }, "No source contradicts another.", 30);
    var figurePage = pagedList(all, function (p) { return app.source.figures(scope(), p); }, function (f) {
      return h("li", {"class": "figure" + (f.disputed ? " disputed" : ""), "data-figure": f.id},
        h("p", null, h("strong", {"class": "value"}, f.value), " ", f.counts,
          f.subject ? " · " + f.subject : "", f.as_of ? " · as of " + f.as_of : "",
          f.attributed_to ? " · according to " + f.attributed_to : "",
          f.disputed ? h("span", {"class": "flag"}, "disputed") : null),
        app.citeButton(f.citation));
    }, "No figures.", 30);
    function reload() {
      return Promise.all([seriesPage.reload(), conflictPage.reload(), figurePage.reload()]);
    }
    storySel.addEventListener("change", function () { app.filters.story = storySel.value; hint(); reload(); });
    return reload();
  };

  // One conflict: its first values, and the rest on request (one conflict can hold thousands).
  App.prototype.conflictItem = function (c) {
    var app = this, list = h("ul", {"class": "conflict-items"});
    function item(it) {
      if (it.citation) return h("li", null, app.citeButton(it.citation, it.label));
      if (it.doc) return h("li", null, app.docButton({doc: it.doc, outlet: "document", title: it.label}));
      return h("li", null, it.label);
    }
    append(list, c.items.slice(0, CONFLICT_ITEMS_SHOWN).map(item));
    var rest = c.items.length - CONFLICT_ITEMS_SHOWN;
    var more = rest > 0 ? h("button", {type: "button", "class": "link more-values"}, "All " + plural(c.items.length, "value")) : null;
    if (more) {
      more.addEventListener("click", function () {
        more.remove();
        append(list, c.items.slice(CONFLICT_ITEMS_SHOWN).map(item));
      });
    }
    return h("li", {"class": "conflict"}, h("p", null, h("span", {"class": "flag"}, c.kind), " ", clip(c.note, NOTE_CHARS)),
      list, more);
  };

  // A compact number for an axis: 1.2K, 3.4M, 596T.
  var compact = typeof Intl !== "undefined" ? new Intl.NumberFormat("en-US", {notation: "compact", maximumFractionDigits: 1}) : null;
  function axisNumber(v) { return compact ? compact.format(v) : v.toLocaleString("en-US"); }

  function quantile(sorted, q) {
    var at = (sorted.length - 1) * q, lo = Math.floor(at), hi = Math.ceil(at);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
  }

  // The value axis of a chart. Two things make a series of reports unreadable on a plain
  // axis: a misread value orders of magnitude above the rest ("596,000,000,000,000" USD) puts
  // every other point on the baseline, and a unit-only quantity (USD, barrels) mixes $400 with
  // $40 billion. So values more than an order of magnitude (and 1.5 interquartile ranges, in
  // log terms) above the upper quartile are off scale: drawn at the top edge with their own
  // marker and their true value in their label. A clip at a fixed quantile would cut the
  // latest values of any running toll, which are legitimately the largest. What is left is
  // drawn on a log scale when it spans more than three orders of magnitude (a linear axis
  // would flatten all but the largest), else on a linear one from zero.
  function valueScale(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var positive = sorted[0] > 0, top = sorted[sorted.length - 1];
    if (positive && sorted.length >= 5) {
      var logs = sorted.map(Math.log10), q1 = quantile(logs, 0.25), q3 = quantile(logs, 0.75);
      var fence = Math.pow(10, q3 + Math.max(1.5 * (q3 - q1), 1));
      var kept = sorted.filter(function (v) { return v <= fence; });
      if (kept.length) top = kept[kept.length - 1];
    }
    var low = sorted[0];
    if (positive && top / low > 1000) {
      var a = Math.floor(Math.log10(low)), b = Math.ceil(Math.log10(top));
      if (b === a) b = a + 1;
      return {log: true, top: top, low: Math.pow(10, a), high: Math.pow(10, b),
        at: function (v) { return (Math.log10(v) - a) / (b - a); }};
    }
    var v0 = Math.min(0, low);
    return {log: false, top: top, low: v0, high: top,
      at: function (v) { return top === v0 ? 0.5 : (v - v0) / (top - v0); }};
  }

  // The last day a date of any precision covers: "2013-01" ends on 31 January.
  function lastDay(text, dn) {
    var t = text || "";
    if (/^\d{4}$/.test(t)) return dn(String(+t + 1)) - 1;
    var m = /^(\d{4})-(\d{2})$/.exec(t);
    if (m) return +m[2] === 12 ? dn(String(+m[1] + 1)) - 1 : dn(m[1] + "-" + String(+m[2] + 1).padStart(2, "0")) - 1;
    return dn(t);
  }

  // The days a chart spans: the chosen story's publication days widened by a tenth of their
  // length (a month at least) either side, for figures dated shortly before or after its
  // reports; else the store's span, which already leaves far-off dates out.
  App.prototype.chartSpan = function () {
    var app = this, dn = app.source.dayNumber;
    var st = app.storyList.filter(function (x) { return x.id === app.filters.story; })[0];
    var a = st ? dn(st.start) : NaN, b = st ? dn(st.end) : NaN;
    if (!isFinite(a) || !isFinite(b)) return app.meta.span || {};
    var margin = Math.max(30, Math.round((b - a) / 10));
    return {start: app.source.dayText(a - margin), end: app.source.dayText(b + margin)};
  };

  App.prototype.seriesChart = function (one) {
    var app = this, span = app.chartSpan(), dn = app.source.dayNumber;
    var dated = one.points.filter(function (p) { return isFinite(p.day); });
    // The dates axis covers the span of the story chosen, else the header's: a date far
    // outside it is mostly a misread one (the year 1009, 2224), counted rather than drawn.
    var s0 = dn(span.start), s1 = lastDay(span.end, dn);
    var pts = dated;
    if (isFinite(s0) && isFinite(s1)) {
      var inside = dated.filter(function (p) { return p.day >= s0 && p.day <= s1; });
      if (inside.length >= 2) pts = inside;
    }
    var outside = dated.length - pts.length, undated = one.points.length - dated.length;
    // Above the plot: a row of labels, then a band where off-scale values sit.
    var W = 320, H = 160, L = 8, R = 8, T = 26, B = 26, LABEL_Y = 10, BAND = 12;
    var svg = s("svg", {"class": "chart", viewBox: "0 0 " + W + " " + H, role: "group",
      "aria-label": one.quantity});
    var offScale = 0, scale = null;
    if (pts.length) {
      scale = valueScale(pts.map(function (p) { return p.value; }));
      var d0 = Math.min.apply(null, pts.map(function (p) { return p.day; }));
      var d1 = Math.max.apply(null, pts.map(function (p) { return p.day; }));
      var x = function (d) { return d1 === d0 ? W / 2 : L + (d - d0) / (d1 - d0) * (W - L - R); };
      var y = function (v) { return T + (1 - scale.at(v)) * (H - T - B); };
      var r = pts.length > 300 ? 3 : pts.length > 50 ? 4.5 : 6;
      svg.appendChild(s("line", {"class": "base", x1: L, x2: W - R, y1: H - B, y2: H - B}));
      svg.appendChild(s("line", {"class": "grid", x1: L, x2: W - R, y1: T, y2: T}));
      var shown = pts.filter(function (p) { return p.value <= scale.top; });
      // A line joins a few reports in date order; through hundreds it only scribbles.
      if (shown.length <= 50) {
        svg.appendChild(s("polyline", {"class": "line", points: shown.map(function (p) {
          return x(p.day).toFixed(1) + "," + y(p.value).toFixed(1);
        }).join(" ")}));
      }
      svg.appendChild(s("text", {x: L, y: H - 8}, app.source.dayText(d0)));
      if (d1 !== d0) svg.appendChild(s("text", {x: W - R, y: H - 8, "text-anchor": "end"}, app.source.dayText(d1)));
      var topLabel = scale.log ? axisNumber(scale.high) : scale.top.toLocaleString("en-US");
      svg.appendChild(s("text", {x: L, y: LABEL_Y, "class": "max"}, topLabel + (scale.log ? " · log scale" : "")));
      svg.appendChild(s("text", {x: L, y: H - B - 3, "class": "min"}, axisNumber(scale.low)));
      pts.forEach(function (p) {
        var off = p.value > scale.top;
        if (off) offScale += 1;
        var cx = x(p.day), cy = off ? T - BAND : y(p.value);
        var title = p.label + ", " + p.date + (p.date_basis !== "as_of" ? " (" + p.date_basis + ")" : "") +
          (p.attributed_to ? ", according to " + p.attributed_to : "") + " — " + p.citation.outlet +
          (off ? " (off scale)" : "") + (p.conflict ? " (disputed)" : "");
        var attrs = {tabindex: "0", role: "button", "data-figure": p.figure,
          "class": "point" + (p.conflict ? " conflict" : "") + (off ? " off-scale" : ""),
          "aria-label": p.label + " on " + p.date + " by " + p.citation.outlet + (off ? ", off scale" : "")};
        // Off scale: a triangle on the top edge pointing up, where the value lies beyond.
        var mark = off ? s("path", Object.assign(attrs, {d: "M" + cx.toFixed(1) + " " + cy + " l5 9 h-10 z"}))
          : s("circle", Object.assign(attrs, {cx: cx.toFixed(1), cy: cy.toFixed(1), r: r}));
        mark.appendChild(s("title", null, title));
        var open = function () { app.openDocument(p.citation.doc, p.citation.verified ? p.citation : null); };
        mark.addEventListener("click", open);
        mark.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
        svg.appendChild(mark);
      });
      if (offScale) svg.appendChild(s("text", {x: W - R, y: LABEL_Y, "text-anchor": "end", "class": "max off"}, "▲ off scale"));
    }
    var disputed = pts.filter(function (p) { return p.conflict; }).length;
    var notes = [plural(one.points.length, "report")];
    if (disputed) notes.push(disputed.toLocaleString("en-US") + " disputed (ringed)");
    if (offScale) notes.push(offScale.toLocaleString("en-US") + " off scale (▲ at the top; hover for the value)");
    if (outside) notes.push(plural(outside, "report") + " dated outside " + span.start + " – " + span.end + " not drawn");
    if (undated) notes.push(plural(undated, "report") + " without a day not drawn");
    if (scale && scale.log) notes.push("log scale");
    return h("li", {"class": "series-card", "data-series": one.id},
      h("h3", null, one.quantity), svg, h("p", {"class": "muted caption"}, notes.join(" · ")));
  };

  // ---- Quotes, sources, actors, rejections --------------------------------------------

  // A view of one searchable, paged list: `fetch(words, page)` gives the items.
  function searchView(main, name, heading, placeholder, fetch, renderItem, emptyText, size) {
    var box = h("input", {type: "search", id: name + "-q", placeholder: placeholder, "aria-label": placeholder});
    var holder = h("div", {id: name});
    append(main, h("section", {id: name + "-view"}, h("h2", null, heading), h("div", {"class": "filters"}, box), holder));
    var paged = pagedList(holder, function (p) { return fetch(box.value, p); }, renderItem, emptyText, size);
    box.addEventListener("input", debounce(function () { paged.reload(); }, 80));
    paged.reload();
  }

  App.prototype.quotesView = function (main) {
    var app = this, story = app.filters.story;
    searchView(main, "quotes", "Quotes by speaker", "Speaker or words", function (q, p) {
      return app.source.quotes({q: q, story: story}, p);
    }, function (g) {
      var shown = 3, list = h("ul", {"class": "quotes"});
      // The API sends a speaker's first quotes only; searching their words finds the others.
      var more = h("button", {type: "button", "class": "more"}, g.quotes.length < g.count
        ? "Show " + (g.quotes.length - shown) + " more (of " + g.count.toLocaleString("en-US") + ")"
        : "All " + g.count + " quotes");
      function fill() {
        clear(list);
        g.quotes.slice(0, shown).forEach(function (q) {
          list.appendChild(h("li", {"class": "quote", "data-quote": q.id},
            h("blockquote", null, q.direct ? "“" + q.text + "”" : q.text),
            h("p", {"class": "muted"}, q.date ? q.date + " · " : "", app.citeButton(q.citation, "source"))));
        });
        more.hidden = g.quotes.length <= shown;
      }
      more.addEventListener("click", function () { shown = g.quotes.length; fill(); });
      fill();
      return h("li", {"class": "speaker"}, h("h3", null, g.speaker, h("span", {"class": "muted"}, " · " + plural(g.count, "quote"))), list, more);
    }, "No quotes.", 15);
    if (story) app.storyNote(main.querySelector("#quotes-view h2"), "Quotes of the story", "quotes");
  };

  // Under a view's heading: which story it is limited to, and the way back to all of them.
  App.prototype.storyNote = function (heading, what, view) {
    var app = this, id = app.filters.story;
    heading.after(h("p", {"class": "story-note", id: view + "-story"}, what + " “",
      clipWords(app.storyTitles.get(id) || id, 90), "” · ",
      h("button", {type: "button", "class": "link", onclick: function () {
        app.filters.story = "";
        setHash("");
        app.show(view);
      }}, "all stories")));
  };

  App.prototype.sourcesView = function (main) {
    var app = this;
    var outlets = h("div", {id: "outlets"}), retells = h("div", {id: "derivations"});
    append(main, h("section", {id: "sources-view"}, h("h2", null, "Sources and their coverage"), outlets,
      h("h2", null, "Who retells whom"), h("p", {"class": "muted"}, "A document that shares most of its sentences with an earlier one retells its copy."), retells));
    pagedList(outlets, function (p) {
      return app.source.sources().then(function (all) {
        return {total: all.outlets.length, offset: p.offset, items: all.outlets.slice(p.offset, p.offset + p.limit)};
      });
    }, function (o) {
      var docsBox = h("div", {"class": "outlet-docs"});
      var opened = false;
      var toggle = h("button", {type: "button", "class": "link"}, "documents");
      toggle.addEventListener("click", function () {
        opened = !opened;
        clear(docsBox);
        if (opened) {
          pagedList(docsBox, function (p) { return app.source.documents({outlet: o.outlet}, p); }, function (d) {
            return h("li", null, h("span", {"class": "muted"}, d.published + " "), app.docButton(d));
          }, "No documents.", 20).reload();
        }
      });
      return h("li", {"class": "outlet", "data-outlet": o.outlet},
        h("p", null, h("strong", null, o.outlet), " · " + plural(o.documents, "document") + " on " + plural(o.days, "day") +
          (o.first ? " · " + o.first + (o.last !== o.first ? " to " + o.last : "") : "") + " · ", toggle, " · ",
          h("button", {type: "button", "class": "link", onclick: function () { app.setFilter("outlet", o.outlet); }}, "timeline")),
        docsBox);
    }, "No sources.", 30).reload();
    pagedList(retells, function (p) {
      return app.source.sources().then(function (all) {
        return {total: all.derivations.length, offset: p.offset, items: all.derivations.slice(p.offset, p.offset + p.limit)};
      });
    }, function (x) {
      return h("li", {"class": "derivation"}, app.docButton(x.doc), " retells ", app.docButton(x.derived_from),
        h("span", {"class": "muted"}, " (" + Math.round(x.similarity * 100) + "% of the shorter shared; " + x.basis + ")"));
    }, "No document retells another.", 30).reload();
  };

  App.prototype.actorsView = function (main) {
    var app = this, story = app.filters.story;
    searchView(main, "actors", "Actors, places and groups", "Name", function (q, p) {
      return app.source.entities({q: q, story: story}, p);
    }, function (e) {
      return h("li", {"class": "entity", "data-entity": e.id}, h("strong", null, e.name), h("span", {"class": "muted"}, " " + e.kind),
        e.aliases.length ? h("span", {"class": "muted"}, " · also " + clip(e.aliases.join(", "), 160)) : null,
        " · " + plural(e.mentions, "mention") + " in " + plural(e.documents, "document") + " ",
        e.first ? app.citeButton(e.first, "first mention") : null, " ",
        e.entries ? h("button", {type: "button", "class": "link", onclick: function () { app.setFilter("actor", e.id); }},
          plural(e.entries, "timeline entry", "timeline entries")) : null);
    }, "No actor matches.", 40);
    if (story) app.storyNote(main.querySelector("#actors-view h2"), "Named in the story", "actors");
  };

  App.prototype.rejectedView = function (main) {
    this.source.rejections().then(function (list) {
      append(main, h("section", {id: "rejected-view"}, h("h2", null, "Rejected inputs"),
        list.length ? h("ul", {"class": "items"}, list.map(function (r) {
          return h("li", null, h("span", {"class": "path"}, r.source), " · ", h("code", null, r.reason), r.detail ? " · " + r.detail : "");
        })) : h("p", {"class": "empty"}, "Every input was read.")));
    });
  };

  return {App: App, h: h};
})();
