// The report's data source: the storyline/1 records embedded in the page, indexed once on
// load. Views never read the records directly; they call these methods, which all return
// promises, so the web app can give the same views a source that asks its HTTP API instead.
// Every string here comes from articles: views must put it in text nodes only.
//
// The interface a source gives the views (report_app.js), every method returning a promise:
//   meta()                        {title, span, groups, types, extent, counts}
//   timeline(filters, page)       {total, offset, items: [{date, kind, type, summary, ref, group,
//                                  mode, actors: [{id, role, name}], citations, stories}]}
//   histogram(filters, from, to, bins)  [count per bin of days from..to]
//   keyDates({story}, limit)      [{date, documents, entries, summary}]
//   document(id)                  {document (the record), outlet, published, basis, cited,
//                                  credits, derived_from, retold_by} or null
//   documents({outlet}, page), entities({q, story}, page) (most documents first), actors(limit),
//   series({story}, page), figures({story}, page), conflicts({story}, page),
//   quotes({q, story}, page) (one item per speaker: per resolved entity, else per name; most
//   quotes first, unattributed last), sources(), stories(), rejections()
//   storyCards({several}, page)   {total, offset, items: [{id, title, documents, outlets,
//                                  events, start, end, key_actors: [{id, name}]}]}, largest
//                                  first; several: true (2+ documents), false (1) or unset
// {story}: a story's id or "": its series keep the points its documents report (a series left
// with fewer than two is dropped, most points first), its figures and conflicts likewise; a
// series point's `conflict` says another source gives a rival value (markDisputed).
// filters: {story, actor (entity id), type (PLOVER type, group key or "statement"), outlet,
// q (words), from, to (ISO days)}; page: {offset, limit}. A citation is an Evidence with the
// document's outlet and title and `verified` (its text is the document's at its offsets).
// dayNumber(iso) and dayText(n) convert between ISO dates and day numbers, synchronously.
"use strict";

var StorylineData = (function () {
  var DAY_MS = 86400000;

  // Days since 1970-01-01 of the first day an ISO date of any precision covers ("2024" is
  // 1 January); NaN for anything else ("XXXX-10-07").
  function dayNumber(text) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text || "");
    if (!m) return NaN;
    var d = new Date(0);
    d.setUTCFullYear(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
    return Math.round(d.getTime() / DAY_MS);
  }

  function dayText(n) {
    var d = new Date(Math.round(n) * DAY_MS);
    var y = String(d.getUTCFullYear()).padStart(4, "0");
    return y + "-" + String(d.getUTCMonth() + 1).padStart(2, "0") + "-" +
      String(d.getUTCDate()).padStart(2, "0");
  }

  function fold(text) { return (text || "").toLowerCase(); }

  // Mirrors resolve/figures.py: a week apart at most, and values that differ by less than a
  // quarter without their stated ranges overlapping ("about 250" covers 3% either side).
  var SAME_TIME_DAYS = 7, RIVAL_RATIO = 1.25;
  function valueRange(p) {
    var low = p.low === null || p.low === undefined ? p.value : p.low;
    var high = p.high === null || p.high === undefined ? p.value : p.high;
    if (p.approximate) { low = Math.min(low, p.value * 0.97); high = Math.max(high, p.value * 1.03); }
    return [low, high];
  }
  function rivals(a, b) {
    if (a.doc === b.doc) return false;
    var close = a.date.length >= 10 && b.date.length >= 10 ? Math.abs(a.day - b.day) <= SAME_TIME_DAYS
      : a.date.indexOf(b.date) === 0 || b.date.indexOf(a.date) === 0;
    if (!close) return false;
    var ra = valueRange(a), rb = valueRange(b);
    if (ra[0] <= rb[1] && rb[0] <= ra[1]) return false;
    var small = Math.min(a.value, b.value), big = Math.max(a.value, b.value);
    return small > 0 && big / small < RIVAL_RATIO;
  }

  // Sets each point's `conflict`: its figure is in a conflict and another point shown with it,
  // from another document, gives a rival value for the same time. Membership alone rang
  // nearly every point of a unit-only series ("USD": 4,311 of 4,444 on Timeline17): resolve
  // joins figures that disagree through one another, so one conflict chains $100 to $596
  // trillion across unrelated stories. Points: {figure, doc, date, day, value, low, high,
  // approximate}; `conflicted`: a Set of figure ids.
  function markDisputed(points, conflicted) {
    points.forEach(function (p) { p.conflict = false; });
    var held = points.filter(function (p) { return conflicted.has(p.figure) && isFinite(p.day); });
    var days = held.filter(function (p) { return p.date.length >= 10; })
      .sort(function (a, b) { return a.day - b.day; });
    var coarse = held.filter(function (p) { return p.date.length < 10; });
    function pair(a, b) { if (rivals(a, b)) { a.conflict = true; b.conflict = true; } }
    for (var i = 0, from = 0; i < days.length; i++) {
      while (days[from].day < days[i].day - SAME_TIME_DAYS) from++;
      for (var j = from; j < i; j++) pair(days[i], days[j]);
    }
    coarse.forEach(function (c) { held.forEach(function (p) { if (p !== c) pair(c, p); }); });
    return points;
  }

  // A conflict cut to the figures of a story: its note, which lists every value, then says how
  // many of them are left (the server's /api/conflicts?story= says the same).
  function scopedConflict(c, kept) {
    if (kept.length === c.items.length) return c;
    var what = c.quantity || c.note.split(":")[0];
    return Object.assign({}, c, {items: kept,
      note: what + ": " + kept.length + " of the " + c.items.length + " values that disagree are this story's"});
  }

  function numberLabel(value) {
    return Number.isInteger(value) ? value.toLocaleString("en-US")
      : value.toLocaleString("en-US", {maximumFractionDigits: 6});
  }

  function page(list, p) {
    var offset = Math.max(0, (p && p.offset) || 0);
    var limit = Math.max(1, Math.min((p && p.limit) || 50, 500));
    return {total: list.length, offset: offset, items: list.slice(offset, offset + limit)};
  }

  function EmbeddedSource(data) {
    var view = data.view || {};
    var docs = new Map(), entities = new Map(), events = new Map(), quotes = new Map();
    var figures = new Map();
    (data.documents || []).forEach(function (d) { docs.set(d.id, d); });
    (data.entities || []).forEach(function (e) { entities.set(e.id, e); });
    (data.events || []).forEach(function (e) { events.set(e.id, e); });
    (data.quotes || []).forEach(function (q) { quotes.set(q.id, q); });
    (data.figures || []).forEach(function (f) { figures.set(f.id, f); });
    var docView = view.documents || {};

    function outletOf(docId) {
      var v = docView[docId];
      return v ? v.outlet : "unknown outlet";
    }
    function nameOf(entityId) {
      var e = entities.get(entityId);
      return e ? e.name : entityId;
    }
    function verified(ev) {
      var d = docs.get(ev.doc);
      return !!d && ev.start >= 0 && ev.start <= ev.end && d.text.slice(ev.start, ev.end) === ev.text;
    }
    function citation(ev) {
      var d = docs.get(ev.doc);
      return {doc: ev.doc, start: ev.start, end: ev.end, text: ev.text, verified: verified(ev),
        outlet: outletOf(ev.doc), title: (d && d.title) || "untitled"};
    }
    var groupOfType = {};
    (view.groups || []).forEach(function (g) {
      g.types.forEach(function (t) { groupOfType[t] = g.key; });
    });

    // Which stories each event and document belongs to.
    var storiesOfEvent = new Map(), storiesOfDoc = new Map();
    function addTo(map, key, value) {
      var list = map.get(key);
      if (!list) map.set(key, list = []);
      list.push(value);
    }
    var storyById = new Map(), docsOfStory = new Map();
    (data.stories || []).forEach(function (s) {
      storyById.set(s.id, s);
      s.events.forEach(function (e) { addTo(storiesOfEvent, e, s.id); });
      s.documents.forEach(function (d) { addTo(storiesOfDoc, d, s.id); });
      docsOfStory.set(s.id, new Set(s.documents));
    });
    // A test of whether a document is in the story filtered by (every one when none is).
    function inStory(story) {
      if (!story) return function () { return true; };
      var docsOf = docsOfStory.get(story) || new Set();
      return function (doc) { return docsOf.has(doc); };
    }

    // The stories as cards, largest first (the order the API's story-cards give).
    var storyCards = null;
    function storyCardList() {
      if (storyCards) return storyCards;
      storyCards = (data.stories || []).map(function (s, i) {
        return {id: s.id, title: s.title, documents: s.documents.length, events: s.events.length,
          outlets: new Set(s.documents.map(outletOf)).size, start: s.start || "", end: s.end || "",
          key_actors: (s.key_actors || []).map(function (a) { return {id: a, name: nameOf(a)}; }), at: i};
      }).sort(function (a, b) { return b.documents - a.documents || a.at - b.at; });
      return storyCards;
    }

    // One row per timeline entry with everything a filter tests, computed once.
    var rows = (data.timeline || []).map(function (entry, i) {
      var event = events.get(entry.ref);
      var quote = quotes.get(entry.ref);
      var actors = [], roles = [];
      function actor(id, role) {
        if (!id) return;
        actors.push(id);
        roles.push({id: id, role: role, name: nameOf(id)});
      }
      if (event) {
        actor(event.source_actor, "source");
        actor(event.target_actor, "target");
        actor(event.location, "location");
        actor(event.reported_by, "reported by");
      } else if (quote && entities.has(quote.speaker)) {
        actor(quote.speaker, "speaker");
      }
      var docIds = Array.from(new Set(entry.citations.map(function (c) { return c.doc; })
        .concat(entry.documents)));
      var outlets = Array.from(new Set(docIds.map(outletOf)));
      var stories = event && storiesOfEvent.get(event.id);
      if (!stories) {
        var s = new Set();
        docIds.forEach(function (d) { (storiesOfDoc.get(d) || []).forEach(s.add, s); });
        stories = Array.from(s);
      }
      var hay = fold([entry.summary, entry.type || entry.kind].concat(
        roles.map(function (r) { return r.name; }), outlets).join(" \u0001 "));
      return {i: i, entry: entry, event: event, day: dayNumber(entry.date), actors: actors,
        roles: roles, outlets: outlets, stories: stories, docs: docIds, hay: hay,
        group: entry.kind === "statement" ? "statement" : (groupOfType[entry.type] || "statement")};
    });

    function matcher(f) {
      f = f || {};
      var words = fold(f.q).split(/\s+/).filter(Boolean);
      return function (r) {
        if (f.story && r.stories.indexOf(f.story) < 0) return false;
        if (f.actor && r.actors.indexOf(f.actor) < 0) return false;
        if (f.type && r.entry.type !== f.type && r.group !== f.type &&
          !(f.type === "statement" && r.entry.kind === "statement")) return false;
        if (f.outlet && r.outlets.indexOf(f.outlet) < 0) return false;
        for (var w = 0; w < words.length; w++) if (r.hay.indexOf(words[w]) < 0) return false;
        return true;
      };
    }

    // The rows matching a filter regardless of its time window: the list and the axis ask for
    // the same filter in turn, and each keystroke asks for a new one.
    var lastMatch = {key: null, rows: null};
    function matching(f) {
      f = f || {};
      var key = JSON.stringify([f.story, f.actor, f.type, f.outlet, f.q]);
      if (lastMatch.key !== key) {
        var test = matcher(f);
        lastMatch = {key: key, rows: rows.filter(test)};
      }
      return lastMatch.rows;
    }

    function item(r) {
      var e = r.entry;
      return {date: e.date, kind: e.kind, type: e.type, summary: e.summary, ref: e.ref,
        group: r.group, mode: r.event && r.event.mode !== "asserted" ? r.event.mode : null,
        actors: r.roles, citations: e.citations.map(citation), stories: r.stories};
    }

    var citedSpans = null;  // document id -> the spans the story cites in it
    function cited(docId) {
      if (!citedSpans) {
        citedSpans = new Map();
        var add = function (ev) { if (ev && verified(ev)) addTo(citedSpans, ev.doc, ev); };
        rows.forEach(function (r) { r.entry.citations.forEach(add); });
        figures.forEach(function (f) { add(f.evidence); });
        quotes.forEach(function (q) { add(q.evidence); });
      }
      return citedSpans.get(docId) || [];
    }

    var conflictedFigures = new Set();
    (data.conflicts || []).forEach(function (c) {
      c.items.forEach(function (id) { if (figures.has(id)) conflictedFigures.add(id); });
    });

    function docLabel(id) {
      var d = docs.get(id);
      return {doc: id, outlet: outletOf(id), title: (d && d.title) || "untitled",
        published: docView[id] ? docView[id].published : "undated"};
    }

    var outletStats = null;
    function outlets() {
      if (outletStats) return outletStats;
      var by = new Map();
      (data.documents || []).forEach(function (d) {
        var name = outletOf(d.id), day = docView[d.id] && docView[d.id].day;
        var o = by.get(name);
        if (!o) by.set(name, o = {outlet: name, documents: 0, days: new Set(), first: null, last: null});
        o.documents += 1;
        if (day) {
          o.days.add(day);
          if (!o.first || day < o.first) o.first = day;
          if (!o.last || day > o.last) o.last = day;
        }
      });
      outletStats = Array.from(by.values()).map(function (o) {
        return {outlet: o.outlet, documents: o.documents, days: o.days.size, first: o.first, last: o.last};
      }).sort(function (a, b) { return b.documents - a.documents || a.outlet.localeCompare(b.outlet); });
      return outletStats;
    }

    var entityRows = null;
    function entityList() {
      if (entityRows) return entityRows;
      var inEvents = new Map();
      rows.forEach(function (r) {
        r.actors.forEach(function (a) { inEvents.set(a, (inEvents.get(a) || 0) + 1); });
      });
      entityRows = (data.entities || []).map(function (e) {
        var docsOf = new Set(e.mentions.map(function (m) { return m.doc; }));
        return {id: e.id, name: e.name, kind: e.kind, mentions: e.mentions.length,
          documents: docsOf.size, docs: docsOf, entries: inEvents.get(e.id) || 0,
          first: e.mentions.length ? citation(e.mentions[0]) : null,
          aliases: e.aliases.filter(function (a) { return a !== e.name; }),
          hay: fold([e.name].concat(e.aliases).join(" \u0001 "))};
      }).sort(function (a, b) {  // the most prominent first, as the API's sort=prominence
        return b.documents - a.documents || b.mentions - a.mentions ||
          fold(a.name).localeCompare(fold(b.name)) || (a.id < b.id ? -1 : 1);
      });
      return entityRows;
    }

    function figureItem(f) {
      return {id: f.id, value: (view.figures || {})[f.id] || numberLabel(f.value), raw: f.value,
        counts: f.counts || "", subject: f.subject || "", as_of: f.as_of || "",
        attributed_to: f.attributed_to || "", disputed: conflictedFigures.has(f.id),
        citation: citation(f.evidence)};
    }

    function conflictItem(id) {
      var f = figures.get(id);
      if (f) {
        // The citation names the outlet; the label says what it reported.
        var label = [(view.figures || {})[id] || numberLabel(f.value), f.counts || "",
          f.as_of ? "as of " + f.as_of : ""].join(" ").trim();
        return {id: id, label: label, citation: citation(f.evidence)};
      }
      var ev = events.get(id);
      if (ev) return {id: id, label: ev.summary, citation: ev.mentions.length ? citation(ev.mentions[0]) : null};
      var q = quotes.get(id);
      if (q) return {id: id, label: q.text, citation: citation(q.evidence)};
      if (docs.has(id)) return {id: id, label: docLabel(id).title, citation: null, doc: id};
      return {id: id, label: id, citation: null};
    }

    function speakerOf(q) {
      return (entities.has(q.speaker) && nameOf(q.speaker)) || q.speaker_name || q.speaker || "unattributed";
    }

    // One group per resolved entity, else per name the quotes give, as the API groups them:
    // two people of one name stay two.
    var speakerGroups = null;
    function quoteGroups() {
      if (speakerGroups) return speakerGroups;
      var by = new Map();
      (data.quotes || []).forEach(function (q) {
        var key = q.speaker || "";
        var g = by.get(key);
        if (!g) by.set(key, g = {speaker: speakerOf(q), unnamed: !q.speaker, quotes: []});
        g.quotes.push(q);
      });
      speakerGroups = Array.from(by.values());
      speakerGroups.forEach(function (g) {
        g.quotes.sort(function (a, b) {
          return (a.date || "~").localeCompare(b.date || "~") || a.evidence.doc.localeCompare(b.evidence.doc) ||
            a.evidence.start - b.evidence.start;
        });
        g.hay = fold(g.speaker);
      });
      speakerGroups.sort(function (a, b) {
        return (a.unnamed - b.unnamed) || b.quotes.length - a.quotes.length || a.speaker.localeCompare(b.speaker);
      });
      return speakerGroups;
    }
    function quoteItem(q) {
      return {id: q.id, text: q.text, date: q.date || "", direct: q.direct !== false,
        citation: citation(q.evidence)};
    }

    var source = {
      kind: "embedded",
      dayNumber: dayNumber,
      dayText: dayText,

      meta: function () {
        var types = new Set();
        rows.forEach(function (r) { if (r.entry.type) types.add(r.entry.type); });
        var first = Infinity, last = -Infinity;
        rows.forEach(function (r) {
          if (r.day < first) first = r.day;
          if (r.day > last) last = r.day;
        });
        return Promise.resolve({
          title: view.title, span: view.span || {}, groups: view.groups || [],
          types: Array.from(types).sort(),
          extent: isFinite(first) ? {start: dayText(first), end: dayText(last)} : null,
          counts: {documents: docs.size, entries: rows.length, events: events.size,
            entities: entities.size, figures: figures.size, quotes: quotes.size,
            conflicts: (data.conflicts || []).length, series: (data.series || []).length,
            stories: (data.stories || []).length,
            rejections: (data.rejections || []).length, outlets: outlets().length}
        });
      },

      // filters: {story, actor (entity id), type (PLOVER type, group key or "statement"),
      // outlet, q (words), from, to (ISO dates)}; page: {offset, limit}.
      timeline: function (filters, p) {
        var f = filters || {}, list = matching(f);
        if (f.from || f.to) {
          var from = f.from ? dayNumber(f.from) : -Infinity, to = f.to ? dayNumber(f.to) : Infinity;
          // An entry whose date has no place on the axis ("XXXX-10-07") is in every window.
          list = list.filter(function (r) { return isNaN(r.day) || (r.day >= from && r.day <= to); });
        }
        return Promise.resolve(page(list, p))
          .then(function (res) { res.items = res.items.map(item); return res; });
      },

      // How many matching entries fall in each of `bins` equal slices of [from, to].
      histogram: function (filters, from, to, bins) {
        var a = dayNumber(from), b = dayNumber(to) + 1;
        var counts = new Array(bins).fill(0), width = (b - a) / bins;
        matching(filters).forEach(function (r) {
          if (r.day >= a && r.day < b) counts[Math.floor((r.day - a) / width)] += 1;
        });
        return Promise.resolve(counts);
      },

      // The days most documents report on, of one story (counting its own documents) or of
      // all, in date order.
      keyDates: function (filters, limit) {
        var story = filters && filters.story ? storyById.get(filters.story) : null;
        var test = matcher({story: filters && filters.story});
        var own = story ? new Set(story.documents) : null;
        var byDay = new Map();
        rows.forEach(function (r) {
          if (!isFinite(r.day) || r.entry.date.length < 10 || !test(r)) return;
          var docsOf = own ? r.docs.filter(function (d) { return own.has(d); }) : r.docs;
          if (!docsOf.length && own) return;
          var s = byDay.get(r.entry.date);
          if (!s) byDay.set(r.entry.date, s = {date: r.entry.date, docs: new Set(), entries: 0, top: null});
          docsOf.forEach(s.docs.add, s.docs);
          s.entries += 1;
          if (!s.top || r.docs.length > s.top.docs.length) s.top = r;
        });
        var top = Array.from(byDay.values()).sort(function (a, b) {
          return b.docs.size - a.docs.size || b.entries - a.entries || a.date.localeCompare(b.date);
        }).slice(0, limit || 8);
        return Promise.resolve(top.sort(function (a, b) { return a.date.localeCompare(b.date); })
          .map(function (s) {
            return {date: s.date, documents: s.docs.size, entries: s.entries, summary: s.top.entry.summary};
          }));
      },

      document: function (id) {
        var d = docs.get(id);
        if (!d) return Promise.resolve(null);
        var v = docView[id] || {};
        var credits = (data.source_credits || []).filter(function (c) { return c.doc === id; });
        var from = [], by = [];
        (data.derivations || []).forEach(function (x) {
          var note = Math.round(x.similarity * 100) + "% of the shorter shared; " + x.basis;
          if (x.doc === id) from.push(Object.assign(docLabel(x.derived_from), {note: note}));
          if (x.derived_from === id) by.push(Object.assign(docLabel(x.doc), {note: note}));
        });
        return Promise.resolve({document: d, outlet: v.outlet || outletOf(id),
          published: v.published || "undated", basis: v.basis || "",
          cited: cited(id), credits: credits, derived_from: from, retold_by: by});
      },

      documents: function (filters, p) {
        var f = filters || {};
        var list = (data.documents || []).filter(function (d) {
          return !f.outlet || outletOf(d.id) === f.outlet;
        }).map(function (d) { return docLabel(d.id); });
        list.sort(function (a, b) { return a.published.localeCompare(b.published) || a.doc.localeCompare(b.doc); });
        return Promise.resolve(page(list, p));
      },

      // filters: {q: words of the name, story: only the entities its documents name, most
      // of them first}.
      entities: function (filters, p) {
        var words = fold(filters && filters.q).split(/\s+/).filter(Boolean);
        var story = filters && filters.story ? storyById.get(filters.story) : null;
        var own = new Set(story ? story.documents : []);
        var namedIn = function (e) {
          var n = 0;
          e.docs.forEach(function (d) { if (own.has(d)) n += 1; });
          return n;
        };
        var list = entityList().filter(function (e) {
          return words.every(function (w) { return e.hay.indexOf(w) >= 0; });
        });
        if (filters && filters.story) {
          list = list.map(function (e) { return {e: e, n: namedIn(e)}; })
            .filter(function (x) { return x.n > 0; })
            .sort(function (a, b) { return b.n - a.n; })  // stable: ties keep the store's order
            .map(function (x) { return x.e; });
        }
        return Promise.resolve(page(list, p));
      },

      // The actors that occur in timeline entries, most frequent first (for the filter).
      actors: function (limit) {
        return Promise.resolve(entityList().filter(function (e) { return e.entries > 0; })
          .slice().sort(function (a, b) { return b.entries - a.entries || a.name.localeCompare(b.name); })
          .slice(0, limit || 500).map(function (e) { return {id: e.id, name: e.name, entries: e.entries}; }));
      },

      series: function (filters, p) {
        var mine = inStory(filters && filters.story);
        var list = (data.series || []).map(function (s) {
          var points = s.points.filter(function (pt) { return mine(pt.evidence.doc); }).map(function (pt) {
            return {date: pt.date, day: dayNumber(pt.date), date_basis: pt.date_basis,
              value: pt.value, low: pt.low, high: pt.high, approximate: !!pt.approximate,
              label: (pt.approximate ? "about " : "") + numberLabel(pt.value),
              attributed_to: pt.attributed_to || "", figure: pt.figure, doc: pt.evidence.doc,
              citation: citation(pt.evidence)};
          });
          return {id: s.id, quantity: s.quantity, counts: s.counts, subject: s.subject, points: points};
        }).filter(function (s) { return s.points.length >= 2; }).sort(function (a, b) {
          // the quantities reported most often first
          return b.points.length - a.points.length || a.quantity.localeCompare(b.quantity);
        });
        var res = page(list, p);
        res.items.forEach(function (s) { markDisputed(s.points, conflictedFigures); });
        return Promise.resolve(res);
      },

      figures: function (filters, p) {
        var mine = inStory(filters && filters.story);
        var list = (data.figures || []).filter(function (f) { return mine(f.evidence.doc); }).sort(function (a, b) {
          return (a.counts || "").localeCompare(b.counts || "") || (a.subject || "").localeCompare(b.subject || "") ||
            (a.as_of || "").localeCompare(b.as_of || "") || a.value - b.value;
        });
        return Promise.resolve(page(list, p)).then(function (res) {
          res.items = res.items.map(figureItem);
          return res;
        });
      },

      conflicts: function (filters, p) {
        var mine = inStory(filters && filters.story);
        var list = [];
        (data.conflicts || []).forEach(function (c) {
          // A date conflict is one page's byline against its own metadata: its item is the
          // document, shown when the document is in the story.
          if (c.kind === "date") {
            if (c.items.every(mine)) {
              list.push({kind: c.kind, note: c.note, quantity: "", date: c.date || "",
                items: c.items.map(conflictItem)});
            }
            return;
          }
          var kept = c.items.filter(function (id) {
            var f = figures.get(id);
            return !f || mine(f.evidence.doc);
          });
          if (kept.length < 2) return;
          c = scopedConflict(c, kept);
          list.push({kind: c.kind, note: c.note, quantity: c.quantity || "", date: c.date || "",
            items: c.items.map(conflictItem)});
        });
        return Promise.resolve(page(list, p));
      },

      // filters: {q: words of the speaker's name or the quote, story}; one group per speaker.
      quotes: function (filters, p) {
        var words = fold(filters && filters.q).split(/\s+/).filter(Boolean);
        var story = filters && filters.story ? storyById.get(filters.story) : null;
        var inStory = story ? new Set(story.documents) : null;
        var groups = quoteGroups().map(function (g) {
          if (!words.length && !inStory) return {speaker: g.speaker, quotes: g.quotes};
          var quotesOf = g.quotes.filter(function (q) {
            if (inStory && !inStory.has(q.evidence.doc)) return false;
            var hay = g.hay + " " + fold(q.text);
            return words.every(function (w) { return hay.indexOf(w) >= 0; });
          });
          return {speaker: g.speaker, quotes: quotesOf};
        }).filter(function (g) { return g.quotes.length; });
        var res = page(groups, p);
        res.items = res.items.map(function (g) {
          return {speaker: g.speaker, count: g.quotes.length, quotes: g.quotes.map(quoteItem)};
        });
        return Promise.resolve(res);
      },

      sources: function () {
        return Promise.resolve({outlets: outlets(),
          derivations: (data.derivations || []).map(function (x) {
            return {doc: docLabel(x.doc), derived_from: docLabel(x.derived_from),
              similarity: x.similarity, basis: x.basis, shared: x.shared};
          })});
      },

      stories: function () {
        return Promise.resolve(storyCardList());
      },

      // filters: {several: true for stories of 2+ documents, false for those of one}.
      storyCards: function (filters, p) {
        var several = filters && filters.several;
        var list = storyCardList().filter(function (c) {
          return several === undefined || several === null || (c.documents >= 2) === several;
        });
        return Promise.resolve(page(list, p));
      },

      rejections: function () {
        return Promise.resolve((data.rejections || []).slice());
      }
    };
    return source;
  }

  return {EmbeddedSource: EmbeddedSource, dayNumber: dayNumber, dayText: dayText,
    markDisputed: markDisputed};
})();
