"""Writes a press release with python-docx (Debian python3-docx): letterhead logo, bold dateline, a table whose
first row is marked as a header row (<w:tblHeader w:val="true"/>, as LibreOffice and pandoc write it), bullets.
Usage: python3 make-python-docx.py <logo.png> <out.docx>"""
import sys

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

logo, out = sys.argv[1], sys.argv[2]
doc = Document()
doc.core_properties.author = "PressPipeline producers corpus"
doc.add_picture(logo, width=Pt(120))
doc.inline_shapes[0]._inline.docPr.set("descr", "Letterhead of the Mission")  # alt text
doc.add_paragraph().add_run("FOR IMMEDIATE RELEASE").bold = True
doc.add_heading("Regional Roundtable on Labour Migration Opens in Astana", level=0)
first = doc.add_paragraph()
first.add_run("Astana, May 14, 2014 \u2013").bold = True
first.add_run(" On May 22nd the International Organization for Migration will host a regional roundtable on "
              "labour migration in Central Asia, bringing together government officials, employers and civil society.")
doc.add_paragraph("The roundtable will discuss how recruitment can be made fair and how migrant workers can reach "
                  "legal advice before they leave home.")
doc.add_heading("Key issues", level=1)
for item in ["Fair recruitment and the cost of finding work abroad", "Access to health care for migrant families",
             "Return and reintegration"]:
    doc.add_paragraph(item, style="List Bullet")
doc.add_heading("Agenda", level=1)
rows = [("Time", "Session", "Speaker"), ("10:00", "Opening remarks", "Chief of Mission"),
        ("10:30", "Fair recruitment in Central Asia", "Ministry of Labour")]
table = doc.add_table(rows=len(rows), cols=3)
table.style = "Table Grid"
for r, values in enumerate(rows):
    for c, value in enumerate(values):
        table.cell(r, c).text = value
header = OxmlElement("w:tblHeader")
header.set(qn("w:val"), "true")
table.rows[0]._tr.get_or_add_trPr().append(header)
doc.add_paragraph("###")
contact = doc.add_paragraph()
contact.add_run("Media contact:").bold = True
contact.add_run(" Press Office, press@example.org")
doc.save(out)
