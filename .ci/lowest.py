"""Print pip constraints pinning every declared dependency to its floor.

Used by .ci/run to install the lowest versions pyproject.toml promises to work with:
the runtime dependencies and those of the ``test`` extra (and, through it, ``testing`` and
``postgres``).
"""

import re
import tomllib
from pathlib import Path

project = tomllib.loads(Path(__file__).parent.parent.joinpath("pyproject.toml").read_text())[
    "project"
]
extras = project["optional-dependencies"]
wanted = project["dependencies"] + extras["testing"] + extras["postgres"] + extras["test"]
for requirement in wanted:
    if requirement.startswith("anhorig"):
        continue
    match = re.fullmatch(r"([A-Za-z0-9_.\[\]-]+?)(\[[^\]]*\])?>=([0-9][0-9.]*)", requirement)
    if match is None:
        raise SystemExit(f"no floor to pin in {requirement!r}")
    print(f"{match.group(1)}=={match.group(3)}")
