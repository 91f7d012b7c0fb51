# The two commands a new machine needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench soak lint typecheck contracts clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	@scripts/ensure-system-libs run
	$(BIN)/planner $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check planner ui tests bench
	$(BIN)/ruff format --check planner ui tests bench

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

contracts: $(VENV)/.installed-test
	$(BIN)/lint-imports

test: $(VENV)/.installed-test lint typecheck contracts
	@scripts/ensure-system-libs test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m 'not bench and not soak'

# Bytecode is compiled first, as an installed package has it: the start-up measure is of a
# user's second start, not of a machine that recompiles every module on each run.
bench: $(VENV)/.installed-test
	@scripts/ensure-system-libs test
	$(BIN)/python -m compileall -q planner ui bench > /dev/null
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m bench -s
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# Hundreds of kill -9 trials of the crash harness (tests/crash); a few dozen run in `make test`.
soak: $(VENV)/.installed-test
	@scripts/ensure-system-libs test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m soak tests/crash

clean:
	rm -rf $(VENV) build dist *.egg-info
