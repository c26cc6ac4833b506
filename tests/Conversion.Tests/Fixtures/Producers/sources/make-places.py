"""Writes the releases whose warnings' places are tested (Docx/RendererWarningPlaceTests.cs), with python-docx:
- places-en.docx: an office address in the page header (not in the body: warned) above a "FOR IMMEDIATE RELEASE"
  the body repeats (not warned), "Page N of M" fields in the footer (not warned), a picture whose file is cut in
  half (the PDF cannot draw it), and Chinese words in a table cell (no PDF font has them);
- long-en.docx: a release too long for one e-mail (Gmail clips over 102 KB), its warning about the whole document;
- logo-header-en.docx: a header holding only the office's logo (no warning: the logo is not carried over).
Usage: python3 make-places.py <logo.png> <out-folder>"""
import os
import sys
import zipfile

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

logo, out = sys.argv[1], sys.argv[2]


def field(paragraph, instruction):
    """A complex field (w:fldChar begin/separate/end) as Word writes PAGE and NUMPAGES, with a shown result."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("result", "1"), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "result":
            run.text = text
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def opening(doc, title):
    doc.add_paragraph().add_run("FOR IMMEDIATE RELEASE").bold = True
    doc.add_heading(title, level=0)
    first = doc.add_paragraph()
    first.add_run("Astana, May 14, 2014 \u2013").bold = True
    first.add_run(" The International Organization for Migration opened a regional round table on labour migration.")


# places-en.docx
doc = Document()
doc.core_properties.author = "PressPipeline producers corpus"
section = doc.sections[0]
section.header.paragraphs[0].text = "IOM Mission in Kazakhstan, 14 Mamyr Street, Almaty, +7 727 258 00 00"
section.header.add_paragraph("FOR IMMEDIATE RELEASE")
footer = section.footer.paragraphs[0]
footer.add_run("Page ")
field(footer, "PAGE")
footer.add_run(" of ")
field(footer, "NUMPAGES")
opening(doc, "Round Table on Labour Migration Opens in Astana")
doc.add_paragraph("Delegates from five countries met the ministry's officials to agree on fair recruitment.")
doc.add_picture(logo, width=Pt(200))
doc.inline_shapes[0]._inline.docPr.set("descr", "Delegates at the round table")
doc.add_paragraph("The agenda of the day:")
rows = [("Time", "Session"), ("10:00", "Opening remarks: 中文 欢迎 (welcome in Chinese)")]
table = doc.add_table(rows=len(rows), cols=2)
table.style = "Table Grid"
for r, values in enumerate(rows):
    for c, value in enumerate(values):
        table.cell(r, c).text = value
doc.add_paragraph("###")
doc.save(os.path.join(out, "places-en.docx"))

# The picture's file cut in half: its header reads (so the reader keeps it), its pixels do not.
path = os.path.join(out, "places-en.docx")
with zipfile.ZipFile(path) as source:
    parts = [(info, source.read(info.filename)) for info in source.infolist()]
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
    for info, data in parts:
        if info.filename.startswith("word/media/"):
            data = data[: len(data) // 2]
        target.writestr(info, data)

# long-en.docx
doc = Document()
doc.core_properties.author = "PressPipeline producers corpus"
opening(doc, "Annual Report on Labour Migration in Central Asia")
sentence = ("Migrant workers from the region sent home remittances that make up a large share of household income, "
            "and the round table heard how recruitment fees, travel and housing costs reduce what reaches families. ")
for i in range(1, 401):
    doc.add_paragraph(f"{i}. " + sentence * 2)
doc.add_paragraph("###")
doc.save(os.path.join(out, "long-en.docx"))

# logo-header-en.docx
doc = Document()
doc.core_properties.author = "PressPipeline producers corpus"
doc.sections[0].header.paragraphs[0].add_run().add_picture(logo, width=Pt(90))
opening(doc, "Round Table on Labour Migration Opens in Astana")
doc.add_paragraph("Delegates from five countries met the ministry's officials to agree on fair recruitment.")
doc.add_paragraph("###")
doc.save(os.path.join(out, "logo-header-en.docx"))
