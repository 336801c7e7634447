#!/usr/bin/env bash
# Mutation testing of the fast tests, by hand (not in CI): Stryker.NET 5.1.0 (dotnet-tools.json) mutates Domain and
# Workflows/Process, runs Tests/Fast against each mutant, and writes the score of each file to docs/MUTATION.md.
#
#   scripts/mutation.sh                      both parts, then docs/MUTATION.md (about an hour on a quiet 2-core machine)
#   scripts/mutation.sh domain|process       one part; the table is printed, docs/MUTATION.md is left alone
#   scripts/mutation.sh process -m "**/Process/CaseChanges.cs"   only the files you work on (extra arguments go to Stryker)
#
# The machine is shared, so Stryker runs two test processes at a time (--concurrency 2). Reports (json and html) are
# kept in .stryker/<part>/.
set -euo pipefail
cd "$(dirname "$0")/.."

part=${1:-all}
[ $# -gt 0 ] && shift
case "$part" in
  domain|process|all) ;;
  *) echo "usage: scripts/mutation.sh [domain|process|all] [stryker options]" >&2; exit 2 ;;
esac

dotnet tool restore >/dev/null
root=$(pwd)
reports=()
run() {
  local name=$1 project=$2 mutate=$3
  shift 3
  # Files named with -m replace the part's own pattern: Stryker adds -m patterns up, so both would mutate the whole part.
  local files=(-m "$mutate")
  for arg in "$@"; do
    case "$arg" in -m|--mutate) files=() ;; esac
  done
  rm -rf "$root/.stryker/$name"
  # Stryker runs from the test project; -p picks which of its references to mutate.
  (cd Tests/Fast && dotnet stryker -p "$project" "${files[@]}" --concurrency 2 --configuration Release \
     --reporter json --reporter html --reporter progress --skip-version-check -O "$root/.stryker/$name" "$@")
  reports+=("$(find "$root/.stryker/$name" -name mutation-report.json | head -1)")
}

[ "$part" = process ] || run domain Domain.csproj '**/*.cs' "$@"
[ "$part" = domain ] || run process Workflows.csproj '**/Process/**/*.cs' "$@"

if [ "$part" = all ] && [ $# -eq 0 ]; then
  python3 scripts/mutation-report.py "${reports[@]}" > docs/MUTATION.md
  echo "Wrote docs/MUTATION.md"
else
  python3 scripts/mutation-report.py "${reports[@]}"
fi
