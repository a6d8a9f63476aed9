#!/usr/bin/env bash
# Runs the whole test suite: restores, builds (warnings are errors) and runs every test project,
# then prints one closing line "N passed, N failed, N skipped".
# Packages the tests need are installed here; later issues add services (PostgreSQL, snmpd, sshd) to start.
set -euo pipefail
cd "$(dirname "$0")"

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet build MonitoringHost.sln --configuration Release -warnaserror -nologo -clp:ErrorsOnly

status=0
dotnet test MonitoringHost.sln --configuration Release --no-build --nologo \
  --logger "trx;LogFilePrefix=run" --results-directory "$results" || status=$?

# Sum the counters of every test project's result file.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
files = glob.glob(sys.argv[1] + "/*.trx")
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns).attrib
    passed += int(c["passed"]); failed += int(c["failed"]) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c["notExecuted"])
print(f"{len(files)} test project(s)")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
