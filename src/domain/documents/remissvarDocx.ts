/**
 * Builds the remissvar as a Word document with the docx package: real heading styles (the navigation pane
 * works), a first-page header with the organisation on the left and Tjänsteutlåtande, Dnr, the remittent's dnr,
 * the date and "Sida 1 (N)" as a block on the right, Swedish language and print typography (typography.ts).
 * User text goes in as plain text runs, never interpreted.
 */
import type * as Docx from 'docx';
import type { Block, DocumentHeader, RemissvarInput } from './remissvarModel.js';
import { headerRightLines, remissvarModel } from './remissvarModel.js';
import { printTypography } from './typography.js';

/** docx is loaded with the first document, so the bot's memory at rest does not carry it. */
function docx(): typeof Docx {
  // Loaded on first use, with a CommonJS require (jest runs no ESM).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('docx') as typeof Docx;
}

const FONT = 'Arial';
const PAGE_WIDTH_TWIP = 11906 - 2 * 1418; // A4 minus 2.5 cm margins
const RIGHT_BLOCK_TWIP = 3700; // the top-right block, about 6.5 cm

/** A text run with the document's typography; every text in the document goes through here. */
function run(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): Docx.TextRun {
  const { TextRun } = docx();
  return new TextRun({ text: printTypography(text), ...options });
}

/** Page 1: a borderless two-column table, the organisation left, the document's identity right. */
function firstPageHeader(h: DocumentHeader): Docx.Table {
  const { BorderStyle, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx();
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const line = (child: Docx.ParagraphChild) => new Paragraph({ spacing: { after: 0 }, children: [child] });
  const [kind, ...rest] = headerRightLines(h);
  const right = [
    line(run(kind!, { bold: true, size: 26 })),
    ...rest.map((text) => line(run(text))),
    line(new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'] })),
  ];
  const left = [line(run(h.organisation, { bold: true, size: 26 })), ...(h.unit ? [line(run(h.unit))] : [])];
  const leftWidth = PAGE_WIDTH_TWIP - RIGHT_BLOCK_TWIP;
  return new Table({
    width: { size: PAGE_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths: [leftWidth, RIGHT_BLOCK_TWIP],
    borders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftWidth, type: WidthType.DXA }, borders, children: left }),
          new TableCell({ width: { size: RIGHT_BLOCK_TWIP, type: WidthType.DXA }, borders, children: right }),
        ],
      }),
    ],
  });
}

function headerParagraph(dnr: string, date: string): Docx.Paragraph {
  const { PageNumber, Paragraph, TabStopType, TextRun } = docx();
  const page: Docx.ParagraphChild[] = [
    new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'] }),
  ];
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: PAGE_WIDTH_TWIP }],
    children: [run(`Dnr ${dnr}`), run(`  ${date}`), new TextRun({ children: ['\t'] }), ...page],
  });
}

function blockParagraphs(block: Block): Docx.Paragraph[] {
  const { HeadingLevel, Paragraph } = docx();
  switch (block.kind) {
    case 'meta':
      // The body's size: the sender block is read, not small print.
      return [new Paragraph({ children: [run(block.text)], spacing: { after: 0 } })];
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 480 }, children: [run(block.text)] })];
    case 'subtitle':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(block.text)] })];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [run(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: [run(block.text)] })];
    case 'signature':
      // Room above the name for a handwritten signature.
      return [
        new Paragraph({ spacing: { before: 600, after: 0 }, children: [run(block.name)] }),
        new Paragraph({ children: [run(block.role, { italics: true })] }),
      ];
  }
}

export function buildRemissvarDocx(input: RemissvarInput): Promise<Buffer> {
  const { AlignmentType, Document, Footer, Header, LineRuleType, Packer, Paragraph, TextRun } = docx();
  const model = remissvarModel(input);
  const first = new Header({
    children: [firstPageHeader(model.header), new Paragraph({ spacing: { after: 240 }, children: [] })],
  });
  const later = new Header({ children: [headerParagraph(model.header.dnr, model.header.date)] });
  const document = new Document({
    creator: input.organisation.name,
    title: `${printTypography(input.remiss.title)} – Svar på remiss`,
    description: `Dnr ${input.remiss.dnr}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 22, language: { value: 'sv-SE' } },
          paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font: FONT, size: 36, bold: true, color: '000000' } },
        heading1: {
          run: { font: FONT, size: 26, bold: true, color: '000000' },
          paragraph: { spacing: { before: 320, after: 120 } },
        },
        heading2: {
          run: { font: FONT, size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 120, after: 240 } },
        },
      },
    },
    sections: [
      {
        properties: { titlePage: true, page: { margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        headers: { first, default: later },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: input.organisation.name, size: 16 })],
              }),
            ],
          }),
        },
        children: model.blocks.flatMap(blockParagraphs),
      },
    ],
  });
  return Packer.toBuffer(document);
}
