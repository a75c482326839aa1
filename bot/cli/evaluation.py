"""``python -m bot eval``: measure retrieval and answer quality on the question set."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.settings import BotSettings

QUESTION_SETS = {"default": "questions.yaml", "field": "field.yaml"}  # in tests/eval/


def cmd_eval(args: argparse.Namespace, settings: BotSettings) -> int:
    from bot.engine import Engine, ingest, load_embeddings
    from bot.evaluation import load_questions, misses, run_eval, slices, table, threshold_sweep

    field = args.question_set == "field"
    if args.split and not field:
        print("--split applies to --set field only", file=sys.stderr)
        return 2
    from bot.settings import PROJECT_ROOT

    path = args.questions or PROJECT_ROOT / "tests" / "eval" / QUESTION_SETS[args.question_set]
    try:
        if field:
            from bot.evaluation import load_field_questions

            questions: list[Any] = load_field_questions(path)
            if args.split:
                questions = [q for q in questions if q.split == args.split]
        else:
            questions = load_questions(path)
    except (OSError, ValueError) as exc:
        print(f"cannot read the question set: {exc}", file=sys.stderr)
        return 1
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    rows: list[dict[str, Any]] = []
    report: list[str] = []
    field_missed: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="kenri-eval-") as tmp:
        configs: list[tuple[str, Any, Path]] = []
        if args.models:
            for model in [m.strip() for m in args.models.split(",") if m.strip()]:
                emb = load_embeddings(model)
                index_dir = Path(tmp) / model.replace("/", "_").replace(":", "_")
                ingest.run(
                    knowledge_dir=settings.knowledge_dir,
                    index_dir=index_dir,
                    embedding_model=model,
                    embeddings=emb,
                    chunk_tokens=args.chunk_tokens or settings.chunk_tokens,
                    chunk_overlap=settings.chunk_overlap,
                    progress=False,
                )
                configs.append((model, emb, index_dir))
        else:
            configs.append((settings.embedding_model, load_embeddings(settings.embedding_model), settings.index_dir))
        for model, emb, index_dir in configs:
            for mode in modes:
                engine = Engine(
                    index_dir=index_dir,
                    embeddings=emb,
                    candidates=settings.candidates,
                    max_citations=settings.max_citations,
                    min_relevance=args.threshold if args.threshold is not None else settings.min_relevance,
                    max_question_chars=settings.max_question_chars,
                    retrieval_mode=mode,
                )
                try:
                    if field:
                        _field_run(engine, questions, args, model, mode, rows, report, field_missed)
                        continue
                    results = run_eval(engine, questions)
                    for s in slices(results):
                        rows.append({"model": model, "mode": mode, "threshold": engine.min_relevance, **s.metrics()})
                    if args.misses:
                        report.append(f"-- misses: {model} / {mode}")
                        report += misses(results)
                    if args.sweep:
                        sweep = threshold_sweep(
                            results,
                            [round(0.15 + 0.025 * i, 3) for i in range(15)],
                            engine.min_keyword_coverage,
                        )
                        report.append(f"-- refusal threshold sweep: {model} / {mode}")
                        report.append(
                            table(
                                sweep,
                                ["threshold", "refusal_precision", "refusal_recall", "answerable_refused"],
                            )
                        )
                finally:
                    engine.close()
    if args.json and field:
        out: dict[str, Any] = {
            "set": "field",
            "questions": len(questions),
            "path": str(path),
            "figures": rows,
        }
        if args.misses:
            out["misses"] = field_missed
        print(json.dumps(out, ensure_ascii=False, indent=1))
    elif args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif field:
        from bot.evaluation import FIELD_COLUMNS

        print(f"{len(questions)} questions from {path}")
        print(table(rows, ["model", "mode", *FIELD_COLUMNS]))
        for line in report:
            print(line)
    else:
        print(f"{len(questions)} questions from {path}")
        print(
            table(
                rows,
                [
                    "model",
                    "mode",
                    "threshold",
                    *[c for c in rows[0] if c not in {"model", "mode", "threshold", "answerable"}],
                ],
            )
        )
        for line in report:
            print(line)
    return 0


def _field_run(
    engine: Any,
    questions: list[Any],
    args: argparse.Namespace,
    model: str,
    mode: str,
    rows: list[dict[str, Any]],
    report: list[str],
    missed: list[dict[str, Any]],
) -> None:
    """Score the field set with one engine; append figure rows (and misses) for printing."""
    from bot.evaluation import field_misses, field_slices, format_misses, run_field_eval

    results = run_field_eval(engine, questions)
    for s in field_slices(results, args.split):
        rows.append({"model": model, "mode": mode, **s.metrics()})
    if args.misses:
        found = field_misses(results)
        if args.json:
            missed.extend({"model": model, "mode": mode, **m} for m in found)
        else:
            report.append(f"-- misses: {model} / {mode} ({len(found)} of {len(results)} questions)")
            report += format_misses(found)
