#!/usr/bin/env python3
"""Turns Stryker.NET's JSON reports into the table of docs/MUTATION.md: per file, mutants killed of those that a
test could kill. "Logic" leaves out the mutations of string literals (display text, which the fast tests do not pin
word for word). Timeouts count as killed (the mutant made a test hang); compile errors and ignored mutants are left out."""
import datetime, json, os, sys

KILLED = {"Killed", "Timeout"}
COUNTED = KILLED | {"Survived", "NoCoverage"}

def rows(report):
    root = os.path.commonpath(list(report["files"])) if len(report["files"]) > 1 else os.path.dirname(next(iter(report["files"])))
    for path, file in sorted(report["files"].items()):
        mutants = [m for m in file["mutants"] if m["status"] in COUNTED]
        logic = [m for m in mutants if not m["mutatorName"].startswith("String")]
        yield (os.path.relpath(path, os.path.dirname(root)) if root else path,
               sum(m["status"] in KILLED for m in logic), len(logic),
               sum(m["status"] in KILLED for m in mutants), len(mutants),
               sum(m["status"] == "Survived" for m in logic), sum(m["status"] == "NoCoverage" for m in logic))

def pct(k, n):
    return "-" if n == 0 else f"{100 * k / n:.0f}%"

out = ["# Mutation testing", "",
       "What the fast tests (`Tests/Fast`) catch when Stryker.NET 5.1.0 changes the code of Domain and Workflows/Process one",
       "mutant at a time. Run by hand with `scripts/mutation.sh` (not in CI: about an hour on a quiet 2-core machine);",
       "`scripts/mutation.sh process -m \"**/Process/CaseChanges.cs\"` checks the files you work on in minutes.",
       "", "**Logic** counts every mutant except those of string literals (display text); **All** counts those too.",
       "Survived: a test ran the changed code and still passed. No coverage: no fast test runs it. The aim is 90% of logic",
       "mutants killed.", "",
       f"Run on {datetime.date.today():%d %b %Y}.", ""]
totals = [0, 0, 0, 0]
for path in sys.argv[1:]:
    with open(path) as f:
        report = json.load(f)
    out += ["| File | Logic killed | Logic | All killed | Survived | No coverage |", "|---|---|---|---|---|---|"]
    for name, lk, ln, ak, an, surv, nocov in rows(report):
        if an == 0:
            continue  # outside --mutate, or nothing a test could kill
        totals = [totals[0] + lk, totals[1] + ln, totals[2] + ak, totals[3] + an]
        out.append(f"| `{name}` | {lk}/{ln} | {pct(lk, ln)} | {pct(ak, an)} | {surv} | {nocov} |")
    out.append("")
out.append(f"**Total: {totals[0]} of {totals[1]} logic mutants killed ({pct(totals[0], totals[1])}); all mutants {pct(totals[2], totals[3])}.**")
print("\n".join(out))
