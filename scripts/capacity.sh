#!/usr/bin/env bash
# Capacity of one portal process (Tests/Capacity; figures in docs/DEPLOYMENT.md, "Sizing"). Run by hand, not in CI,
# when the machine is quiet: it starts the Release portal and up to a hundred headless Chromium pages. PostgreSQL runs
# need PORTAL_TEST_POSTGRES (a server's connection string, no Database), e.g.
#   PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=5433;Username=postgres" scripts/capacity.sh
# Knobs (PORTAL_CAPACITY_PEOPLE, _DATABASES, _HOLD_SECONDS, _PER_BROWSER) are listed in Tests/Capacity/Program.cs.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Tests/Capacity/Capacity.csproj -c Release --nologo -v q
log="${TMPDIR:-/tmp}/capacity-$(date -u +%Y%m%dT%H%M%SZ).log"
{
  echo "Machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -h | awk '/^Mem:/ {print $2 " RAM"}');" \
       "$(. /etc/os-release && echo "$PRETTY_NAME"); .NET SDK $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  PORTAL_CHROMIUM=${PORTAL_CHROMIUM:-/usr/bin/chromium} dotnet Tests/Capacity/bin/Release/net10.0/Portal.Capacity.dll "$@"
  echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$log"
echo "Log: $log"
