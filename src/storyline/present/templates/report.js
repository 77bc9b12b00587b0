// Two conveniences, nothing loaded from anywhere: open a source's text when a citation
// points into it, and filter the timeline by a word.
(function () {
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var el = target.parentElement; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
    target.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", reveal);
  reveal();

  var box = document.getElementById("timeline-filter");
  if (!box) return;
  var entries = document.querySelectorAll("ol.timeline > li");
  var none = document.getElementById("timeline-none");
  box.addEventListener("input", function () {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    entries.forEach(function (li) {
      var text = li.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      li.hidden = !match;
      if (match) shown += 1;
    });
    none.hidden = shown !== 0;
  });
})();
