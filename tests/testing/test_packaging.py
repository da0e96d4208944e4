"""What a user meets when installing: the testing extra's message, the licence in the wheel."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_testing_kit_without_hypothesis_says_which_extra_to_install() -> None:
    # A None entry in sys.modules makes hypothesis look uninstalled to the import system.
    code = textwrap.dedent(
        """
        import sys
        sys.modules["hypothesis"] = None
        try:
            import anhorig.testing.strategies
        except ModuleNotFoundError as exc:
            print(exc)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert 'pip install "anhorig[testing]"' in out.stdout


def test_import_anhorig_does_not_import_hypothesis() -> None:
    code = "import sys, anhorig; print('hypothesis' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"
