#!/usr/bin/env python3
"""references-<version>.json: what the manifest format has no place for -- scope key per table, primary keys,
unique constraints, column defaults, foreign keys among meta tables, uuid[] id-list columns."""
import json, re, sys
S = '/work/research/scratch/'
version, manifest_path, refs_path, out_path = sys.argv[1:5]
gql = len(sys.argv) > 5 and sys.argv[5] == '--graphql'
man = json.load(open(manifest_path)); refs = json.load(open(refs_path))
listed = [t['table'] for t in man['tables']]
cols = {t['table']: [c['name'] for c in t['columns']] if 'columns' in t else None for t in man['tables']}
rt = {t['table']: t for t in refs['tables']}
UUIDARR = {'field_ids': ('metaschema_public.field', 'id', 'certain: column comments / FK twin columns name field ids'),
           'include_field_ids': ('metaschema_public.field', 'id', 'by name (INCLUDE columns of the index)'),
           'ref_field_ids': ('metaschema_public.field', 'id', 'by name (referenced fields of the FK, in ref_table_id)'),
           'delete_set_field_ids': ('metaschema_public.field', 'id', 'by name (ON DELETE SET NULL/DEFAULT column list)'),
           'out_fields': ('metaschema_public.field', 'id', 'column comment: "UUIDs of the metaschema fields created on the target table"'),
           'set_ids': ('metaschema_public.field', 'id', 'unverified guess: field ids in table_id (no SQL consumer in the package)'),
           'ref_ids': ('metaschema_public.field', 'id', 'unverified guess: field ids in ref_table_id (no SQL consumer in the package)')}
out = {'version': version,
       'scopeRule': None, 'tables': [], 'foreignKeys': [], 'uuidArrayColumns': [], 'metaTablesNotExported': refs.get('unexportedMetaTables', [])}
types, objtypes, type2table = {}, set(), {}
if gql:
    for f in ('api.graphql', 'modules.graphql'):
        src = re.sub(r'"""[\s\S]*?"""', '', open(S + 'sdk/' + f).read())
        for m in re.finditer(r'^type (\w+)(?: implements [\w &]+)? \{([\s\S]*?)^\}', src, re.M):
            objtypes.add(m.group(1))
            body = re.sub(r'\([^)]*\)', '', m.group(2))
            types.setdefault(m.group(1), {}).update({fm.group(1): fm.group(2) for fm in re.finditer(r'^\s+(\w+): ([\[\]\w!]+)', body, re.M)})
    prov = json.load(open(S + 'column-provenance-current.json'))
    type2table = {v['graphqlType']: k for k, v in prov.items() if v.get('graphqlType')}
def snake(s): return re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', re.sub(r'([A-Z]+)([A-Z][a-z])', r'\1_\2', s)).lower()
for t in listed:
    c = cols[t] or []
    r = rt.get(t, {})
    scope = 'id' if t == 'metaschema_public.database' else 'database_id' if 'database_id' in c else 'domain_id' if 'domain_id' in c else None
    e = {'table': t, 'scopeKey': scope}
    if scope == 'domain_id': e['scopePath'] = 'domain_id -> routing_public.domains.id, whose database_id is the database'
    if r:
        e['primaryKey'] = r['primaryKey']
        e['uniqueConstraints'] = r['uniqueConstraints']
        e['defaults'] = {k: v for k, v in r['defaults'].items() if k in c}
    else:
        e['source'] = 'graphql only: no primary key, constraint or default information' if cols[t] else 'no column information'
    out['tables'].append(e)
    for name in c:
        if name.endswith('ids') or name in UUIDARR:
            mcol = next((x for x in man['tables'] if x['table'] == t))['columns']
            ty = next(x['type'] for x in mcol if x['name'] == name)
            if ty == 'uuid[]':
                ref = UUIDARR.get(name)
                out['uuidArrayColumns'].append({'table': t, 'column': name, 'references': (ref[0] + '.' + ref[1]) if ref else None, 'basis': ref[2] if ref else 'unknown'})
for f in refs['foreignKeys']:
    if f['from'] in cols and f['to'] in cols and cols[f['from']] is not None and all(x in cols[f['from']] for x in f['fromColumns']):
        out['foreignKeys'].append({'from': f['from'], 'fromColumns': f['fromColumns'], 'to': f['to'], 'toColumns': f['toColumns'], 'onDelete': f['onDelete'], 'constraint': f['name'], 'source': 'catalog of the deployed packages'})
if gql:
    have = {(f['from'], tuple(f['fromColumns'])) for f in out['foreignKeys']}
    for t in listed:
        ty = next((v['graphqlType'] for k, v in prov.items() if k == t and v.get('graphqlType')), None)
        if not ty or cols[t] is None: continue
        for fld, ftype in types[ty].items():
            base = ftype.strip('[]!')
            col = snake(fld) + '_id'
            if base in objtypes and not ftype.startswith('[') and col in cols[t] and (t, (col,)) not in have and base in type2table:
                out['foreignKeys'].append({'from': t, 'fromColumns': [col], 'to': type2table[base], 'toColumns': ['id'], 'onDelete': None, 'constraint': None,
                                           'source': 'inferred from the meta API relation field %s.%s: %s' % (ty, fld, base)})
RANK = ['metaschema_public', 'services_public', 'metaschema_modules_public']
def rk(t): s = t.split('.')[0]; return (RANK.index(s) if s in RANK else len(RANK), s.encode(), t.split('.')[1].encode())
deps = {t: set() for t in listed}
for f in out['foreignKeys']:
    if f['from'] != f['to']: deps[f['from']].add(f['to'])
topo, done, remaining = [], set(), sorted(listed, key=rk)
while remaining:
    nxt = next((t for t in remaining if deps[t] <= done), None)
    if nxt is None: raise SystemExit('cycle: %s' % remaining)
    remaining.remove(nxt); done.add(nxt); topo.append(nxt)
if len(sys.argv) > 6: json.dump(topo, open(sys.argv[6], 'w'))
order = {t: i for i, t in enumerate(listed)}
bad = [f for f in out['foreignKeys'] if f['from'] != f['to'] and order[f['to']] > order[f['from']]]
out['orderCheck'] = 'every foreign key points to an earlier table' if not bad else ['%s -> %s' % (f['from'], f['to']) for f in bad]
json.dump(out, open(out_path, 'w'), indent=2); open(out_path, 'a').write('\n')
print(len(out['tables']), 'tables', len(out['foreignKeys']), 'fks', len(out['uuidArrayColumns']), 'uuid[]', 'order:', out['orderCheck'] if not bad else bad[:5])
