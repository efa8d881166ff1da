import re, json, glob, sys
types = {}; objtypes = set(); enums = set()
for f in glob.glob('/work/research/scratch/sdk/*.graphql'):
    src = open(f).read()
    src = re.sub(r'"""[\s\S]*?"""', '', src)
    for m in re.finditer(r'^type (\w+)(?: implements [\w &]+)? \{([\s\S]*?)^\}', src, re.M):
        objtypes.add(m.group(1))
        fields = {}
        body = re.sub(r'\([^)]*\)', '', m.group(2))
        for fm in re.finditer(r'^\s+(\w+): ([\[\]\w!]+)', body, re.M):
            fields[fm.group(1)] = fm.group(2)
        types.setdefault(m.group(1), {}).update(fields)
    for m in re.finditer(r'^enum (\w+)', src, re.M): enums.add(m.group(1))
def snake(s): return re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', s).lower()
def pascal(s): return ''.join(p[:1].upper() + p[1:] for p in s.split('_'))
def singular(w):
    for a, b in (('ies','y'),('sses','ss'),('uses','us'),('ses','s'),('xes','x'),('s','')):
        if w.endswith(a) and not w.endswith('ss'): return w[:-len(a)] + b
    return w
def gqlname(table):
    parts = table.split('_'); parts[-1] = singular(parts[-1])
    return pascal('_'.join(parts))
refs = json.load(open(sys.argv[1])); man = json.load(open(sys.argv[2]))
cols = {t['table']: [c['name'] for c in t.get('columns', [])] for t in man['tables']}
report = {}
for t in [x['table'] for x in man['tables']]:
    s, n = t.split('.')
    cands = [gqlname(n), pascal(n), 'I18NModule' if n == 'i18n_module' else None, pascal(s.split('_')[0]) + gqlname(n)]
    ty = next((c for c in cands if c and c in types), None)
    if not ty: report[t] = {'graphqlType': None}; continue
    g = {snake(k): v for k, v in types[ty].items() if v.strip('[]!') not in objtypes or v.strip('[]!') in ('JSON',)}
    g = {k: v for k, v in g.items() if not v.strip('[]!').endswith('Connection')}
    have = set(cols.get(t, []))
    report[t] = {'graphqlType': ty, 'onlyInGraphQL': sorted(set(g) - have), 'onlyInDeployed': sorted(have - set(g))}
json.dump(report, open(sys.argv[3], 'w'), indent=1)
bad = {k: v for k, v in report.items() if v.get('graphqlType') is None or v.get('onlyInGraphQL') or v.get('onlyInDeployed')}
print(len(report), 'tables;', len(bad), 'with differences')
for k, v in bad.items(): print(k, v)
