"""Cases for the click-through rate: ratios below 1 (integer division gives 0), ratios that round
up (2/3 → 0.67), campaigns without clicks, without impressions or without events, events of
unknown campaigns, identical event rows logged twice (both count), clicks outnumbering impressions
(CTR above 1, not capped), empty tables and random campaigns."""

import numpy as np

from grader.authoring import Case, Table, sql_setup

Counts = dict[int, tuple[int, int]]  # campaign_id → (impressions, clicks)

CAMPAIGN = Table("Campaign", {"campaign_id": "INTEGER", "name": "TEXT"})
EVENT = Table("Event", {"event_id": "INTEGER", "campaign_id": "INTEGER", "action": "TEXT"})


def _setup(campaigns: list[int], counts: Counts, rng: np.random.Generator, repeated: int = 0) -> str:
    """Campaign rows for CAMPAIGNS; COUNTS expanded into Event rows in a shuffled order. The first
    REPEATED event rows are logged twice, identical (same event_id): both copies count."""
    events = [(c, action) for c, (shown, clicked) in counts.items()
              for action in ["impression"] * shown + ["click"] * clicked]
    order = rng.permutation(len(events)) if events else []
    rows = [(i, *events[j]) for i, j in enumerate(order, start=1)]
    return sql_setup((CAMPAIGN, [(c, f"campaign {c}") for c in campaigns]), (EVENT, rows + rows[:repeated]))


def _case(rng: np.random.Generator, name: str, campaigns: list[int], counts: Counts, note: str = "",
          repeated: int = 0) -> Case:
    return Case(name, kwargs={"setup": _setup(campaigns, counts, rng, repeated)}, note=note)


def _random(rng: np.random.Generator, n: int) -> Counts:
    counts: Counts = {}
    for campaign in range(1, n + 1):
        shown = int(rng.integers(0, 40))
        counts[campaign] = (shown, int(rng.binomial(shown, rng.uniform(0.05, 0.6))))
    return counts


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case(rng, "ratios below one", [1, 2, 3], {1: (3, 1), 2: (3, 2), 3: (4, 1)},
              note="campaign 1: 1 click / 3 impressions → 0.33; 2: 2/3 → 0.67; 3: 1/4 → 0.25"),
        _case(rng, "no clicks and no events", [1, 2, 3], {1: (5, 2), 2: (6, 0)},
              note="campaign 1 → 0.4; 2 has impressions but no click → 0.0; 3 has no event → 0.0"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case(rng, "no campaigns", [], {1: (3, 1)}),
        _case(rng, "no events", [1, 2], {}),
        _case(rng, "clicks without impressions", [1, 2], {1: (0, 3), 2: (8, 1)}),
        _case(rng, "events of an unknown campaign", [1], {1: (7, 3), 9: (2, 2)}),
        _case(rng, "every impression clicked", [4, 5], {4: (6, 6), 5: (3, 3)}),
        _case(rng, "random campaigns", list(range(1, 13)), _random(rng, 12)),
        _case(rng, "identical rows logged twice", [1, 2], {1: (1, 1), 2: (3, 1)}, repeated=4,
              note="all four events are logged twice with the same event_id: every row counts"),
        _case(rng, "more clicks than impressions", [1, 2, 3], {1: (2, 5), 2: (4, 4), 3: (3, 4)},
              note="campaign 1 → 2.5 and 3 → 1.33: clicks are not capped"),
        _case(rng, "random, more campaigns than events", list(range(1, 41)), _random(rng, 25)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'real-division': ['ratios below one'],
    'no-impression-zero': ['no clicks and no events', 'clicks without impressions', 'no events'],
    'no-click-listed': ['no clicks and no events'],
    'not-capped': ['more clicks than impressions'],
    'column-names': ['ratios below one'],
}
