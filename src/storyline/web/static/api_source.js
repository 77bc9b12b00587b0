// The app's data source over the server's JSON API: the same interface as the report's
// EmbeddedSource (report_source.js's header lists it), so the report's views run unchanged
// over a store of any size. Every method asks the server for one page or one aggregate; the
// API's items are storyline/1 records and the envelope's `names` and `documents` make their
// ids readable. Every string from the API comes from articles: the views put it in text nodes.
"use strict";

var StorylineApi = (function () {
  var MAX_PAGE = 200;
  var MAX_WORDS = 200;
  var MAX_OUTLETS = 5000;

  function query(params) {
    var out = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== undefined && v !== null && v !== "") out.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
    });
    return out.length ? "?" + out.join("&") : "";
  }

  // GET a JSON answer; an error answer rejects with the server's one-line message.
  function get(path, params) {
    return fetch(path + query(params || {}), {headers: {Accept: "application/json"}}).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) {
          var err = new Error((body.error && body.error.message) || "the server answered " + r.status);
          err.status = r.status;
          throw err;
        }
        return body;
      });
    });
  }

  function numberLabel(value) {
    return Number.isInteger(value) ? value.toLocaleString("en-US")
      : value.toLocaleString("en-US", {maximumFractionDigits: 6});
  }

  // What the views show of a document: the server's labels when it sent them.
  function docLabel(id, head) {
    var label = (head && head.label) || {};
    var published = head && head.published;
    if (!label.published) {
      label.published = !published ? "undated" : typeof published === "string" ? published
        : (published.best || published.earliest + " – " + published.latest);
    }
    return {doc: id, outlet: label.outlet || (head && head.outlet) || "unknown outlet",
      title: (head && head.title) || "untitled", published: label.published};
  }

  function citation(ev, docs, verified) {
    var d = docs[ev.doc];
    return {doc: ev.doc, start: ev.start, end: ev.end, text: ev.text, verified: verified !== false,
      outlet: docLabel(ev.doc, d).outlet, title: (d && d.title) || "untitled"};
  }

  function pageOf(p) {
    return {offset: Math.max(0, (p && p.offset) || 0),
      limit: Math.max(1, Math.min((p && p.limit) || 50, MAX_PAGE))};
  }

  function filterParams(f) {
    f = f || {};
    return {story: f.story, actor: f.actor, type: f.type, outlet: f.outlet,
      q: (f.q || "").slice(0, MAX_WORDS), from: f.from, to: f.to};
  }

  function figureValue(f) {
    var text = f.low !== null && f.low !== undefined && f.high !== null && f.high !== undefined && f.low !== f.high
      ? numberLabel(f.low) + "–" + numberLabel(f.high) : numberLabel(f.value);
    return f.approximate ? "about " + text : text;
  }

  function ApiSource() {
    var metaOnce = null, actorsOnce = null, sourcesOnce = null, conflictsOf = new Map();
    function meta() {
      if (!metaOnce) metaOnce = get("/api/meta");
      return metaOnce;
    }
    function groupOf(m, entry) {
      if (entry.kind === "statement") return "statement";
      var g = m.groups.filter(function (x) { return x.types.indexOf(entry.type) >= 0; })[0];
      return g ? g.key : "statement";
    }
    function actorEntries() {
      if (!actorsOnce) {
        actorsOnce = get("/api/actors", {limit: 1000}).then(function (body) {
          var by = new Map();
          body.items.forEach(function (a) { by.set(a.id, a); });
          return by;
        });
      }
      return actorsOnce;
    }
    // The figures some source contradicts (of one story, or of all), asked once each.
    function conflicted(story) {
      var key = story || "";
      if (!conflictsOf.has(key)) {
        conflictsOf.set(key, get("/api/conflicts/figures", {story: story}).then(function (body) {
          return new Set(body.items);
        }));
      }
      return conflictsOf.get(key);
    }
    // Every outlet, a page at a time (the server keeps them counted): the filter and the
    // Sources view list them all, up to MAX_OUTLETS.
    function allOutlets() {
      return get("/api/outlets", {limit: MAX_PAGE}).then(function (first) {
        var rest = [];
        for (var at = MAX_PAGE; at < Math.min(first.total, MAX_OUTLETS); at += MAX_PAGE) {
          rest.push(get("/api/outlets", {limit: MAX_PAGE, offset: at}));
        }
        return Promise.all(rest).then(function (pages) {
          return pages.reduce(function (all, p) { return all.concat(p.items); }, first.items);
        });
      });
    }
    function storyCards(body) {
      return body.items.map(function (s) {
        return {id: s.id, title: s.title, documents: s.documents, events: s.events, outlets: s.outlets,
          start: s.start || "", end: s.end || "",
          key_actors: s.key_actors.map(function (a) { return {id: a, name: body.names[a] || a}; })};
      });
    }
    function paged(body, items) {
      return {total: body.total || 0, offset: body.offset, items: items};
    }

    return {
      kind: "api",
      dayNumber: StorylineData.dayNumber,
      dayText: StorylineData.dayText,

      meta: meta,

      timeline: function (filters, p) {
        var pg = pageOf(p);
        return Promise.all([meta(), get("/api/timeline/entries", Object.assign(filterParams(filters), pg))])
          .then(function (got) {
            var m = got[0], body = got[1];
            return paged(body, body.items.map(function (e, i) {
              var line = body.lines[i] || {actors: [], stories: [], unverified: []};
              return {date: e.date, kind: e.kind, type: e.type, summary: e.summary, ref: e.ref,
                group: groupOf(m, e), mode: line.mode || null,
                actors: line.actors.map(function (a) {
                  return {id: a.id, role: a.role, name: body.names[a.id] || a.id};
                }),
                citations: e.citations.map(function (c, j) {
                  return citation(c, body.documents, line.unverified.indexOf(j) < 0);
                }),
                stories: line.stories};
            }));
          });
      },

      histogram: function (filters, from, to, bins) {
        var params = filterParams(filters);
        delete params.from;
        delete params.to;
        params.start = from;
        params.end = to;
        params.bins = bins;
        return get("/api/timeline/histogram", params).then(function (body) { return body.counts; });
      },

      keyDates: function (filters, limit) {
        return get("/api/timeline/key-dates", {story: filters && filters.story, limit: limit || 8})
          .then(function (body) { return body.items; });
      },

      document: function (id) {
        return Promise.all([get("/api/documents/" + encodeURIComponent(id)),
          get("/api/documents/" + encodeURIComponent(id) + "/evidence")]).then(function (got) {
          var d = got[0], ev = got[1], docs = ev.documents, label = docLabel(id, docs[id]);
          var from = [], by = [];
          ev.derivations.forEach(function (x) {
            var note = Math.round(x.similarity * 100) + "% of the shorter shared; " + x.basis;
            if (x.doc === id) from.push(Object.assign(docLabel(x.derived_from, docs[x.derived_from]), {note: note}));
            if (x.derived_from === id) by.push(Object.assign(docLabel(x.doc, docs[x.doc]), {note: note}));
          });
          return {document: d, outlet: label.outlet, published: label.published,
            basis: (docs[id] && docs[id].label && docs[id].label.basis) || "",
            cited: ev.cited, credits: ev.credits, derived_from: from, retold_by: by};
        }).catch(function (err) {
          if (err.status === 404) return null;
          throw err;
        });
      },

      documents: function (filters, p) {
        return get("/api/documents", Object.assign({outlet: filters && filters.outlet}, pageOf(p)))
          .then(function (body) {
            return paged(body, body.items.map(function (d) { return docLabel(d.id, d); }));
          });
      },

      // Most prominent first; each entity's first mention only, with its counts (an actor
      // named in thousands of places would otherwise be megabytes).
      entities: function (filters, p) {
        var words = ((filters && filters.q) || "").trim().slice(0, MAX_WORDS);
        var params = Object.assign({q: words, story: filters && filters.story, sort: "prominence",
          mentions: 1}, pageOf(p));
        return Promise.all([actorEntries(), get("/api/entities", params)])
          .then(function (got) {
            var acting = got[0], body = got[1];
            return paged(body, body.items.map(function (e) {
              return {id: e.id, name: e.name, kind: e.kind, mentions: body.mention_counts[e.id],
                documents: body.document_counts[e.id], entries: acting.has(e.id) ? acting.get(e.id).entries : 0,
                // The entity list names no documents: the mention is cited without its outlet.
                first: e.mentions.length ? Object.assign(citation(e.mentions[0], {}, true), {outlet: ""}) : null,
                aliases: e.aliases.filter(function (a) { return a !== e.name; })};
            }));
          });
      },

      actors: function (limit) {
        return get("/api/actors", {limit: Math.min(limit || 500, 1000)}).then(function (body) { return body.items; });
      },

      series: function (filters, p) {
        var story = filters && filters.story;
        return Promise.all([conflicted(story), get("/api/series", Object.assign({story: story}, pageOf(p)))])
          .then(function (got) {
            var disputed = got[0], body = got[1];
            return paged(body, body.items.map(function (s) {
              var points = s.points.map(function (pt) {
                return {date: pt.date, day: StorylineData.dayNumber(pt.date), date_basis: pt.date_basis,
                  value: pt.value, low: pt.low, high: pt.high, approximate: !!pt.approximate,
                  label: (pt.approximate ? "about " : "") + numberLabel(pt.value),
                  attributed_to: pt.attributed_to || "", figure: pt.figure, doc: pt.evidence.doc,
                  citation: citation(pt.evidence, body.documents, true)};
              });
              return {id: s.id, quantity: s.quantity, counts: s.counts, subject: s.subject,
                points: StorylineData.markDisputed(points, disputed)};
            }));
          });
      },

      figures: function (filters, p) {
        var story = filters && filters.story;
        return Promise.all([conflicted(story), get("/api/figures", Object.assign({story: story}, pageOf(p)))])
          .then(function (got) {
            var disputed = got[0], body = got[1];
            return paged(body, body.items.map(function (f) {
              return {id: f.id, value: figureValue(f), raw: f.value, counts: f.counts || "",
                subject: f.subject || "", as_of: f.as_of || "", attributed_to: f.attributed_to || "",
                disputed: disputed.has(f.id), citation: citation(f.evidence, body.documents, true)};
            }));
          });
      },

      conflicts: function (filters, p) {
        return get("/api/conflicts", Object.assign({story: filters && filters.story}, pageOf(p))).then(function (body) {
          var figures = body.figures || {};
          return paged(body, body.items.map(function (c) {
            return {kind: c.kind, note: c.note, quantity: c.quantity || "", date: c.date || "",
              items: c.items.map(function (id) {
                var f = figures[id];
                if (!f) return {id: id, label: id, citation: null};
                var label = [figureValue(f), f.counts || "", f.as_of ? "as of " + f.as_of : ""].join(" ").trim();
                return {id: id, label: label, citation: citation(f.evidence, body.documents, true)};
              })};
          }));
        });
      },

      quotes: function (filters, p) {
        var words = ((filters && filters.q) || "").trim().slice(0, MAX_WORDS);
        var params = Object.assign({q: words, story: filters && filters.story}, pageOf(p));
        return get("/api/speakers", params).then(function (body) {
          return paged(body, body.items.map(function (g) {
            return {speaker: g.speaker, count: g.count, quotes: g.quotes.map(function (q) {
              return {id: q.id, text: q.text, date: q.date || "", direct: q.direct !== false,
                citation: citation(q.evidence, body.documents, q.verified)};
            })};
          }));
        });
      },

      // Asked once per page: the app asks at start for the outlets, the Sources view again.
      sources: function () {
        if (sourcesOnce) return sourcesOnce;
        return sourcesOnce = Promise.all([allOutlets(), get("/api/derivations", {limit: 50})])
          .then(function (got) {
            var docs = got[1].documents;
            return {outlets: got[0], derivations: got[1].items.map(function (x) {
              return {doc: docLabel(x.doc, docs[x.doc]), derived_from: docLabel(x.derived_from, docs[x.derived_from]),
                similarity: x.similarity, basis: x.basis, shared: x.shared};
            })};
          });
      },

      // The largest stories (the story filter lists them; the Stories view pages them all).
      stories: function () {
        return get("/api/story-cards", {limit: MAX_PAGE}).then(storyCards);
      },

      storyCards: function (filters, p) {
        var several = filters && filters.several;
        var params = Object.assign({several: several === true ? "true" : several === false ? "false" : null}, pageOf(p));
        return get("/api/story-cards", params).then(function (body) {
          return paged(body, storyCards(body));
        });
      },

      rejections: function () {
        return get("/api/rejections", {limit: MAX_PAGE}).then(function (body) { return body.items; });
      }
    };
  }

  return {ApiSource: ApiSource, get: get};
})();
