# Closeknit - the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: run test lint typecheck bench model clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Runtime install: no PyTorch.
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev: pyproject.toml $(VENV)/.runtime
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(VENV)/.bench: pyproject.toml $(VENV)/.runtime
	$(BIN)/pip install --quiet -e '.[bench]'
	touch $@

$(VENV)/.train: pyproject.toml $(VENV)/.runtime
	$(BIN)/pip install --quiet -e '.[train]'
	touch $@

## make run: set up and start the interactive coach
run: $(VENV)/.runtime
	$(BIN)/closeknit coach

## make test: lint, type checks and the whole test suite
test: lint typecheck
	$(BIN)/pytest -q

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests training benchmarks
	$(BIN)/ruff format --check src tests training benchmarks

typecheck: $(VENV)/.dev
	$(BIN)/mypy

## make bench: accuracy and speed benchmarks, written to benchmarks/RESULTS.md
bench: $(VENV)/.bench
	$(BIN)/python benchmarks/run.py --shared $(SHARED) --out benchmarks/RESULTS.md

## make model: rebuild the shipped model from the fixed seed (GPU if present, else CPU: hours)
model: $(VENV)/.train
	$(BIN)/python training/base.py --out build/base
	$(BIN)/python training/prepare.py --shared $(SHARED) --out build/stage1-data --codebook-glob '0[1-8]-*.jsonl'
	$(BIN)/python training/prepare.py --shared $(SHARED) --out build/train-data
	$(BIN)/python training/train.py --data build/stage1-data --base build/base --out build/stage1 \
		--lr 1e-4 --epochs 3 --batch 64 --authored-repeat 4
	$(BIN)/python training/train.py --data build/train-data --base build/base --init build/stage1 --out build/stage2 \
		--lr 3e-5 --epochs 2 --batch 32 --authored-repeat 1 --other-sample 4000
	$(BIN)/python training/refit_emotions.py --trained build/stage2 --base build/base --data build/train-data --out build/stage3
	$(BIN)/python training/export.py --trained build/stage3 --base build/base --data build/train-data

clean:
	rm -rf build .mypy_cache .ruff_cache .pytest_cache
