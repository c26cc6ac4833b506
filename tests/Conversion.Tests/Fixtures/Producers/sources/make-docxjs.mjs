// Writes a press release with docx.js (npm "docx", pinned in package.json): letterhead logo, bold dateline,
// a table whose first row is a header row (docx.js writes <w:tblHeader w:val="true"/>), bullets, a footnote, a link.
// Usage: node make-docxjs.mjs <logo.png> <out.docx>
import fs from "node:fs";
import {
  AlignmentType, Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, ImageRun, LevelFormat, Packer,
  Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";

const [logoPath, outPath] = process.argv.slice(2);
const cell = (text, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
const bullet = (text, level = 0) => new Paragraph({ text, numbering: { reference: "bullets", level } });

const doc = new Document({
  creator: "PressPipeline producers corpus",
  title: "Regional Roundtable on Labour Migration Opens in Astana",
  numbering: {
    config: [{
      reference: "bullets",
      levels: [
        { level: 0, format: LevelFormat.BULLET, text: "\u2022", alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.BULLET, text: "\u25E6", alignment: AlignmentType.LEFT },
      ],
    }],
  },
  footnotes: { 1: { children: [new Paragraph("The roundtable is supported by the European Union.")] } },
  sections: [{
    children: [
      new Paragraph({
        children: [new ImageRun({
          type: "png",
          data: fs.readFileSync(logoPath),
          transformation: { width: 160, height: 48 },
          altText: { title: "Letterhead", description: "Letterhead of the Mission", name: "logo" },
        })],
      }),
      new Paragraph({ children: [new TextRun({ text: "FOR IMMEDIATE RELEASE", bold: true })] }),
      new Paragraph({ text: "Regional Roundtable on Labour Migration Opens in Astana", heading: HeadingLevel.TITLE }),
      new Paragraph({
        children: [
          new TextRun({ text: "Astana, May 14, 2014 \u2013", bold: true }),
          new TextRun(" On May 22nd the International Organization for Migration will host a regional roundtable on labour migration in Central Asia, bringing together government officials, employers and civil society."),
          new FootnoteReferenceRun(1),
        ],
      }),
      new Paragraph("The roundtable will discuss how recruitment can be made fair and how migrant workers can reach legal advice before they leave home."),
      new Paragraph({ text: "Key issues", heading: HeadingLevel.HEADING_1 }),
      bullet("Fair recruitment and the cost of finding work abroad"),
      bullet("fees charged by agencies", 1),
      bullet("Access to health care for migrant families"),
      bullet("Return and reintegration"),
      new Paragraph({ text: "Agenda", heading: HeadingLevel.HEADING_1 }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: [cell("Time", true), cell("Session", true), cell("Speaker", true)] }),
          new TableRow({ children: [cell("10:00"), cell("Opening remarks"), cell("Chief of Mission")] }),
          new TableRow({ children: [cell("10:30"), cell("Fair recruitment in Central Asia"), cell("Ministry of Labour")] }),
        ],
      }),
      new Paragraph({
        children: [
          new TextRun("More information is on the "),
          new ExternalHyperlink({ link: "https://www.example.org/roundtable", children: [new TextRun({ text: "roundtable page", style: "Hyperlink" })] }),
          new TextRun("."),
        ],
      }),
      new Paragraph({ text: "###", alignment: AlignmentType.CENTER }),
      new Paragraph({ children: [new TextRun({ text: "Media contact:", bold: true }), new TextRun(" Press Office, press@example.org")] }),
    ],
  }],
});

fs.writeFileSync(outPath, await Packer.toBuffer(doc));
