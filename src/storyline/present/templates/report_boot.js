// Start-up: read the embedded data (inflating it when the report was written gzipped), index
// it, and hand the views a source over it.
(function () {
  var holder = document.getElementById("storyline-data");
  var root = document.getElementById("app");

  function read() {
    var text = holder.textContent;
    if (holder.getAttribute("data-encoding") !== "gzip-base64") return Promise.resolve(JSON.parse(text));
    var bytes = Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); });
    var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(inflated).text().then(JSON.parse);
  }

  read().then(function (data) {
    holder.textContent = "";  // the parsed copy is all the page needs from here on
    var app = new StorylineApp.App(root, StorylineData.EmbeddedSource(data));
    window.storylineApp = app;
    return app.start();
  }).catch(function (err) {
    var p = document.createElement("p");
    p.className = "error";
    p.textContent = "The report could not be shown: " + err;
    root.appendChild(p);
    throw err;
  });
})();
