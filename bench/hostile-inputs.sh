#!/usr/bin/env bash
# Builds the worst hostile inputs we know of and times `presspipe convert` on each with /usr/bin/time -v,
# printing the median wall time and median peak resident memory of N runs (docs/robustness.md):
#   huge-png.docx      the sample with its picture replaced by a 20000×20000 1-bit PNG (about 30 KB)
#   deep-nesting.docx  the sample with 20,002 nested elements, each hiding a "/>" in an attribute value
#   photos-20mb.docx   30 distinct 4000×3000 JPEG photos, about 20 MB (python-docx)
#
#   bash bench/hostile-inputs.sh            # 5 runs each of `dotnet presspipe.dll` (Release build)
#   PRESSPIPE=/tmp/pp/presspipe bash bench/hostile-inputs.sh   # a published Native AOT build
#   RUNS=11 KEEP=/tmp/hostile bash bench/hostile-inputs.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
# KEEP=/some/dir keeps the generated files there (to look at them, or to convert them by hand).
if [ -n "${KEEP:-}" ]; then
  work="$KEEP"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi

# PRESSPIPE=/path/to/presspipe times a published build (scripts/publish-cli.sh, Native AOT, as the benchmarks do);
# without it, the Release build run as `dotnet presspipe.dll` (which adds about a second of JIT start-up per run).
if [ -n "${PRESSPIPE:-}" ]; then
  run=("$PRESSPIPE")
else
  dotnet build "$root/src/Cli/PressPipeline.Cli.csproj" -c Release --nologo -v q >/dev/null
  run=(dotnet "$(find "$root/src/Cli/bin/Release" -name presspipe.dll | head -n 1)")
fi

for i in $(seq 1 30); do
  [ -f "$work/photo$i.jpg" ] && continue
  convert -size 4000x3000 gradient:"hsl($((i * 12)),80%,50%)"-white -seed "$i" -attenuate 0.4 +noise Gaussian -quality 60 "$work/photo$i.jpg"
done

/usr/bin/python3 - "$root/samples/iom-roundtable-2014.docx" "$work" <<'PY'
import struct, sys, zipfile, zlib
sample, work = sys.argv[1], sys.argv[2]

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

def one_bit_png(width, height):
    row = b"\0" + b"\0" * ((width + 7) // 8)
    z = zlib.compressobj(9)
    idat = b"".join(z.compress(row) for _ in range(height)) + z.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))

def rewrite(target, change):
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item.filename, change(item.filename, src.read(item.filename)))

png = one_bit_png(20000, 20000)
rewrite(f"{work}/huge-png.docx", lambda name, data: png if name == "media/image.png" else data)

depth = 20002 // 2
nested = ('<w:sdt w:x="/>"><w:sdtContent w:x="/>">' * depth) + "<w:p/>" + ("</w:sdtContent></w:sdt>" * depth)
rewrite(f"{work}/deep-nesting.docx",
        lambda name, data: data.replace(b"<w:body>", b"<w:body>" + nested.encode(), 1) if name == "word/document.xml" else data)

import docx
from docx.shared import Cm
document = docx.Document()
document.add_paragraph("FOR IMMEDIATE RELEASE")
document.add_heading("Thirty photographs from the field", level=1)
for i in range(1, 31):
    document.add_paragraph(f"Photograph {i} of the visit.")
    document.add_picture(f"{work}/photo{i}.jpg", width=Cm(15))
document.add_paragraph("###")
document.save(f"{work}/photos-20mb.docx")
PY

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
printf '%-20s %8s %12s %14s %s\n' file size "median s" "median peak MB" "exit codes"
for file in huge-png deep-nesting photos-20mb; do
  times=(); peaks=(); codes=()
  for _ in $(seq 1 "$runs"); do
    set +e
    /usr/bin/time -v "${run[@]}" convert "$work/$file.docx" --output "$work/out-$file" >/dev/null 2>"$work/time.txt"
    codes+=("$?")
    set -e
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")")
    peaks+=("$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")")
  done
  size="$(du -k "$work/$file.docx" | cut -f1)K"
  printf '%-20s %8s %12s %14s %s\n' "$file" "$size" "$(printf '%s\n' "${times[@]}" | median)" \
    "$(printf '%s\n' "${peaks[@]}" | median)" "${codes[*]}"
done
