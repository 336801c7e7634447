#!/usr/bin/env bash
# Builds Release and runs the work-queue / journal / timer-sweep benchmark (Tests/Benchmarks; docs/BENCHMARKS.md).
# Run by hand, not in CI. Seeds a fresh SQLite database in a temp folder (deleted afterwards); with
# PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES) set to a server's connection string, also a fresh PostgreSQL
# database (dropped afterwards), e.g.
#   PORTAL_BENCH_POSTGRES="Host=127.0.0.1;Port=5433;Username=postgres" scripts/bench.sh
# Other knobs (PORTAL_BENCH_SCALE, _ITERATIONS, _SWEEP, _PG_SWEEP, _SQL, _KEEP) are listed in Tests/Benchmarks/Program.cs.
# The output is also written to bench-<UTC time>.log in the temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Tests/Benchmarks/Benchmarks.csproj -c Release --nologo -v q
log="${TMPDIR:-/tmp}/bench-$(date -u +%Y%m%dT%H%M%SZ).log"
{
  echo "Machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -h | awk '/^Mem:/ {print $2 " RAM"}');" \
       "$(. /etc/os-release && echo "$PRETTY_NAME"); .NET SDK $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet Tests/Benchmarks/bin/Release/net10.0/Portal.Benchmarks.dll "$@"
  echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$log"
echo "Log: $log"
