"""Measuring the engine: ``kenri eval`` on the retrieval question set (hit@k, MRR, refusals) and
on the field set of questions creators asked in public (lead section, key points, unused
citations, refusals, language). See docs/EVALUATION.md.
"""

from .evaluate import Question, Result, load_questions, misses, run_eval, slices, table, threshold_sweep
from .field_eval import (
    FIELD_COLUMNS,
    FieldQuestion,
    field_misses,
    field_slices,
    format_misses,
    load_field_questions,
    run_field_eval,
)

__all__ = [
    "FIELD_COLUMNS",
    "FieldQuestion",
    "Question",
    "Result",
    "field_misses",
    "field_slices",
    "format_misses",
    "load_field_questions",
    "load_questions",
    "misses",
    "run_eval",
    "run_field_eval",
    "slices",
    "table",
    "threshold_sweep",
]
