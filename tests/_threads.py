"""Running a few threads against one shared object, with the interpreter switching
between them as often as it can, so that races show up in a test run."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

SWITCH_INTERVAL = 1e-6
"""Seconds between forced thread switches while the threads run (the default is 5 ms)."""

JOIN_SECONDS = 60.0
"""How long to wait for a thread before calling it hung (a deadlock, not a slow run)."""


@contextmanager
def switching_often() -> Iterator[None]:
    """Make the interpreter switch threads every microsecond; restore it afterwards."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def run_together(workers: Sequence[Callable[[], None]]) -> list[BaseException]:
    """Start every worker in its own thread at once and wait for all; returns what
    they raised (an exception in a worker is the finding, not a crash of the test)."""
    errors: list[BaseException] = []
    start = threading.Barrier(len(workers))

    def wrap(worker: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            start.wait()
            try:
                worker()
            except BaseException as error:
                errors.append(error)

        return run

    threads = [threading.Thread(target=wrap(w), daemon=True) for w in workers]
    with switching_often():
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(JOIN_SECONDS)
    hung = [t.name for t in threads if t.is_alive()]
    assert not hung, f"threads still running after {JOIN_SECONDS} s: {hung}"
    return errors


class Deadline:
    """Rounds of a race test: at most ``rounds``, and none started after ``seconds``
    (a bound on the test's length, not a timing assertion)."""

    def __init__(self, *, rounds: int, seconds: float) -> None:
        self.rounds = rounds
        self.until = time.monotonic() + seconds

    def __iter__(self) -> Iterator[int]:
        for number in range(self.rounds):
            if number and time.monotonic() > self.until:
                return
            yield number
