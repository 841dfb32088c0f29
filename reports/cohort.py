"""Cohort statistics over many results documents: candidates ranked by exercises passed, then score
(a 2-of-3 candidate above a 1-of-3 one, whatever the mean of exercise scores), the candidates ×
exercises grid, pass rates, frequent misconceptions and the score histogram (plain data for the cohort
template, the CSV export and the terminal table)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .format import verdict_counts

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


def seconds_taken(document: dict[str, Any]) -> float | None:
    """The run's wall time (finished − started), or None when the times cannot be read."""
    try:
        taken = (dt.datetime.fromisoformat(document["finished"]) - dt.datetime.fromisoformat(document["started"]))
    except (KeyError, TypeError, ValueError):
        return None
    return max(taken.total_seconds(), 0.0)


def duration(value: float | None) -> str:
    """A candidate's grading time for people: '<1 s', '12 s', '3 min 05 s'."""
    if value is None:
        return "—"
    if value < 1:
        return "<1 s"
    whole = round(value)
    return f"{whole} s" if whole < 60 else f"{whole // 60} min {whole % 60:02d} s"


def exercise_verdicts(document: dict[str, Any]) -> list[tuple[str, int]]:
    """How many of the run's exercises ended in each verdict, in the canonical verdict order."""
    return verdict_counts(dict(Counter(exercise["verdict"] for exercise in document["exercises"])))


def verdict_summary(document: dict[str, Any]) -> str:
    """The exercises' verdicts in one line: '2 passed, 1 wrong answer'."""
    return ", ".join(f"{count} {verdict}" for verdict, count in exercise_verdicts(document)) or "no exercise"


def candidate_row(name: str, document: dict[str, Any]) -> dict[str, Any]:
    """One candidate's line of a cohort: exercises passed, score, time, verdicts, and the results by exercise id."""
    summary = document["summary"]
    return {"name": name, "exercises_passed": summary["exercises_passed"], "exercises": summary["exercises"],
            "score": summary["score"], "seconds": seconds_taken(document), "verdicts": exercise_verdicts(document),
            "verdict_summary": verdict_summary(document), "sandbox": document["sandbox"],
            "exit_status": document["exit_status"],
            "points": summary.get("points"), "max_points": summary.get("max_points"),
            "cells": {exercise["id"]: dict(exercise, index=position)
                      for position, exercise in enumerate(document["exercises"], 1)}}


def _standing(row: dict[str, Any]) -> tuple[float, float]:
    """What ranks a candidate, best lowest: with an assignment's points, the score (points / max points), then
    exercises passed; else exercises passed, then score."""
    if row["max_points"] is not None:
        return -row["score"], -row["exercises_passed"]
    return -row["exercises_passed"], -row["score"]


def ranked(documents: Sequence[dict[str, Any]], names: Sequence[str]) -> list[dict[str, Any]]:
    """The candidates' rows (`candidate_row`), best first (`_standing`, then name); each with its 1-based
    rank (tied candidates share one) and its position in the input (`order`)."""
    if len(names) != len(documents):
        raise ValueError(f"{len(names)} names for {len(documents)} documents")
    rows = [dict(candidate_row(name, document), order=order)
            for order, (name, document) in enumerate(zip(unique_names(names), documents, strict=True))]
    rows.sort(key=lambda row: (*_standing(row), row["name"]))
    for position, row in enumerate(rows):
        previous = rows[position - 1] if position else None
        tied = previous is not None and _standing(previous) == _standing(row)
        row["rank"] = previous["rank"] if tied and previous is not None else position + 1
    return rows


def exercise_titles(documents: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Every exercise id graded in the cohort, in order of first appearance, with its title."""
    titles: dict[str, str] = {}
    for document in documents:
        for exercise in document["exercises"]:
            titles.setdefault(exercise["id"], exercise["title"])
    return titles


def cohort_view(documents: Sequence[dict[str, Any]], names: Sequence[str],
                links: Sequence[str | None] | None = None) -> dict[str, Any]:
    """Everything the cohort template shows, computed from the documents alone. LINKS (one per document, or
    None) are the relative addresses of the candidates' own reports; cells link to their exercise's section."""
    titles = exercise_titles(documents)
    graded: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    score_sums: Counter[str] = Counter()
    candidates_with: Counter[tuple[str, str]] = Counter()
    cases_with: Counter[tuple[str, str]] = Counter()
    explanations: dict[tuple[str, str], str] = {}
    for document in documents:
        for exercise in document["exercises"]:
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
    rows = ranked(documents, names)
    for row in rows:
        row["link"] = links[row["order"]] if links is not None else None
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
        "points": any(row["max_points"] is not None for row in rows),
    }
