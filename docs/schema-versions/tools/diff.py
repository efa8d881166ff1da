import json, sys, difflib
def load(p): return {t['table']: [c['name'] for c in t.get('columns', [])] for t in json.load(open(p))['tables']}
a, b = load(sys.argv[1]), load(sys.argv[2]); la, lb = sys.argv[3], sys.argv[4]
MOVE = {'services_public': ['routing_public', 'apps_public']}
added = [t for t in b if t not in a]; removed = [t for t in a if t not in b]
moved = []
for t in list(removed):
    s, n = t.split('.')
    for s2 in MOVE.get(s, []):
        if s2 + '.' + n in added: moved.append((t, s2 + '.' + n)); removed.remove(t); added.remove(s2 + '.' + n)
print(f'#### Tables {la} → {lb}\n')
print(f'- {len(a)} → {len(b)} tables.')
print(f'- Added ({len(added)}): ' + (', '.join('`%s`' % t for t in added) or 'none'))
print(f'- Removed ({len(removed)}): ' + (', '.join('`%s`' % t for t in removed) or 'none'))
if moved: print(f'- Moved to another schema ({len(moved)}): ' + ', '.join('`%s` → `%s`' % m for m in moved))
print(f'\n#### Columns of tables in both {la} and {lb}\n')
print('| table | added | removed | likely renames (removed → added) |\n| --- | --- | --- | --- |')
pairs = [(t, t) for t in a if t in b] + moved
for ta, tb in pairs:
    ca, cb = a[ta], b[tb]
    ad = [c for c in cb if c not in ca]; rm = [c for c in ca if c not in cb]
    if not ad and not rm: continue
    ren = []
    for r in list(rm):
        best = difflib.get_close_matches(r, ad, 1, 0.72)
        if best: ren.append(f'{r} → {best[0]}'); rm.remove(r); ad.remove(best[0])
    name = ta if ta == tb else f'{ta} → {tb}'
    print(f'| `{name}` | {", ".join(ad) or "—"} | {", ".join(rm) or "—"} | {"; ".join(ren) or "—"} |')
print()
