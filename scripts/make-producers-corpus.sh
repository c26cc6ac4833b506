#!/usr/bin/env bash
# Regenerates the producers' corpus: .docx files written by the tools press officers use, from the sources in
# tests/Conversion.Tests/Fixtures/Producers/sources/. Needs pandoc, LibreOffice (soffice), python3-docx (Debian)
# and node with `npm ci` run (for the pinned npm "docx"). The generated files are committed; run this after
# changing a source, then `git diff --stat` shows what changed. Output is not byte-stable (tools stamp dates).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
corpus="$root/tests/Conversion.Tests/Fixtures/Producers"
src="$corpus/sources"
fixtures="$root/tests/Conversion.Tests/Fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python=/usr/bin/python3   # Debian's python, where python3-docx lives (a pyenv shim may shadow it)
soffice=(soffice -env:UserInstallation="file://$work/lo-profile" --headless)

mkdir -p "$corpus"/{pandoc,libreoffice,docxjs,python-docx,hand-made}

# pandoc: Markdown → .docx (tables with header rows, footnotes, nested lists, an image, links), and → .odt.
for lang in en ru kk; do
  case "$lang" in en) tag=en-GB ;; ru) tag=ru-RU ;; kk) tag=kk-KZ ;; esac
  (cd "$src" && pandoc "release-$lang.md" -M lang="$tag" -o "$corpus/pandoc/release-$lang.docx")
  (cd "$src" && pandoc "release-$lang.md" -M lang="$tag" -o "$work/release-$lang.odt")
done

# pandoc: a release that leaves warnings in a body paragraph, a table cell and a footnote (their locations are tested).
(cd "$src" && pandoc warnings-en.md -M lang=en-GB -o "$corpus/pandoc/warnings-en.docx")

# docx (npm): a small node script.
node "$src/make-docxjs.mjs" "$src/logo.png" "$corpus/docxjs/release-en.docx"

# python-docx.
"$python" "$src/make-python-docx.py" "$src/logo.png" "$corpus/python-docx/release-en.docx"

# python-docx: the releases whose renderer warnings and header/footer warnings are located (make-places.py says which).
"$python" "$src/make-places.py" "$src/logo.png" "$corpus/python-docx"

# LibreOffice: from the .odt files pandoc made, and round trips of existing fixtures and samples.
for lang in en ru; do
  "${soffice[@]}" --convert-to docx --outdir "$work/lo-odt" "$work/release-$lang.odt" >/dev/null
  cp "$work/lo-odt/release-$lang.docx" "$corpus/libreoffice/release-$lang-from-odt.docx"
done
for f in "$root/samples/iom-roundtable-2014.docx" "$root/samples/mom-kruglyi-stol-2014-ru.docx" \
  "$fixtures/mammoth/tables.docx" "$fixtures/mammoth/footnotes.docx" "$fixtures/python-docx/having-images.docx" \
  "$fixtures/clippit/HC029-Table-Merged-Cells.docx" "$fixtures/clippit/HC014-RTL-Table-01.docx" \
  "$corpus/docxjs/release-en.docx" "$corpus/python-docx/places-en.docx"; do
  [ -f "$f" ] || continue
  name="$(basename "$(dirname "$f")")-$(basename "$f" .docx)"
  mkdir -p "$work/lo-$name"
  cp "$f" "$work/lo-$name/in.docx"
  # A .docx → .docx conversion needs a distinct output folder; LibreOffice rewrites every part.
  "${soffice[@]}" --convert-to docx:"MS Word 2007 XML" --outdir "$work/lo-$name/out" "$work/lo-$name/in.docx" >/dev/null
  cp "$work/lo-$name/out/in.docx" "$corpus/libreoffice/roundtrip-$name.docx"
done

# Hand-made: every attribute spelling, unknown values, a damaged styles part, Strict namespaces.
"$python" "$src/make-hand-made.py" "$corpus/hand-made"

ls -l "$corpus"/*/*.docx
