#!/usr/bin/env python3
"""Read a deployed meta schema's catalog and write (1) a manifest in Pgpm.Export's JSON format, reproducing
SqlExportSource.DeriveManifestAsync + ManifestBuilder + ExportManifest.ToJson, and (2) a references file (FKs, PKs,
defaults, uuid[] columns, scope key) for facts the manifest format has no place for.
usage: extract.py DB VERSION MANIFEST_OUT REFS_OUT SCHEMA[,SCHEMA...] [--tables FILE(json list of schema.table)] [--scope-domain]"""
import sys, json, subprocess, re, argparse
ap = argparse.ArgumentParser()
ap.add_argument("db"); ap.add_argument("version"); ap.add_argument("manifest"); ap.add_argument("refs"); ap.add_argument("schemas")
ap.add_argument("--tables"); ap.add_argument("--rank")
a = ap.parse_args()
schemas = a.schemas.split(",")
rank = a.rank.split(",") if a.rank else ["metaschema_public", "services_public", "metaschema_modules_public"]
PSQL = ["psql", "-h", "/work/research/scratch/sock", "-p", "55439", "-U", "postgres", "-d", a.db, "-At", "-v", "ON_ERROR_STOP=1"]
def q(sql):
    r = subprocess.run(PSQL + ["-c", sql], capture_output=True, text=True, check=True)
    return json.loads(r.stdout) if r.stdout.strip() else None
arr = "ARRAY[%s]::text[]" % ",".join("'%s'" % s for s in schemas)
cols = q(f"""
WITH RECURSIVE resolved AS (
  SELECT a.attrelid, a.attnum, a.atttypid AS typid FROM pg_attribute a JOIN pg_class c ON c.oid=a.attrelid
  JOIN pg_namespace n ON n.oid=c.relnamespace WHERE n.nspname = ANY({arr}) AND c.relkind IN ('r','p') AND a.attnum>0 AND NOT a.attisdropped
  UNION ALL SELECT r.attrelid, r.attnum, t.typbasetype FROM resolved r JOIN pg_type t ON t.oid=r.typid WHERE t.typtype='d'),
enumres AS (
  SELECT a.attrelid, a.attnum, a.atttypid AS typid FROM pg_attribute a JOIN pg_class c ON c.oid=a.attrelid
  JOIN pg_namespace n ON n.oid=c.relnamespace WHERE n.nspname = ANY({arr}) AND c.relkind IN ('r','p') AND a.attnum>0 AND NOT a.attisdropped
  UNION ALL SELECT r.attrelid, r.attnum, CASE WHEN t.typtype='d' THEN t.typbasetype ELSE t.typelem END FROM enumres r JOIN pg_type t ON t.oid=r.typid
  WHERE t.typtype='d' OR (t.typcategory='A' AND t.typelem<>0)),
keys AS (SELECT i.indrelid, k.attnum, k.ord FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum,ord) WHERE i.indisprimary)
SELECT coalesce(json_agg(x ORDER BY x.schema, x.tbl, x.attnum), '[]') FROM (
 SELECT n.nspname AS schema, c.relname AS tbl, a.attnum, a.attname AS name, format_type(a.atttypid,a.atttypmod) AS type,
  a.attnotnull AS notnull, CASE WHEN a.attgenerated='' THEN pg_get_expr(d.adbin,d.adrelid) END AS "default",
  CASE WHEN a.attgenerated<>'' THEN pg_get_expr(d.adbin,d.adrelid) END AS generated,
  bt.typcategory AS cat, bt.typname AS typname, k.ord AS pk,
  (SELECT format('%I.%I', tn.nspname, t.typname) FROM enumres e JOIN pg_type t ON t.oid=e.typid AND t.typtype='e' JOIN pg_namespace tn ON tn.oid=t.typnamespace
     WHERE e.attrelid=a.attrelid AND e.attnum=a.attnum LIMIT 1) AS enum,
  (SELECT array_agg(e2.enumlabel::text ORDER BY e2.enumsortorder) FROM enumres e JOIN pg_type t ON t.oid=e.typid AND t.typtype='e' JOIN pg_enum e2 ON e2.enumtypid=t.oid
     WHERE e.attrelid=a.attrelid AND e.attnum=a.attnum) AS labels
 FROM pg_attribute a JOIN pg_class c ON c.oid=a.attrelid JOIN pg_namespace n ON n.oid=c.relnamespace
 JOIN resolved r ON r.attrelid=a.attrelid AND r.attnum=a.attnum JOIN pg_type bt ON bt.oid=r.typid AND bt.typtype<>'d'
 LEFT JOIN pg_attrdef d ON d.adrelid=a.attrelid AND d.adnum=a.attnum LEFT JOIN keys k ON k.indrelid=a.attrelid AND k.attnum=a.attnum
 WHERE n.nspname = ANY({arr}) AND c.relkind IN ('r','p') AND a.attnum>0 AND NOT a.attisdropped) x""")
fks = q(f"""SELECT coalesce(json_agg(x ORDER BY x.from_schema, x.from_table, x.name),'[]') FROM (
 SELECT k.conname AS name, sn.nspname AS from_schema, sc.relname AS from_table,
  (SELECT array_agg(a.attname ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(n,ord) JOIN pg_attribute a ON a.attrelid=k.conrelid AND a.attnum=u.n) AS from_columns,
  tn.nspname AS to_schema, tc.relname AS to_table,
  (SELECT array_agg(a.attname ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY u(n,ord) JOIN pg_attribute a ON a.attrelid=k.confrelid AND a.attnum=u.n) AS to_columns,
  k.confdeltype AS on_delete
 FROM pg_constraint k JOIN pg_class sc ON sc.oid=k.conrelid JOIN pg_namespace sn ON sn.oid=sc.relnamespace
 JOIN pg_class tc ON tc.oid=k.confrelid JOIN pg_namespace tn ON tn.oid=tc.relnamespace
 WHERE k.contype='f' AND sn.nspname = ANY({arr})) x""")
uniq = q(f"""SELECT coalesce(json_agg(x ORDER BY x.schema, x.tbl, x.name),'[]') FROM (
 SELECT n.nspname AS schema, c.relname AS tbl, k.conname AS name, k.contype AS type,
  (SELECT array_agg(a.attname ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(n,ord) JOIN pg_attribute a ON a.attrelid=k.conrelid AND a.attnum=u.n) AS columns
 FROM pg_constraint k JOIN pg_class c ON c.oid=k.conrelid JOIN pg_namespace n ON n.oid=c.relnamespace
 WHERE k.contype IN ('u') AND n.nspname = ANY({arr})) x""")
kinds = {"A":"array","B":"boolean","E":"enum","T":"interval"}
def kind(cat, typ):
    if cat in kinds: return kinds[cat]
    if cat == "N": return "integer" if typ in ("int2","int4","int8","oid") else "float" if typ in ("float4","float8") else "numeric"
    if cat == "D": return {"timestamptz":"timestamptz","timestamp":"timestamp","date":"date"}.get(typ, "text")
    return {"uuid":"uuid","json":"json","jsonb":"jsonb","bytea":"bytea"}.get(typ, "text")
NOW = re.compile(r"^\(?(?:now\(\)|CURRENT_TIMESTAMP(?:\(\d+\))?|clock_timestamp\(\))(?: \+ '[^']*'::interval)?\)?$")
tables = {}
for c in cols:
    tables.setdefault((c["schema"], c["tbl"]), []).append(c)
# table selection: SqlCatalogQueries.DatabaseTables, or an explicit list
if a.tables:
    wanted = [tuple(t.split(".", 1)) for t in json.load(open(a.tables))]
    missing = [w for w in wanted if w not in tables]
    if missing: print("WARNING: listed but not deployed:", missing, file=sys.stderr)
    sel = [w for w in wanted if w in tables]
else:
    sel = [t for t, cs in tables.items() if any(c["name"] == "database_id" for c in cs) or t == ("metaschema_public", "database")]
selset = set(sel)
def rk(s): return rank.index(s) if s in rank else len(rank)
deps = {t: set() for t in sel}
for f in fks:
    fr, to = (f["from_schema"], f["from_table"]), (f["to_schema"], f["to_table"])
    if fr != to and fr in selset and to in selset: deps[fr].add(to)
order, done = [], set()
remaining = sorted(sel, key=lambda t: (rk(t[0]), t[0].encode(), t[1].encode()))
while remaining:
    nxt = next((t for t in remaining if deps[t] <= done), None)
    if nxt is None: raise SystemExit("FK cycle among " + str(remaining))
    remaining.remove(nxt); done.add(nxt); order.append(nxt)
def drops(t, cs):
    return [c["name"] for c in cs if (c["name"] == "dbname" and t[1] in ("apis", "sites") and t[0] in ("services_public", "routing_public"))
            or (kind(c["cat"], c["typname"]) == "timestamptz" and c["default"] is not None and NOW.match(c["default"]))]
def jq(s): return json.dumps(s, ensure_ascii=False)
out = ["{"]
out.append('  "version": %s,' % jq(a.version))
out.append('  "tables": [')
enums = {}
for i, t in enumerate(order):
    cs = tables[t]
    line = '    { "table": %s' % jq(t[0] + "." + t[1])
    if t == ("metaschema_public", "field"): line += ', "onConflictDoNothing": true'
    d = drops(t, cs)
    if d: line += ', "dropColumns": [' + ", ".join(jq(x) for x in d) + "]"
    line += ', "columns": ['
    out.append(line)
    for j, c in enumerate(cs):
        s = '      { "name": %s, "type": %s, "kind": "%s"' % (jq(c["name"]), jq(c["type"]), kind(c["cat"], c["typname"]))
        if c["notnull"]: s += ', "notNull": true'
        if c["enum"]: s += ', "enum": %s' % jq(c["enum"]); enums[c["enum"]] = c["labels"]
        out.append(s + " }" + ("," if j < len(cs) - 1 else ""))
    out.append("    ] }" + ("," if i < len(order) - 1 else ""))
out.append("  ]" + ("," if enums else ""))
if enums:
    out.append('  "enums": {')
    ks = sorted(enums, key=lambda k: k.encode())
    for i, k in enumerate(ks):
        out.append('    %s: [%s]' % (jq(k), ", ".join(jq(l) for l in enums[k])) + ("," if i < len(ks) - 1 else ""))
    out.append("  }")
out.append("}")
open(a.manifest, "w").write("\n".join(out) + "\n")
# references
deltype = {"a": "no action", "r": "restrict", "c": "cascade", "n": "set null", "d": "set default"}
meta = set(tables)
refs = {"version": a.version, "schemas": schemas,
        "tables": [], "foreignKeys": [], "uuidArrayColumns": [], "unexportedMetaTables": sorted(".".join(t) for t in meta - selset)}
for t in order:
    cs = tables[t]
    names = [c["name"] for c in cs]
    scope = "id" if t == ("metaschema_public", "database") else "database_id" if "database_id" in names else "domain_id" if "domain_id" in names else None
    refs["tables"].append({"table": ".".join(t), "scopeKey": scope,
        "primaryKey": [c["name"] for c in sorted([c for c in cs if c["pk"]], key=lambda c: c["pk"])],
        "uniqueConstraints": [{"name": u["name"], "columns": u["columns"]} for u in uniq if (u["schema"], u["tbl"]) == t],
        "defaults": {c["name"]: c["default"] for c in cs if c["default"] is not None},
        "generated": {c["name"]: c["generated"] for c in cs if c["generated"] is not None}})
for f in fks:
    fr, to = (f["from_schema"], f["from_table"]), (f["to_schema"], f["to_table"])
    if fr in meta and to in meta:
        refs["foreignKeys"].append({"name": f["name"], "from": ".".join(fr), "fromColumns": f["from_columns"], "to": ".".join(to), "toColumns": f["to_columns"],
                                    "onDelete": deltype.get(f["on_delete"], f["on_delete"]), "bothExported": fr in selset and to in selset})
for t in order:
    for c in tables[t]:
        if c["type"] == "uuid[]": refs["uuidArrayColumns"].append({"table": ".".join(t), "column": c["name"], "references": None})
json.dump(refs, open(a.refs, "w"), indent=2); open(a.refs, "a").write("\n")
print(len(order), "tables;", sum(len(tables[t]) for t in order), "columns;", len(refs["foreignKeys"]), "fks")
