"""Hand-made .docx variants (standard library only): the same short release written with every attribute spelling
Word accepts, with values nobody expects, with a damaged secondary part, and in ISO/IEC 29500 Strict namespaces.
Each file is the smallest package Word opens: [Content_Types].xml, _rels/.rels, word/document.xml (+ styles).
Usage: python3 make-hand-made.py <out-dir>"""
import os
import sys
import zipfile

T = {  # transitional namespaces
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "styles": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
}
S = {  # Strict namespaces
    "w": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "r": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "rel": "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    "styles": "http://purl.oclc.org/ooxml/officeDocument/relationships/styles",
}


def content_types(with_styles):
    styles = ('<Override PartName="/word/styles.xml" ContentType="application/'
              'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>') if with_styles else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' + styles + '</Types>')


def package(path, ns, body, styles=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        def write(name, text):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
        write("[Content_Types].xml", content_types(styles is not None))
        write("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              f'<Relationship Id="rId1" Type="{ns["rel"]}" Target="word/document.xml"/></Relationships>')
        write("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              f'<w:document xmlns:w="{ns["w"]}" xmlns:r="{ns["r"]}"><w:body>{body}</w:body></w:document>')
        if styles is not None:
            write("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  f'<Relationship Id="rId1" Type="{ns["styles"]}" Target="styles.xml"/></Relationships>')
            write("word/styles.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                  f'<w:styles xmlns:w="{ns["w"]}">{styles}')


def p(text, ppr="", rpr=""):
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def dateline(rest, bold='<w:b/>'):
    return (f'<w:p><w:r><w:rPr>{bold}</w:rPr><w:t xml:space="preserve">Astana, May 14, 2014 \u2013</w:t></w:r>'
            f'<w:r><w:t xml:space="preserve"> {rest}</w:t></w:r></w:p>')


def table(header_trpr, grid=("1440", "2880"), span=None):
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)

    def cell(text, tcpr=""):
        tcpr = f"<w:tcPr>{tcpr}</w:tcPr>" if tcpr else ""
        return f"<w:tc>{tcpr}{p(text)}</w:tc>"
    last = (cell("Closing remarks and press conference", f'<w:gridSpan w:val="{span}"/>') if span
            else cell("12:00") + cell("Press conference"))
    return (f"<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>{cols}</w:tblGrid>"
            f"<w:tr><w:trPr>{header_trpr}</w:trPr>{cell('Time')}{cell('Session')}</w:tr>"
            f"<w:tr>{cell('10:00')}{cell('Opening remarks')}</w:tr><w:tr>{last}</w:tr></w:tbl>")


RELEASE = "FOR IMMEDIATE RELEASE"
HEADLINE = "Regional Roundtable on Labour Migration Opens in Astana"
BODY = "On May 22nd the Organization will host a regional roundtable on labour migration in Central Asia."
MORE = "The roundtable will discuss how recruitment can be made fair for migrant workers."


def main(out):
    os.makedirs(out, exist_ok=True)
    title = '<w:pStyle w:val="Title"/>'
    styles = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:b w:val="on"/>'
              '<w:sz w:val="28pt"/></w:rPr></w:style></w:styles>')
    # On/off properties spelt every way the transitional schema allows: true/false, on/off, 1/0, and absent.
    for spelling in ("true", "on", "1"):
        package(f"{out}/on-off-{spelling}.docx", T,
                p(RELEASE, rpr=f'<w:b w:val="{spelling}"/>') + p(HEADLINE, title)
                + dateline(BODY, f'<w:b w:val="{spelling}"/>')
                + p(MORE, rpr=f'<w:i w:val="{spelling}"/><w:i w:val="0"/>')
                + p("Hidden text that must not show", rpr=f'<w:vanish w:val="{spelling}"/>')
                + table(f'<w:tblHeader w:val="{spelling}"/><w:cantSplit w:val="{spelling}"/>')
                + p("###", '<w:jc w:val="center"/>'), styles)
    package(f"{out}/on-off-off-values.docx", T,
            p(RELEASE, rpr='<w:b/>') + p(HEADLINE, title) + dateline(BODY)
            + p(MORE, '<w:bidi w:val="off"/>', '<w:b w:val="false"/><w:i w:val="off"/><w:caps w:val="0"/>')
            + table('<w:tblHeader w:val="false"/>') + p("###", '<w:jc w:val="center"/>'), styles)
    # Justification and measures: Strict-style start/end in a transitional file, universal measures, decimals.
    package(f"{out}/justification-and-measures.docx", T,
            p(RELEASE, '<w:jc w:val="start"/>') + p(HEADLINE, title + '<w:jc w:val="centre"/>')
            + dateline(BODY) + p(MORE, '<w:jc w:val="distribute"/>', '<w:sz w:val="11pt"/>')
            + p("Closing paragraph aligned to the end.", '<w:jc w:val="end"/>')
            + table('<w:tblHeader/>', grid=("1in", "2.54cm"), span="2.0") + p("###", '<w:jc w:val="center"/>'), styles)
    # Values no schema allows, and an element Word's schema does not know wrapping a paragraph.
    package(f"{out}/unknown-values.docx", T,
            p(RELEASE) + p(HEADLINE, title + '<w:jc w:val="sideways"/>') + dateline(BODY)
            + "<w:futureBlock>" + p(MORE, '<w:outlineLvl w:val="x"/>', '<w:b w:val="maybe"/><w:sz w:val="big"/>') + "</w:futureBlock>"
            + table('<w:tblHeader w:val="yes"/>', grid=("wide", "2880"), span="two") + p("###"), styles)
    # A styles part that is not well-formed XML: Word repairs it; the release converts without it.
    package(f"{out}/damaged-styles.docx", T,
            p(RELEASE) + p(HEADLINE, title) + dateline(BODY) + p(MORE) + table("<w:tblHeader/>") + p("###"),
            styles.replace("</w:styles>", ""))
    # ISO/IEC 29500 Strict namespaces throughout.
    package(f"{out}/strict-release.docx", S,
            p(RELEASE, '<w:jc w:val="start"/>') + p(HEADLINE, title + '<w:jc w:val="center"/>') + dateline(BODY)
            + p(MORE, '<w:jc w:val="both"/>') + table('<w:tblHeader/>') + p("###", '<w:jc w:val="center"/>'),
            styles)
    # The one kind of damage that must refuse: the main document part is not well-formed.
    package(f"{out}/damaged-main-part.docx", T, p(RELEASE) + p(HEADLINE) + "<w:p><w:r>", styles)


if __name__ == "__main__":
    main(sys.argv[1])
