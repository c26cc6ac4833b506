#!/usr/bin/python3
"""Writes the two files that go with the multilingual sample release, into roundtable-2026.assets/.

Run from anywhere:  /usr/bin/python3 samples/multilingual/make-assets.py
Needs Debian's python3-docx, LibreOffice Writer (soffice) and ImageMagick (convert).

fact-sheet.pdf: a one-page fact sheet, written with python-docx and converted to PDF by LibreOffice.
photo.jpg: a 480x320 picture drawn by ImageMagick (a gradient and shapes, no photograph of anyone), with an EXIF
segment written here by hand: Orientation = 1 and a GPS position (51°07'30" N, 71°26'12" E, Astana), so the demo
shows the position being removed before the photo is published.
The folder name follows the uploads-container rule ({name}.assets/ beside {name}.docx), so the whole sample folder
can be copied into the uploads container as it is. Invented content; made for this repository, public domain (CC0).
"""
import os
import struct
import subprocess
import tempfile

from docx import Document

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "roundtable-2026.assets")
os.makedirs(OUT, exist_ok=True)


def fact_sheet():
    doc = Document()
    doc.add_heading("Round table on labour migration in Central Asia — fact sheet", 1)
    for line in [
        "Where and when: Astana, 3 December 2026.",
        "Who: representatives of five governments, employers and migrants' associations.",
        "Agreed: sharing data on recruitment fees; two more information centres; a next meeting in June.",
        "Contact: press office, press@example.org.",
    ]:
        doc.add_paragraph(line, style="List Bullet")
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "fact-sheet.docx")
        doc.save(source)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", OUT, source], check=True, capture_output=True)


def ifd_entry(tag, typ, count, value):
    return struct.pack(">HHI", tag, typ, count) + value


def exif_with_gps():
    pad = lambda b: b + b"\0" * (4 - len(b))
    header = b"MM" + struct.pack(">HI", 42, 8)
    ifd0_size = 2 + 2 * 12 + 4
    gps_at = 8 + ifd0_size
    gps_size = 2 + 4 * 12 + 4
    data_at = gps_at + gps_size
    lat = struct.pack(">6I", 51, 1, 7, 1, 30, 1)
    lon = struct.pack(">6I", 71, 1, 26, 1, 12, 1)
    ifd0 = struct.pack(">H", 2)
    ifd0 += ifd_entry(0x0112, 3, 1, pad(struct.pack(">H", 1)))  # Orientation: as stored
    ifd0 += ifd_entry(0x8825, 4, 1, struct.pack(">I", gps_at))  # GPSInfo
    ifd0 += struct.pack(">I", 0)
    gps = struct.pack(">H", 4)
    gps += ifd_entry(0x0001, 2, 2, pad(b"N\0"))
    gps += ifd_entry(0x0002, 5, 3, struct.pack(">I", data_at))
    gps += ifd_entry(0x0003, 2, 2, pad(b"E\0"))
    gps += ifd_entry(0x0004, 5, 3, struct.pack(">I", data_at + len(lat)))
    gps += struct.pack(">I", 0)
    payload = b"Exif\0\0" + header + ifd0 + gps + lat + lon
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def photo():
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "base.jpg")
        subprocess.run([
            "convert", "-size", "480x320", "gradient:#1f5f8b-#dfe9f1",
            "-fill", "#f2b134", "-draw", "circle 360,90 400,90",
            "-fill", "#2d6a4f", "-draw", "rectangle 0,250 480,320",
            "-fill", "#ffffff", "-draw", "roundrectangle 60,170 260,240 12,12",
            "-strip", "-quality", "82", base], check=True)
        data = open(base, "rb").read()
    assert data[:2] == b"\xff\xd8"
    with open(os.path.join(OUT, "photo.jpg"), "wb") as f:
        f.write(data[:2] + exif_with_gps() + data[2:])


fact_sheet()
photo()
