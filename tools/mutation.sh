#!/usr/bin/env bash
# Mutation testing of the rule modules (consent engine, plan rules, respite rules).
#
#   tools/mutation.sh                 a seeded sample: 150 mutants per area (about 1.5 hours on 2 shared cores)
#   tools/mutation.sh sample N SEED   N mutants per area, drawn with SEED
#   tools/mutation.sh full            every mutant (several hours)
#   tools/mutation.sh report          the score per area of what has been run, and the survivors
#
# mutmut (pinned below) runs in its own virtual environment, .venv-mutation, made on
# first use; the modules and tests are configured under [tool.mutmut] in pyproject.toml.
# Mutants and results live in mutants/ (not committed); `mutmut show NAME` in that
# environment prints one mutant's diff. Runs are niced and use two workers; set
# MUTATION_WORKERS to change that. See docs/explanation/reliability.md.
set -euo pipefail

MUTMUT_VERSION="3.8.1"
cd "$(dirname "$0")/.."
VENV=.venv-mutation
if [[ ! -x "$VENV/bin/mutmut" ]] || ! "$VENV/bin/mutmut" --version | grep -q "$MUTMUT_VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -e ".[test]" "mutmut==$MUTMUT_VERSION"
fi
PY="$VENV/bin/python"
WORKERS="${MUTATION_WORKERS:-2}"
# Hypothesis' small profile: each property runs 20 examples per mutant, with a fixed seed
# (pyproject.toml), so a result does not depend on the run.
export HYPOTHESIS_PROFILE=dev

mode="${1:-sample}"
case "$mode" in
  sample)
    per_area="${2:-150}"
    seed="${3:-2026}"
    nice -n 10 "$PY" tools/mutation.py generate
    names="mutants/sample-$per_area-$seed.txt"
    "$PY" tools/mutation.py sample "$per_area" "$seed" > "$names"
    # shellcheck disable=SC2046  # one argument per mutant name
    nice -n 10 "$VENV/bin/mutmut" run --max-children "$WORKERS" $(cat "$names") || true
    "$PY" tools/mutation.py report "$names"
    ;;
  full)
    nice -n 10 "$VENV/bin/mutmut" run --max-children "$WORKERS" || true
    "$PY" tools/mutation.py report
    ;;
  report)
    "$PY" tools/mutation.py report "${2:-}"
    ;;
  *)
    sed -n '2,13p' "$0"
    exit 2
    ;;
esac
