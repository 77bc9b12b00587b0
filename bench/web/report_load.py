"""The HTML report of a 5,000-document story: file size, time to write it, and in Chromium the
time to the first drawn view, the JS heap and DOM size, and the time a filter keystroke
takes; the report at another checkout (``--anchor``, the static report before the rewrite) on
the same store in the same run, as the anchor.

The store holds every Timeline17 article (bench/web/t17_store.py builds it under bench/out/
when absent, from the parse cache). The report is written both ways it can embed its data
(plain escaped JSON, and gzip+base64) so the choice between them is measured, not guessed.

    .venv/bin/python -m bench.web.report_load [--sizes 500,all] [--anchor SRC]   (make bench-report)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.results import write_run
from bench.web import t17_store
from storyline.present.report import render_report

CHROMIUM = Path("/usr/bin/chromium")  # Debian's, as the browser tests drive it
KEYSTROKES = ("o", "oi", "oil", "oil ", "oil s", "oil sp", "oil spi", "oil spil", "oil spill")
# How long a report may take to load before it counts as not loading at all.
ANCHOR_TIMEOUT_S = 300.0

# The anchor's report, written by its own code in its own process: its render_report on the
# story its Store reads back.
_ANCHOR_RENDER = """
import sys, time
from pathlib import Path
from storyline.store import Store
from storyline.present.report import render_report
with Store.open(sys.argv[1]) as store:
    story = store.read_story()
started = time.perf_counter()
html = render_report(story)
print(time.perf_counter() - started)
Path(sys.argv[2]).write_text(html, encoding="utf-8")
"""

# One keystroke in the new report: the filter asked of the data source and the list and axis
# redrawn (the promise), then the next frame painted.
_NEW_KEYSTROKE = """async (q) => {
  const box = document.getElementById("filter-q");
  box.value = q;
  const t0 = performance.now();
  await window.storylineApp.timelineChanged();
  const t1 = performance.now();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return [t1 - t0, performance.now() - t0];
}"""

# The same in the anchor: its filter runs in the input handler.
_OLD_KEYSTROKE = """async (q) => {
  const box = document.getElementById("timeline-filter");
  box.value = q;
  const t0 = performance.now();
  box.dispatchEvent(new Event("input"));
  const t1 = performance.now();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return [t1 - t0, performance.now() - t0];
}"""


def _metrics(cdp: Any) -> dict[str, Any]:
    cdp.send("HeapProfiler.collectGarbage")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return {
        "js_heap_used_mb": round(metrics["JSHeapUsedSize"] / 1e6, 1),
        "js_heap_total_mb": round(metrics["JSHeapTotalSize"] / 1e6, 1),
        "dom_nodes": int(metrics["Nodes"]),
    }


def _renderer_memory(browser: Any) -> dict[str, Any]:
    """The page's renderer process's memory as the system counts it (the JS heap is a part):
    resident and proportional size now, and its peak resident size, from /proc. Chromium keeps
    spare renderers beside the page's; the page's is the largest (one page is open at a
    time)."""
    cdp = browser.new_browser_cdp_session()
    try:
        procs = cdp.send("SystemInfo.getProcessInfo")["processInfo"]
    finally:
        cdp.detach()
    sizes = []
    for proc in procs:
        if proc.get("type") != "renderer":
            continue
        try:
            status = Path(f"/proc/{proc['id']}/status").read_text()
            rollup = Path(f"/proc/{proc['id']}/smaps_rollup").read_text()
        except OSError:  # gone since it was listed
            continue
        kb = _kilobytes(status + rollup)
        sizes.append(
            {
                "rss_mb": round(kb.get("VmRSS", 0) / 1024, 1),
                "pss_mb": round(kb.get("Pss", 0) / 1024, 1),
                "peak_rss_mb": round(kb.get("VmHWM", 0) / 1024, 1),
            }
        )
    largest = max(sizes, key=lambda m: m["rss_mb"], default={})
    return {**largest, "renderers": len(sizes)}


def _kilobytes(text: str) -> dict[str, int]:
    """The "Name: N kB" lines of /proc status-like files."""
    found: dict[str, int] = {}
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB" and parts[0].isdigit():
            found.setdefault(name.strip(), int(parts[0]))
    return found


def _keystrokes(page: Any, script: str, strokes: tuple[str, ...]) -> dict[str, Any]:
    timed = [page.evaluate(script, q) for q in strokes]
    answer = [t[0] for t in timed]
    painted = [t[1] for t in timed]
    return {
        "keystrokes": len(timed),
        "keystroke_filter_ms": {
            "median": round(statistics.median(answer), 1),
            "max": round(max(answer), 1),
        },
        "keystroke_to_paint_ms": {
            "median": round(statistics.median(painted), 1),
            "max": round(max(painted), 1),
        },
    }


def _measure_page(browser: Any, path: Path, *, new: bool, timeout_s: float) -> dict[str, Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.set_default_timeout(timeout_s * 1000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    started = time.perf_counter()
    try:
        page.goto(path.as_uri(), wait_until="load")
        # The app opens on its Stories view when the store has several stories: ready is
        # its first drawn view, whichever.
        page.wait_for_selector("#app[data-ready]" if new else "ol.timeline li")
    except Exception as exc:  # a page that does not load in time is the result, not a crash
        page.close()
        return {"load_s": None, "failed": f"not loaded in {timeout_s:.0f} s: {type(exc).__name__}"}
    found: dict[str, Any] = {"load_s": round(time.perf_counter() - started, 2)}
    if new:
        steps = page.evaluate("window.storylineTimings")
        found["steps_ms"] = {k: round(v) for k, v in steps.items()}
    found.update(_metrics(cdp))
    found["renderer"] = _renderer_memory(browser)
    if new:  # the keystrokes are typed into the timeline's filter
        page.click("#tab-timeline")
        page.wait_for_selector("li.entry")
    # The anchor's filter reads every entry's text per keystroke: three tell its cost.
    strokes = (*KEYSTROKES, "") if new else KEYSTROKES[:3]
    found.update(_keystrokes(page, _NEW_KEYSTROKE if new else _OLD_KEYSTROKE, strokes))
    found["page_errors"] = errors
    page.close()
    return found


def _render_new(story: Any, out: Path, compress: bool) -> dict[str, Any]:
    started = time.perf_counter()
    html = render_report(story, compress=compress)
    seconds = time.perf_counter() - started
    out.write_text(html, encoding="utf-8")
    return {"render_s": round(seconds, 2), "file_mb": round(out.stat().st_size / 1e6, 1)}


def _render_anchor(src: Path, store: Path, out: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", _ANCHOR_RENDER, str(store), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = float(done.stdout.strip().splitlines()[-1])
    return {"render_s": round(seconds, 2), "file_mb": round(out.stat().st_size / 1e6, 1)}


def _measure_size(browser: Any, size: int | None, anchor: Path | None, tmp: Path) -> dict[str, Any]:
    store = t17_store.build_store(size=size)
    started = time.perf_counter()
    story = t17_store.story(size)
    found: dict[str, Any] = {
        "documents": len(story.documents),
        "timeline_entries": len(story.timeline),
        "store_read_s": round(time.perf_counter() - started, 1),
    }
    variants: list[tuple[str, Callable[[Path], dict[str, Any]]]] = [
        ("report_gzip", lambda p: _render_new(story, p, True)),
        ("report_json", lambda p: _render_new(story, p, False)),
    ]
    if anchor is not None:
        variants.append(("anchor", lambda p: _render_anchor(anchor, store, p)))
    for name, render in variants:
        path = tmp / f"{name}.html"
        written = render(path)
        loaded = _measure_page(browser, path, new=name != "anchor", timeout_s=ANCHOR_TIMEOUT_S)
        found[name] = {**written, **loaded}
        print(f"{found['documents']} documents, {name}: {found[name]}", file=sys.stderr)
        path.unlink()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--anchor", type=Path, help="src/ of the checkout to compare with")
    parser.add_argument(
        "--sizes", default="500,all", help="articles per store, comma-separated; all: every one"
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sizes = [None if s == "all" else int(s) for s in args.sizes.split(",")]
    runs = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        for size in sizes:
            runs.append(_measure_size(browser, size, args.anchor, Path(tmp)))
        browser.close()
    out = write_run(
        "report_load.json",
        "bench.web.report_load",
        command="python -m bench.web.report_load --sizes "
        + args.sizes
        + (f" --anchor {args.anchor}" if args.anchor else ""),
        keystrokes=list(KEYSTROKES),
        anchor_timeout_s=ANCHOR_TIMEOUT_S,
        runs=runs,
    )
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
