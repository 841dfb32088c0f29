"""Cohort statistics over many results documents: candidates × exercises, pass rates, frequent
misconceptions and the score histogram (plain data for the cohort template)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

BINS = 10
CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN, CHART_BOTTOM = 520, 220, 28, 44


def unique_names(names: Sequence[str]) -> list[str]:
    """Names made unique by suffixing repeats: a, a → a, a (2)."""
    seen: Counter[str] = Counter()
    unique = []
    for name in names:
        seen[name] += 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


def histogram(scores: Sequence[float], bins: int = BINS) -> list[int]:
    """Counts of scores in equal bins over [0, 1]; a score of 1 falls in the last bin."""
    counts = [0] * bins
    for score in scores:
        counts[min(int(score * bins), bins - 1)] += 1
    return counts


def histogram_chart(counts: Sequence[int]) -> dict[str, Any]:
    """SVG geometry of the histogram: bars (x, y, width, height, count, score range) and axis ticks."""
    tallest = max(max(counts, default=0), 1)
    baseline = CHART_HEIGHT - CHART_BOTTOM
    plot = baseline - CHART_MARGIN
    step = (CHART_WIDTH - 2 * CHART_MARGIN) / len(counts)
    bars = []
    for i, count in enumerate(counts):
        height = plot * count / tallest
        bars.append({"x": round(CHART_MARGIN + i * step + 2, 1), "width": round(step - 4, 1),
                     "y": round(baseline - height, 1), "height": round(height, 1), "count": count,
                     "label": f"{i / len(counts):.0%}–{(i + 1) / len(counts):.0%}",
                     "center": round(CHART_MARGIN + (i + 0.5) * step, 1)})
    ticks = [{"x": round(CHART_MARGIN + i * step, 1), "label": f"{100 * i // len(counts)}"}
             for i in range(len(counts) + 1)]
    return {"bars": bars, "ticks": ticks, "width": CHART_WIDTH, "height": CHART_HEIGHT, "margin": CHART_MARGIN,
            "baseline": baseline, "counts": list(counts)}


def cohort_view(documents: Sequence[dict[str, Any]], names: Sequence[str]) -> dict[str, Any]:
    """Everything the cohort template shows, computed from the documents alone."""
    if len(names) != len(documents):
        raise ValueError(f"{len(names)} names for {len(documents)} documents")
    titles: dict[str, str] = {}
    for document in documents:
        for exercise in document["exercises"]:
            titles.setdefault(exercise["id"], exercise["title"])
    rows: list[dict[str, Any]] = []
    graded: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    score_sums: Counter[str] = Counter()
    candidates_with: Counter[tuple[str, str]] = Counter()
    cases_with: Counter[tuple[str, str]] = Counter()
    explanations: dict[tuple[str, str], str] = {}
    for name, document in zip(unique_names(names), documents, strict=True):
        cells = {}
        for exercise in document["exercises"]:
            cells[exercise["id"]] = exercise
            graded[exercise["id"]] += 1
            passed[exercise["id"]] += bool(exercise["passed"])
            score_sums[exercise["id"]] += exercise["score"]
            seen = set()
            for case in exercise["cases"]:
                if case["misconception"]:
                    key = (exercise["id"], case["misconception"]["name"])
                    explanations.setdefault(key, case["misconception"]["explanation"])
                    cases_with[key] += 1
                    seen.add(key)
            candidates_with.update(seen)
        rows.append({"name": name, "score": document["summary"]["score"], "sandbox": document["sandbox"],
                     "exit_status": document["exit_status"], "cells": cells})
    exercises = [{"id": eid, "title": title, "graded": graded[eid], "passed": passed[eid],
                  "pass_rate": passed[eid] / graded[eid], "mean_score": score_sums[eid] / graded[eid]}
                 for eid, title in titles.items()]
    misconceptions = [{"exercise": key[0], "name": key[1], "explanation": explanations[key],
                       "candidates": count, "cases": cases_with[key]}
                      for key, count in sorted(candidates_with.items(), key=lambda item: (-item[1], item[0]))]
    scores = [row["score"] for row in rows]
    return {
        "candidates": rows,
        "exercises": exercises,
        "misconceptions": misconceptions,
        "histogram": histogram_chart(histogram(scores)),
        "mean_score": sum(scores) / len(scores) if scores else 0.0,
        "local_sandbox": [row["name"] for row in rows if row["sandbox"] == "local"],
    }
