/**
 * Builds the remissvar as a Word document with the docx package: real heading styles (the navigation pane
 * works), a first-page header with Dnr, date and "Sida 1 (N)", Swedish language. User text goes in as plain
 * text runs, never interpreted.
 */
import type * as Docx from 'docx';
import type { Block, RemissvarInput } from './remissvarModel.js';
import { remissvarModel } from './remissvarModel.js';

/** docx is loaded with the first document, so the bot's memory at rest does not carry it. */
function docx(): typeof Docx {
  // Loaded on first use, with a CommonJS require (jest runs no ESM).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('docx') as typeof Docx;
}

const FONT = 'Arial';
const PAGE_WIDTH_TWIP = 11906 - 2 * 1418; // A4 minus 2.5 cm margins

function headerParagraph(dnr: string, date: string): Docx.Paragraph {
  const { PageNumber, Paragraph, TabStopType, TextRun } = docx();
  const page: Docx.ParagraphChild[] = [
    new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'] }),
  ];
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: PAGE_WIDTH_TWIP }],
    children: [new TextRun(`Dnr ${dnr}`), new TextRun(`  ${date}`), new TextRun({ children: ['\t'] }), ...page],
  });
}

function blockParagraphs(block: Block): Docx.Paragraph[] {
  const { HeadingLevel, Paragraph, TextRun } = docx();
  switch (block.kind) {
    case 'meta':
      return [new Paragraph({ children: [new TextRun({ text: block.text, size: 18 })], spacing: { after: 0 } })];
    case 'title':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 480 }, children: [new TextRun(block.text)] }),
      ];
    case 'subtitle':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun(block.text)] })];
    case 'signature':
      // Room above the name for a handwritten signature.
      return [
        new Paragraph({ spacing: { before: 600, after: 0 }, children: [new TextRun(block.name)] }),
        new Paragraph({ children: [new TextRun({ text: block.role, italics: true })] }),
      ];
  }
}

export function buildRemissvarDocx(input: RemissvarInput): Promise<Buffer> {
  const { AlignmentType, Document, Footer, Header, LineRuleType, Packer, Paragraph, TextRun } = docx();
  const model = remissvarModel(input);
  const header = () => new Header({ children: [headerParagraph(model.header.dnr, model.header.date)] });
  const document = new Document({
    creator: input.organisation.name,
    title: `${input.remiss.title} – Svar på remiss`,
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
        headers: { first: header(), default: header() },
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
