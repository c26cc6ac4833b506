#!/usr/bin/env bash
# Renders the first page of a release's PDF to PNG so a person can look at the typesetting.
#   bash scripts/pdf-preview.sh [file.docx | file.pdf] [output-dir]
# Default input: samples/iom-roundtable-2014.docx. A .docx goes through `presspipe convert` (the CLI);
# a .pdf is rendered as is. Needs pdftoppm (Debian: poppler-utils). Prints the PNG's path.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
input="${1:-$root/samples/iom-roundtable-2014.docx}"
out="${2:-$root/out/pdf-preview}"

if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "pdftoppm is not installed (apt-get install -y poppler-utils)." >&2
  exit 2
fi
if [ ! -f "$input" ]; then
  echo "No such file: $input (give a .docx or .pdf as the first argument)." >&2
  exit 2
fi

mkdir -p "$out"
name="$(basename "${input%.*}")"
case "$input" in
  *.pdf) pdf="$input" ;;
  *.docx)
    converted="$out/$name"
    rm -rf "$converted"
    dotnet run --project "$root/src/Cli" -c Release -- convert "$input" -o "$converted" >/dev/null
    pdf="$(find "$converted" -name release.pdf | head -n 1)"
    if [ -z "$pdf" ]; then
      echo "The conversion wrote no release.pdf under $converted." >&2
      exit 1
    fi
    ;;
  *) echo "Give a .docx or a .pdf." >&2; exit 2 ;;
esac

pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "$out/$name-page1"
echo "$out/$name-page1.png"
