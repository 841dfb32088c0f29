"""A warm pool of hardened sandbox containers.

Each container is started ahead of need with its runtime already imported (numpy, plus torch
when the submission needs it), waits for exactly one submission, and is discarded after it —
so a pooled run is as isolated as a cold one (rule R5, docs/design.md), only faster. Idle containers are reaped,
and the pool never holds more warm containers than its memory budget allows.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from .launcher import Limits, SandboxError, Session, container_session

Key = tuple[Limits, tuple[str, ...]]


@dataclass
class _Warm:
    session: Session
    started: float = field(default_factory=time.monotonic)


class WarmPool:
    """Containers started ahead of need, keyed by (limits, preloaded modules)."""

    def __init__(self, image: str, per_key: int = 2, memory_budget_mb: int = 4096, idle_seconds: float = 300.0) -> None:
        self.image, self.per_key = image, per_key
        self.memory_budget_mb, self.idle_seconds = memory_budget_mb, idle_seconds
        self._ready: dict[Key, list[_Warm]] = {}
        self._starting: dict[Key, int] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._starters: list[threading.Thread] = []
        self._reaper = threading.Thread(target=self._reap_forever, daemon=True)
        self._reaper.start()

    def acquire(self, limits: Limits, preload: tuple[str, ...] = ()) -> Session:
        """A warm container for one submission (a cold one when none is ready); refills behind."""
        key = (limits, preload)
        with self._lock:
            ready = self._ready.get(key, [])
            warm = ready.pop(0) if ready else None
        self._refill(key)
        return warm.session if warm is not None else container_session(self.image, limits, preload)

    def prewarm(self, limits: Limits, preload: tuple[str, ...] = ()) -> None:
        """Start containers for KEY now, before the first submission arrives."""
        self._refill((limits, preload))

    def ready_count(self) -> int:
        with self._lock:
            return sum(len(v) for v in self._ready.values())

    def _held_mb(self) -> int:
        held = sum(k[0].memory_mb * len(v) for k, v in self._ready.items())
        return held + sum(k[0].memory_mb * n for k, n in self._starting.items())

    def _refill(self, key: Key) -> None:
        with self._lock:
            missing = self.per_key - len(self._ready.get(key, [])) - self._starting.get(key, 0)
            affordable = (self.memory_budget_mb - self._held_mb()) // key[0].memory_mb
            count = max(0, min(missing, affordable)) if not self._closed else 0
            self._starting[key] = self._starting.get(key, 0) + count
        for _ in range(count):
            starter = threading.Thread(target=self._start_one, args=(key,), daemon=True)
            self._starters.append(starter)
            starter.start()

    def _start_one(self, key: Key) -> None:
        try:
            session: Session | None = container_session(self.image, key[0], key[1])
        except SandboxError:
            session = None  # acquire() will start one itself and report the fault there
        with self._lock:
            self._starting[key] -= 1
            if session is not None and not self._closed:
                self._ready.setdefault(key, []).append(_Warm(session))
                session = None
        if session is not None:
            _discard(session)

    def _reap_forever(self) -> None:
        while not self._closed:
            time.sleep(min(10.0, self.idle_seconds / 2))
            self.reap()

    def reap(self) -> int:
        """Discard containers idle for longer than idle_seconds; return how many."""
        now = time.monotonic()
        with self._lock:
            stale = [w for ready in self._ready.values() for w in ready if now - w.started > self.idle_seconds]
            for ready in self._ready.values():
                ready[:] = [w for w in ready if w not in stale]
        for warm in stale:
            _discard(warm.session)
        return len(stale)

    def close(self) -> None:
        """Discard every warm container, including those still starting."""
        with self._lock:
            self._closed = True
            warm = [w for ready in self._ready.values() for w in ready]
            self._ready.clear()
        for item in warm:
            _discard(item.session)
        for starter in self._starters:
            starter.join(timeout=60)  # a container that finishes starting now is discarded by _start_one


def _discard(session: Session) -> None:
    session.discard()
