#!/usr/bin/env python3
"""Apply pgpm packages' deploy scripts in pgpm.plan order via psql (one script per package)."""
import sys, os, re, subprocess
root, db = sys.argv[1], sys.argv[2]
pkgs = sys.argv[3:]
PSQL = ["psql", "-h", "/work/research/scratch/sock", "-p", "55439", "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=1", "-q"]
for p in pkgs:
    d = os.path.join(root, p)
    lines = open(os.path.join(d, "pgpm.plan")).read().splitlines()
    changes = []
    for l in lines:
        l = l.strip()
        if not l or l.startswith("%") or l.startswith("@") or l.startswith("#"): continue
        name = l.split()[0]
        changes.append(name)
    script = os.path.join("/work/research/scratch", "apply-" + p.replace("/", "_") + ".sql")
    with open(script, "w") as f:
        for c in changes:
            f.write("\\echo %s\n\\i '%s'\n" % (c, os.path.join(d, "deploy", c + ".sql")))
    r = subprocess.run(PSQL + ["-f", script], capture_output=True, text=True)
    out = (r.stdout + r.stderr).strip().splitlines()
    print(p, "changes", len(changes), "rc", r.returncode)
    if r.returncode != 0:
        print("\n".join(out[-15:])); sys.exit(1)
