#!/usr/bin/env python3
"""Build manifest-current.json: upstream's 145-table list and order (pgpm/export/src/meta-export-tables.json at
constructive f2889634); columns from the real deploy (mcur) where the table exists there; for metaschema_public /
metaschema_modules_public the column set is aligned to upstream's generated meta API (sdk/constructive-sdk/schemas/
{api,modules}.graphql at the same commit); tables absent from every deployable source get GraphQL-derived columns."""
import json, re, sys
S = '/work/research/scratch/'
up = json.load(open(S + 'upstream-meta-export-tables.json'))
order = [t['schema'] + '.' + t['table'] for t in up['tables']]
import os
if len(sys.argv) > 4 and os.path.exists(sys.argv[4]): order = json.load(open(sys.argv[4]))
tsdef = up['timestampDefaultColumns']
prelim = {t['table']: t for t in json.load(open(S + 'manifest-cur-prelim.json'))['tables']}
enums_prelim = json.load(open(S + 'manifest-cur-prelim.json')).get('enums', {})
# --- GraphQL (api.graphql + modules.graphql), per type: field -> type string, in file order
types, objtypes, gqlenums = {}, set(), {}
for f in ('api.graphql', 'modules.graphql'):
    src = re.sub(r'"""[\s\S]*?"""', '', open(S + 'sdk/' + f).read())
    src = re.sub(r'"[^"\n]*"\n', '\n', src)
    for m in re.finditer(r'^type (\w+)(?: implements [\w &]+)? \{([\s\S]*?)^\}', src, re.M):
        objtypes.add(m.group(1))
        body = re.sub(r'\([^)]*\)', '', m.group(2))
        types.setdefault(m.group(1), {}).update({fm.group(1): fm.group(2) for fm in re.finditer(r'^\s+(\w+): ([\[\]\w!]+)', body, re.M)})
    for m in re.finditer(r'^enum (\w+) \{([\s\S]*?)^\}', src, re.M):
        gqlenums[m.group(1)] = re.findall(r'^\s+(\w+)\s*$', m.group(2), re.M)
def snake(s): return re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', re.sub(r'([A-Z]+)([A-Z][a-z])', r'\1_\2', s)).lower()
def pascal(s): return ''.join(p[:1].upper() + p[1:] for p in s.split('_'))
def singular(w):
    if w.endswith('metadata'): return w[:-1] + 'um'
    for a, b in (('ies', 'y'), ('sses', 'ss'), ('ses', 's'), ('xes', 'x'), ('s', '')):
        if w.endswith(a) and not w.endswith('ss'): return w[:-len(a)] + b
    return w
def gql_type(table):
    s, n = table.split('.')
    if s == 'catalog_private': return None          # not exposed by the meta API (bare-name collisions)
    if n == 'i18n_module': return 'I18NModule'
    parts = n.split('_'); parts[-1] = singular(parts[-1])
    for c in (pascal('_'.join(parts)), pascal(n)):
        if c in types: return c
    return None
SCALAR = {'UUID': ('uuid', 'uuid'), 'String': ('text', 'text'), 'Boolean': ('boolean', 'boolean'), 'Int': ('integer', 'integer'),
          'BigInt': ('bigint', 'integer'), 'JSON': ('jsonb', 'jsonb'), 'Datetime': ('timestamp with time zone', 'timestamptz'),
          'BigFloat': ('numeric', 'numeric'), 'Float': ('double precision', 'float'), 'Interval': ('interval', 'interval'),
          'Date': ('date', 'date'), 'ConstructiveInternalTypeImage': ('jsonb', 'jsonb'), 'ConstructiveInternalTypeEmail': ('text', 'text'),
          'ConstructiveInternalTypeOrigin': ('text', 'text'), 'Upload': ('jsonb', 'jsonb'), 'InternetAddress': ('inet', 'text')}
def gql_columns(ty):
    out = []
    for f, t in types[ty].items():
        base = t.strip('[]!')
        if base in objtypes or base.endswith('Connection'): continue
        col = snake(f).replace('i18_n', 'i18n')
        arr = t.startswith('[')
        nn = t.endswith('!')
        if base in SCALAR: pg, kind = SCALAR[base]
        elif base in gqlenums: pg, kind = 'text', 'text'   # enum: real type unknown, see notes
        else: pg, kind = 'text', 'text'
        if arr: pg, kind = pg + '[]', 'array'
        out.append({'name': col, 'type': pg, 'kind': kind, 'notNull': nn, 'gql': t})
    return out
report, tables_out, enums_used = {}, [], {}
from collections import Counter as _C
_seen = {}
for _t in prelim.values():
    if _t['table'].split('.')[0] not in ('metaschema_public', 'metaschema_modules_public'): continue
    for _c in _t['columns']: _seen.setdefault(_c['name'], _C())[(_c['type'], _c['kind'], _c.get('enum'))] += 1
GQL_ENUM = {'ObjectCategory': ('metaschema_public.object_category', 'metaschema_public.object_category')}
def refine(c):
    base = c['gql'].strip('[]!')
    if base in GQL_ENUM:
        c['type'], c['enum'] = GQL_ENUM[base]; c['kind'] = 'enum'
        if c['gql'].startswith('['): c['type'] += '[]'; c['kind'] = 'array'
        c['refined'] = 'graphql enum'; return c
    if c['name'] in _seen:
        (ty, kind, en), n = _seen[c['name']].most_common(1)[0]
        if ty.rstrip('[]') in ('citext', 'text', 'character varying') and c['type'].rstrip('[]') == 'text' and ty.endswith('[]') == c['type'].endswith('[]') or ty == c['type']:
            c['type'], c['kind'] = ty, kind
            if en: c['enum'] = en
            c['refined'] = 'same-named deployed column'
    return c
# declaration order (and exact types) read from constructive-db table.sql files found in the index (see SOURCES.md)
sys.path.insert(0, S + 'bin'); from order_hints import ORDER
for t in order:
    ty = gql_type(t)
    g = gql_columns(ty) if ty else None
    if t in prelim:
        cols = [dict(c) for c in prelim[t]['columns']]
        src = 'deploy'
        if g is not None and t.split('.')[0] in ('metaschema_public', 'metaschema_modules_public', 'routing_public', 'apps_public'):
            gn = {c['name']: c for c in g}
            removed = [c['name'] for c in cols if c['name'] not in gn and c['name'] not in ('created_at', 'updated_at')]
            cols = [c for c in cols if c['name'] not in removed]
            have = {c['name'] for c in cols}
            added = [refine(c) for c in g if c['name'] not in have]
            for c in added: cols.append({k: c[k] for k in ('name', 'type', 'kind', 'notNull', 'enum') if k in c})
            src = 'deploy+graphql' if (removed or added) else 'deploy'
            report[t] = {'source': src, 'graphqlType': ty, 'removedStaleColumns': removed, 'addedFromGraphQL': [c['name'] + ': ' + c['gql'] + ' -> ' + c['type'] for c in added]}
        else:
            report[t] = {'source': src, 'graphqlType': ty,
                         'graphqlOnly': sorted({c['name'] for c in g} - {c['name'] for c in cols}) if g else None,
                         'deployOnly': sorted({c['name'] for c in cols} - {c['name'] for c in g}) if g else None}
    elif g is not None:
        first = [c for c in g if c['name'] in ('id', 'database_id', 'domain_id')]
        first.sort(key=lambda c: ('id', 'database_id', 'domain_id').index(c['name']))
        rest = [c for c in g if c not in first]
        seq = [refine(c) for c in first + rest]
        ordered_by = 'graphql (alphabetical after id/database_id)'
        if t in ORDER:
            pos = {n: i for i, n in enumerate(ORDER[t].split())}
            seq.sort(key=lambda c: pos.get(c['name'], len(pos)))
            ordered_by = 'declaration order from constructive-db files in the index; columns not in those files appended alphabetically'
            report_extra = {'appendedNotInFile': [c['name'] for c in seq if c['name'] not in pos],
                            'inFileNotInGraphQL': [n for n in pos if n not in {c['name'] for c in seq}]}
        else: report_extra = {}
        cols = [{k: c[k] for k in ('name', 'type', 'kind', 'notNull', 'enum') if k in c} for c in seq]
        report[t] = {'source': 'graphql', 'graphqlType': ty, 'order': ordered_by,
                     'typeRefined': {c['name']: c['refined'] for c in seq if c.get('refined')}, **report_extra}
    else:
        cols = None
        report[t] = {'source': 'none'}
    entry = {'table': t}
    if t == 'metaschema_public.field': entry['onConflictDoNothing'] = True
    drop = [c for c in tsdef.get(t, []) if cols is None or any(x['name'] == c for x in cols)]
    if t in ('routing_public.apis', 'routing_public.sites') and cols and any(c['name'] == 'dbname' for c in cols): drop = ['dbname'] + drop
    if t in prelim and prelim[t].get('dropColumns'):
        for d in prelim[t]['dropColumns']:
            if d not in drop and cols and any(c['name'] == d for c in cols): drop.append(d)
    if drop: entry['dropColumns'] = drop
    if cols is not None:
        entry['columns'] = cols
        for c in cols:
            if c.get('enum'): enums_used[c['enum']] = enums_prelim.get(c['enum']) or json.load(open(S + 'manifest-0.26-check.json'))['enums'][c['enum']]
    tables_out.append(entry)
def jq(s): return json.dumps(s, ensure_ascii=False)
version = sys.argv[1]
out = ['{', '  "version": %s,' % jq(version), '  "tables": [']
for i, e in enumerate(tables_out):
    line = '    { "table": %s' % jq(e['table'])
    if e.get('onConflictDoNothing'): line += ', "onConflictDoNothing": true'
    if e.get('dropColumns'): line += ', "dropColumns": [' + ', '.join(jq(x) for x in e['dropColumns']) + ']'
    if 'columns' not in e:
        out.append(line + ' }' + (',' if i < len(tables_out) - 1 else '')); continue
    out.append(line + ', "columns": [')
    for j, c in enumerate(e['columns']):
        s = '      { "name": %s, "type": %s, "kind": "%s"' % (jq(c['name']), jq(c['type']), c['kind'])
        if c.get('notNull'): s += ', "notNull": true'
        if c.get('enum'): s += ', "enum": %s' % jq(c['enum'])
        out.append(s + ' }' + (',' if j < len(e['columns']) - 1 else ''))
    out.append('    ] }' + (',' if i < len(tables_out) - 1 else ''))
out.append('  ]' + (',' if enums_used else ''))
if enums_used:
    out.append('  "enums": {')
    ks = sorted(enums_used, key=lambda k: k.encode())
    for i, k in enumerate(ks): out.append('    %s: [%s]' % (jq(k), ', '.join(jq(l) for l in enums_used[k])) + (',' if i < len(ks) - 1 else ''))
    out.append('  }')
out.append('}')
open(sys.argv[2], 'w').write('\n'.join(out) + '\n')
json.dump(report, open(sys.argv[3], 'w'), indent=1)
from collections import Counter
print(Counter(r['source'] for r in report.values()))
