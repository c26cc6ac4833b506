import sys, statistics, collections
t = collections.defaultdict(list); codes = collections.defaultdict(set)
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) != 4: continue
    t[(p[0], p[1])].append(int(p[2])); codes[(p[0], p[1])].add(p[3])
files = []
for (s, f) in t:
    if f not in files: files.append(f)
print('| file | runs | base (ms) | branch (ms) | branch ÷ base | exit codes |')
print('|---|---:|---:|---:|---:|---|')
for f in files:
    b, n = t[('base', f)], t[('branch', f)]
    mb, mn = statistics.median(b), statistics.median(n)
    print(f"| {f} | {len(b)} | {mb:,.0f} | {mn:,.0f} | {mn/mb:.2f} | base {','.join(sorted(codes[('base', f)]))}; branch {','.join(sorted(codes[('branch', f)]))} |")
