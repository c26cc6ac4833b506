import csv, glob, os, statistics, sys
out = os.environ.get('OUT', '/tmp/gaps-bench')
def ms(v):
    n, unit = v.replace(',', '').split()
    return float(n) * {'ns': 1e-6, 'us': 1e-3, 'μs': 1e-3, 'ms': 1, 's': 1000}[unit]
data = {}  # (side, method, file) -> [means]
ratio = {}  # (side, file) -> [convert/openxml ratio]
for side in ('base', 'branch'):
    for path in sorted(glob.glob(f'{out}/warm-{side}-*/results/*-report.csv')):
        rows = list(csv.reader(open(path)))
        head = rows[0]
        fi, mi, ri = head.index('File'), head.index('Mean'), head.index('Ratio')
        for row in rows[1:]:
            m = 'convert' if row[0].startswith("'convert") else 'openxml'
            data.setdefault((side, m, row[fi]), []).append(ms(row[mi]))
            if m == 'convert':
                ratio.setdefault((side, row[fi]), []).append(float(row[ri]))
files = ['sample', 'report-60-chapters', 'big-english', '5DayTourPlan', 'LIR007-ordinalText']
print('| file | rounds | Open XML read, base / branch (ms) | convert, base (ms) | convert, branch (ms) | branch ÷ base | convert ÷ read, base | convert ÷ read, branch |')
print('|---|---:|---:|---:|---:|---:|---:|---:|')
for f in files:
    b, n = data.get(('base', 'convert', f), []), data.get(('branch', 'convert', f), [])
    ob, on = data.get(('base', 'openxml', f), []), data.get(('branch', 'openxml', f), [])
    if not b or not n: continue
    mb, mn = statistics.median(b), statistics.median(n)
    print(f"| {f} | {len(b)}/{len(n)} | {statistics.median(ob):.1f} / {statistics.median(on):.1f} | {mb:.1f} | {mn:.1f} | {mn/mb:.2f} | {statistics.median(ratio[('base', f)]):.2f} | {statistics.median(ratio[('branch', f)]):.2f} |")
