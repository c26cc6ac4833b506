#!/usr/bin/env python3
"""Makes the asset fixtures (run from this folder; ImageMagick's `convert` and LibreOffice's `soffice` needed).

photo-gps.jpg: a 32x16 JPEG (ImageMagick) with an EXIF APP1 segment written here by hand: big-endian TIFF,
IFD0 with Orientation = 6 (rotate 90° clockwise to show) and a GPSInfo pointer to a GPS IFD holding
51°07'30.00" N, 71°26'12.34" E (Astana), altitude 347 m. The rationals are distinctive so the test can check
that none of their bytes survive. photo-gps-le.jpg is the same with a little-endian TIFF header.
data.csv: a UTF-8 table. data.xlsx: the minimal SpreadsheetML package, written here with zipfile.
bibliography.pdf: LibreOffice Writer's conversion of a small text.
Licence: made for this repository, public domain (CC0).
"""
import os
import struct
import subprocess

def ifd_entry(tag, typ, count, value, endian):
    return struct.pack(endian + "HHI", tag, typ, count) + value

def exif(endian):
    e = endian
    pad = lambda b: b + b"\0" * (4 - len(b))
    header = (b"MM" if e == ">" else b"II") + struct.pack(e + "HI", 42, 8)
    ifd0_entries = 2
    ifd0_size = 2 + ifd0_entries * 12 + 4
    gps_at = 8 + ifd0_size
    gps_entries = 5
    gps_size = 2 + gps_entries * 12 + 4
    data_at = gps_at + gps_size
    lat = struct.pack(e + "6I", 51, 1, 7, 1, 3000, 100)
    lon = struct.pack(e + "6I", 71, 1, 26, 1, 1234, 100)
    alt = struct.pack(e + "2I", 347, 1)
    ifd0 = struct.pack(e + "H", ifd0_entries)
    ifd0 += ifd_entry(0x0112, 3, 1, pad(struct.pack(e + "H", 6)), e)  # Orientation: 6
    ifd0 += ifd_entry(0x8825, 4, 1, struct.pack(e + "I", gps_at), e)  # GPSInfo
    ifd0 += struct.pack(e + "I", 0)
    gps = struct.pack(e + "H", gps_entries)
    gps += ifd_entry(0x0001, 2, 2, pad(b"N\0"), e)
    gps += ifd_entry(0x0002, 5, 3, struct.pack(e + "I", data_at), e)
    gps += ifd_entry(0x0003, 2, 2, pad(b"E\0"), e)
    gps += ifd_entry(0x0004, 5, 3, struct.pack(e + "I", data_at + len(lat)), e)
    gps += ifd_entry(0x0006, 5, 1, struct.pack(e + "I", data_at + len(lat) + len(lon)), e)
    gps += struct.pack(e + "I", 0)
    tiff = header + ifd0 + gps + lat + lon + alt
    payload = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload

subprocess.run(["convert", "-size", "32x16", "gradient:red-blue", "-strip", "-quality", "85", "base.jpg"], check=True)
base = open("base.jpg", "rb").read()
os.remove("base.jpg")
assert base[:2] == b"\xff\xd8"
# After SOI, before ImageMagick's JFIF APP0 is fine for readers; cameras put EXIF first too.
open("photo-gps.jpg", "wb").write(base[:2] + exif(">") + base[2:])
open("photo-gps-le.jpg", "wb").write(base[:2] + exif("<") + base[2:])

with open("data.csv", "w", encoding="utf-8") as f:
    f.write("region,migrants\nАстана,1200\nАлматы,3400\n")
# LibreOffice here has Writer only, so the workbook is the minimal SpreadsheetML package, written out by hand.
import zipfile
with zipfile.ZipFile("data.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>region</t></is></c><c r="B1" t="inlineStr"><is><t>migrants</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Астана</t></is></c><c r="B2"><v>1200</v></c></row></sheetData></worksheet>')
with open("bibliography.txt", "w", encoding="utf-8") as f:
    f.write("Bibliography\n\nIOM (2014). Migrants' rights in Central Asia.\n")
subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "bibliography.txt"], check=True, capture_output=True)
os.remove("bibliography.txt")
