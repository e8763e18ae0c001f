/** Reads a .docx back: every paragraph's text and style from word/document.xml, and the header XML. */
import JSZip from 'jszip';

export interface DocxParagraph {
  style?: string;
  text: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export async function readDocx(
  bytes: Buffer,
): Promise<{ paragraphs: DocxParagraph[]; headers: string[]; xml: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1],
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
  const headerFiles = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
  const headers = await Promise.all(headerFiles.map((f) => zip.file(f)!.async('string')));
  return { paragraphs: paragraphs.filter((p) => p.text !== '' || p.style), headers, xml };
}
