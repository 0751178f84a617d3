"""Measuring the extractor against gold files with the official scorer (FORMAT.md).

evaluate(gold_dir, scorer_path) runs extract() over every gold *.json (its lang and text),
writes the predictions to a temporary folder and runs the scorer per language and overall.
compare_scores(gold_dir, runs) and side_by_side(...) put configurations (rules only, with
models) beside each other. name_agreement(gold_dir, scorer_path) asks what the scorer does
not: of the entities it matches (by any alias), how many carry the gold's canonical name
("Karshi", not "Qarshi").
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from graph_schema.errors import InvalidInputError, NewsgraphError
from loaders.extraction import ExtractionConfig, configure, extract
from loaders.models import ExtractedDocument

DEFAULT_SCORER = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "score.py"


def read_gold(gold_file: Path) -> dict[str, Any]:
    """One gold file: an object with a non-empty "text" string, or InvalidInputError saying why.

    (What else it holds the scorer checks; its complaints are reported by score().)"""
    try:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"gold file {gold_file} is not valid JSON ({exc.msg} at line "
            f"{exc.lineno}, column {exc.colno})"
        ) from exc
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"gold file {gold_file} is not UTF-8 text") from exc
    if not isinstance(gold, dict):
        raise InvalidInputError(f"gold file {gold_file} must hold one FORMAT.md object")
    if not isinstance(gold.get("text"), str) or not gold["text"].strip():
        raise InvalidInputError(f'gold file {gold_file} has no "text" string to extract from')
    lang = gold.get("lang")
    if lang is not None and not isinstance(lang, str):
        raise InvalidInputError(f'gold file {gold_file}: "lang" must be a string')
    return gold


def _extract_gold(gold_file: Path, gold: dict[str, Any]) -> ExtractedDocument:
    try:
        return extract(gold["text"], gold.get("lang"))
    except NewsgraphError as exc:
        raise InvalidInputError(f"gold file {gold_file}: {exc}") from exc


def predict_folder(gold_dir: Path, out_dir: Path) -> dict[str, list[str]]:
    """Write one prediction per gold file into out_dir; returns file names by language."""
    by_lang: dict[str, list[str]] = defaultdict(list)
    for gold_file in sorted(gold_dir.glob("*.json")):
        document = _extract_gold(gold_file, read_gold(gold_file))
        (out_dir / gold_file.name).write_text(
            json.dumps(document.to_format_json(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        by_lang[document.lang or "?"].append(gold_file.name)
    return dict(by_lang)


def score(gold_dir: Path, pred_dir: Path, scorer_path: Path, as_json: bool = False) -> str:
    """The scorer's output (table, or JSON text) for two folders."""
    command = [sys.executable, str(scorer_path), str(gold_dir), str(pred_dir)]
    if as_json:
        command.append("--json")
    # the scorer picks among a fact's alternative gold keys in set order, which the hash
    # seed decides: a fixed seed gives the same figure on every run (±1 fact otherwise)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise InvalidInputError(
            f"the scorer {scorer_path} failed with exit code "
            f"{result.returncode}" + (f": {said[-1]}" if said else "")
        )
    return result.stdout


def _check(gold_dir: Path, scorer_path: Path) -> None:
    if not scorer_path.is_file():
        raise InvalidInputError(f"scorer not found at {scorer_path} (pass the path to score.py)")
    if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
        raise InvalidInputError(f"no gold *.json files in {gold_dir}")


def evaluate_scores(
    gold_dir: Path | str, scorer_path: Path | str = DEFAULT_SCORER
) -> dict[str, Any]:
    """Scores as data: {"all": {...}, "de": {...}, ...}, each the scorer's --json output."""
    gold_dir, scorer_path = Path(gold_dir), Path(scorer_path)
    _check(gold_dir, scorer_path)
    return {group: json.loads(text) for group, text in _run(gold_dir, scorer_path, True).items()}


def evaluate(gold_dir: Path | str, scorer_path: Path | str = DEFAULT_SCORER) -> str:
    """The scorer's tables, per language and overall, as one printable text."""
    gold_dir, scorer_path = Path(gold_dir), Path(scorer_path)
    _check(gold_dir, scorer_path)
    tables = _run(gold_dir, scorer_path, False)
    order = [*sorted(k for k in tables if k != "all"), "all"]
    return "\n".join(f"== {group} ==\n{tables[group]}" for group in order)


def _run(gold_dir: Path, scorer_path: Path, as_json: bool) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        pred_dir = Path(tmp) / "pred"
        pred_dir.mkdir()
        by_lang = predict_folder(gold_dir, pred_dir)
        out = {"all": score(gold_dir, pred_dir, scorer_path, as_json)}
        for lang, names in by_lang.items():
            lang_gold = Path(tmp) / f"gold-{lang}"
            lang_gold.mkdir()
            for name in names:
                shutil.copy(gold_dir / name, lang_gold / name)
            out[lang] = score(lang_gold, pred_dir, scorer_path, as_json)
        return out


def name_agreement(
    gold_dir: Path | str, scorer_path: Path | str = DEFAULT_SCORER
) -> dict[str, tuple[int, int]]:
    """Per entity type (plants left out: their names are descriptions), how many of the
    entities the scorer matches have the gold's canonical name: {type: (agreeing, matched)}.
    Names are compared as the scorer compares forms (case, accents and punctuation aside)."""
    gold_dir, scorer_path = Path(gold_dir), Path(scorer_path)
    _check(gold_dir, scorer_path)
    scorer = _scorer_module(scorer_path)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = read_gold(gold_file)
        pred = _extract_gold(gold_file, gold).to_format_json()
        gold_entities = {e["id"]: e for e in gold["entities"]}
        pred_entities = {e["id"]: e for e in pred["entities"]}
        for pred_id, gold_ids in scorer.match_entities(gold, pred).items():
            for gold_id in gold_ids:
                wanted = gold_entities[gold_id]
                if wanted["type"] == "Plant":
                    continue
                agree = scorer.norm(wanted["name"]) == scorer.norm(pred_entities[pred_id]["name"])
                counts[wanted["type"]][0] += agree
                counts[wanted["type"]][1] += 1
    return {kind: (agree, total) for kind, (agree, total) in counts.items()}


def _scorer_module(scorer_path: Path) -> Any:
    """The official scorer as a module (its matching rules, not a copy of them)."""
    spec = importlib.util.spec_from_file_location("kg_official_scorer", scorer_path)
    if spec is None or spec.loader is None:
        raise InvalidInputError(f"cannot load the scorer at {scorer_path}")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise InvalidInputError(
            f"cannot load the scorer at {scorer_path} ({type(exc).__name__}: {exc})"
        ) from exc
    return module


def compare_scores(
    gold_dir: Path | str,
    runs: dict[str, ExtractionConfig],
    scorer_path: Path | str = DEFAULT_SCORER,
) -> dict[str, dict[str, Any]]:
    """evaluate_scores under each named configuration ({"rules only": ..., "with models":
    ...}); the extractor is left configured with the last."""
    out = {}
    for label, config in runs.items():
        configure(config)
        out[label] = evaluate_scores(gold_dir, scorer_path)
    return out


def side_by_side(compared: dict[str, dict[str, Any]]) -> str:
    """One printable table: a row per language and score (entity and relation overall, and
    every type overall), P/R/F1 per configuration side by side."""
    labels = list(compared)
    first = compared[labels[0]]
    groups = [*sorted(g for g in first if g != "all"), "all"]
    header = f"{'':<28}" + "".join(f"{label:>24}" for label in labels)
    lines = [header, f"{'':<28}" + f"{'P     R     F1':>24}" * len(labels)]
    for group in groups:
        keys = [k for k in first[group]["scores"] if group == "all" or k.endswith(":ALL")]
        for key in keys:
            cells = []
            for label in labels:
                score = compared[label].get(group, {}).get("scores", {}).get(key)
                cells.append(
                    f"{score['precision']:.3f} {score['recall']:.3f} {score['f1']:.3f}"
                    if score
                    else "-"
                )
            lines.append(f"{group + ' ' + key:<28}" + "".join(f"{c:>24}" for c in cells))
    return "\n".join(lines)
