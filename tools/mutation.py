"""Mutation testing of the rule modules: draw a sample of mutants, and report the score.

Used by ``tools/mutation.sh`` (run that); needs mutmut (pinned there) in the running
Python, and is run from the project's root, where ``pyproject.toml`` configures mutmut.

``python tools/mutation.py generate`` writes every mutant of the configured modules
under ``mutants/`` without running a test; ``sample N SEED`` prints up to ``N`` mutant
names per area, drawn with a seeded random generator from the mutants sorted by name,
so the same sources and seed give the same sample; ``report [NAMES_FILE]`` prints the
score per area (of the names in the file, or of every mutant tried).
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

# Each area is the set of modules whose mutants are reported together (by the start of
# their dotted module name), as the issue names them.
AREAS = {
    "consent engine": "anhorig.consent.",
    "plan rules": "anhorig.plans.rules.",
    "respite rules": "anhorig.respite.",
}

# mutmut's exit codes per mutant (mutmut/stats.py): killed, stopped at the CPU-time
# limit, survived, the rest. A timeout counts as killed: the reviewed ones loop forever
# or make a property test fail and spend the limit shrinking the failure.
KILLED = {1, 3, 37}
TIMEOUT = {24, -24, 152, 255, 36}
SURVIVED = {0}
NOT_RUN = {None, 33, 5, 34, 2}


def _all_mutants() -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for meta in sorted(Path("mutants").rglob("*.py.meta")):
        data = json.loads(meta.read_text("utf-8"))
        out.update(data["exit_code_by_key"])
    return out


def _area(name: str) -> str:
    for area, prefix in AREAS.items():
        if name.startswith(prefix):
            return area
    raise SystemExit(f"mutant {name} is in no area; update AREAS in tools/mutation.py")


def generate() -> None:
    from mutmut.__main__ import (  # type: ignore[import-not-found, unused-ignore]
        copy_also_copy_files,
        copy_src_dir,
        create_mutants,
        setup_source_paths,
    )

    Path("mutants").mkdir(exist_ok=True)
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    stats = create_mutants(1)
    print(f"{stats.mutated} files mutated", file=sys.stderr)


def sample(per_area: int, seed: int) -> None:
    by_area: dict[str, list[str]] = {area: [] for area in AREAS}
    for name in sorted(_all_mutants()):
        by_area[_area(name)].append(name)
    rng = random.Random(seed)
    for area, names in by_area.items():
        chosen = names if len(names) <= per_area else rng.sample(names, per_area)
        print(f"{area}: {len(chosen)} of {len(names)} mutants", file=sys.stderr)
        for name in sorted(chosen):
            print(name)


def report(names_file: str | None) -> None:
    results = _all_mutants()
    names = (
        Path(names_file).read_text("utf-8").split()
        if names_file
        else [n for n, code in results.items() if code not in NOT_RUN]
    )
    counts: dict[str, Counter[str]] = {area: Counter() for area in AREAS}
    survivors = []
    for name in names:
        code = results.get(name)
        kind = (
            "killed"
            if code in KILLED
            else "timeout"
            if code in TIMEOUT
            else "survived"
            if code in SURVIVED
            else "not run"
        )
        counts[_area(name)][kind] += 1
        if kind == "survived":
            survivors.append(name)
    print(f"{'area':<16} {'killed':>7} {'timeout':>8} {'survived':>9} {'not run':>8} {'score':>7}")
    for area, c in counts.items():
        caught = c["killed"] + c["timeout"]
        tried = caught + c["survived"]
        score = f"{100 * caught / tried:.1f} %" if tried else "-"
        print(
            f"{area:<16} {c['killed']:>7} {c['timeout']:>8} {c['survived']:>9}"
            f" {c['not run']:>8} {score:>7}"
        )
    for name in sorted(survivors):
        print(f"survived: {name}")


def main(argv: list[str]) -> None:
    match argv:
        case ["generate"]:
            generate()
        case ["sample", per_area, seed]:
            sample(int(per_area), int(seed))
        case ["report"]:
            report(None)
        case ["report", names_file]:
            report(names_file)
        case _:
            raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
