// Start-up: read the embedded data (inflating it when the report was written gzipped), index
// it, and hand the views a source over it. The times of each step are kept in
// window.storylineTimings (milliseconds since navigation) for the load benchmark.
(function () {
  var holder = document.getElementById("storyline-data");
  var root = document.getElementById("app");
  var timings = window.storylineTimings = {start: performance.now()};

  function read() {
    var text = holder.textContent;
    holder.textContent = "";  // the parsed copy is all the page needs from here on
    if (holder.getAttribute("data-encoding") !== "gzip-base64") return Promise.resolve(JSON.parse(text));
    var binary = atob(text), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    timings.decoded = performance.now();
    var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(inflated).json();
  }

  read().then(function (data) {
    timings.parsed = performance.now();
    var source = StorylineData.EmbeddedSource(data);
    timings.indexed = performance.now();
    var app = new StorylineApp.App(root, source);
    window.storylineApp = app;
    return app.start();
  }).then(function () {
    timings.ready = performance.now();
  }).catch(function (err) {
    var p = document.createElement("p");
    p.className = "error";
    p.textContent = "The report could not be shown: " + err;
    root.appendChild(p);
    throw err;
  });
})();
