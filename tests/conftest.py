"""Hypothesis profiles: ``ci`` (the default, 60 examples), ``dev`` (20, faster while
working) and ``deep`` (2,000, to explore the rules); the README gives what a run costs.

``ci`` is derandomized: each property tries the same examples on every run (for one
hypothesis release), so a commit passes or fails CI by what it changed, not by the draw.
``dev`` and ``deep`` draw afresh each run, to find what ``ci`` does not try.

Pick one with ``HYPOTHESIS_PROFILE=dev python -m pytest``.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, print_blob=True, derandomize=True)
settings.register_profile(
    "deep",
    max_examples=2000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=20, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
