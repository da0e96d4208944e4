"""Tools for testers: hypothesis strategies for every public type, and conformance checks.

Needs the ``testing`` extra (``pip install "anhorig[testing]"``); ``import anhorig``
never imports hypothesis.
"""

__all__: list[str] = []
