"""Tools for testers: hypothesis strategies for every public type, conformance checks, and
a failing example of each rule (``anhorig.testing.examples``).

Needs the ``testing`` extra (``pip install "anhorig[testing]"``); ``import anhorig``
never imports hypothesis.
"""

import importlib.util

if importlib.util.find_spec("hypothesis") is None:
    raise ModuleNotFoundError(
        'anhorig.testing needs hypothesis, which is not installed: pip install "anhorig[testing]"',
        name="hypothesis",
    )

__all__: list[str] = []
