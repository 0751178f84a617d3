"""Extraction speed: words per second per core for each language's rule-based pipeline, and
beside it a statistical spaCy pipeline on the same English text when one is installed.

    python bench/bench_extraction.py [--repeat N]

Texts are generated here from sentence templates (and the shared dev texts are added when
../shared is present); nothing is copied into the project.
"""

from __future__ import annotations

import os

# one BLAS thread for the models' matrix products (a figure per core), set before numpy
# loads with spaCy: OpenBLAS reads it once, at load, so main() setting it was too late
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import random
import time
from pathlib import Path

from spacy.language import Language

from loaders.extraction.config import ExtractionConfig
from loaders.extraction.pipeline import configure, get_nlp, model_choice

SHARED_DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev"
TEMPLATES = {
    "en": [
        "The khokim of {region} region {person} visited the {company} plant in {city}.",
        "{company} plans to build a car assembly plant in {city} worth $120 million.",
        "President {person} met with the management of {company} and toured the factory.",
        "According to Kun.uz, the plant will produce 50,000 vehicles per year from 2026.",
    ],
    "de": [
        "Der Bürgermeister der Region {region}, {person}, besuchte das Werk von {company}.",
        "Die chinesische Firma {company} will in {city} ein Montagewerk errichten.",
        "Das Staatsoberhaupt wies an, die Produktion von Autos in der Stadt {city} aufzunehmen.",
        "Laut Kun.uz soll das Werk jährlich 50.000 Fahrzeuge herstellen.",
    ],
    "ru": [
        "Хоким {region_ru} области {person_ru} посетил завод {company} в городе {city_ru}.",
        "Компания {company} планирует построить автозавод стоимостью 120 млн долларов.",
        "Президент встретился с руководством компании {company} и осмотрел производство.",
        "Как сообщает Kun.uz, завод будет выпускать до 50 тысяч автомобилей в год.",
    ],
}
FILL = {
    "region": ["Namangan", "Samarkand", "Fergana", "Jizzakh"],
    "person": ["Ergash Soliyev", "Murod Karimov", "Shavkat Mirziyoyev"],
    "company": ["Chery", "BYD", "Hyundai", "Knauf"],
    "city": ["Karshi", "Asaka", "Andijan", "Termez"],
    "region_ru": ["Наманганской", "Самаркандской", "Ферганской"],
    "person_ru": ["Хайрулло Бозоров", "Эркин Турдимов"],
    "city_ru": ["Асаке", "Карши", "Андижане"],
}


def generated_text(lang: str, sentences: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = [
        rng.choice(TEMPLATES[lang]).format(**{k: rng.choice(v) for k, v in FILL.items()})
        for _ in range(sentences)
    ]
    return "\n".join(" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5))


def dev_texts(lang: str) -> list[str]:
    if not SHARED_DEV.is_dir():
        return []
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SHARED_DEV.glob("*.json"))]
    return [d["text"] for d in docs if d["lang"] == lang]


def words_per_second(nlp: Language, texts: list[str], repeat: int) -> float:
    words = sum(len(t.split()) for t in texts) * repeat
    for _ in nlp.pipe(texts[:2]):  # warm up (lazy caches)
        pass
    started = time.process_time()  # CPU time of this process: per core, not wall clock
    for _ in range(repeat):
        for _ in nlp.pipe(texts):
            pass
    return words / max(time.process_time() - started, 1e-9)


def kept(lang: str, config: ExtractionConfig) -> Language:
    """The pipeline as extract() gets it: built once and kept for the process (get_nlp)."""
    configure(config)
    return get_nlp(lang)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rule_only = ExtractionConfig.every("off")
    with_models = ExtractionConfig.every("on")
    rows = []
    for lang in ("de", "en", "ru"):
        texts = [generated_text(lang, 200)] * 3 + dev_texts(lang)
        rows.append((f"rules {lang}", words_per_second(kept(lang, rule_only), texts, args.repeat)))
        choice = model_choice(lang, with_models)
        if choice is not None:  # the same texts with the pack's model beside the rules
            modelled = kept(lang, with_models)
            rows.append(
                (f"  with {choice.package}", words_per_second(modelled, texts, args.repeat))
            )
    print(f"{'pipeline':34} {'words/s per core':>18}")
    for name, speed in rows:
        print(f"{name:34} {'not installed' if speed is None else f'{speed:,.0f}':>18}")


if __name__ == "__main__":
    main()
