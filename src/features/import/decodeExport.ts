/**
 * The bytes of an export as text: refused with words an admin can act on when they are no text file (an
 * Excel workbook, UTF-16); UTF-8 when they are; Swedish Excel's plain "CSV" (Windows-1252) recognised; a file
 * mixed from two editors read as UTF-8 with the lines that are not marked bad rather than guessed at.
 */
// Node's TextDecoder reads "windows-1252" as Latin-1 (0x80-0x9F become control characters, not – or €).
import iconv from 'iconv-lite';
import { importText } from '../../i18n/import.js';

/** Why the bytes are not a text file at all, in words an admin can act on; undefined when they are. */
export function notTextProblem(bytes: Buffer): string | undefined {
  const startsWith = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0xd0, 0xcf, 0x11, 0xe0)) return importText.excelWorkbook;
  // UTF-16 without a BOM is valid UTF-8 full of NUL bytes; a stray NUL in a real CSV is just stripped later.
  const head = bytes.subarray(0, 4096);
  const nuls = head.reduce((n, b) => (b === 0 ? n + 1 : n), 0);
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff) || (head.length > 0 && nuls * 4 >= head.length)) {
    return importText.utf16;
  }
  return undefined;
}

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  /** Physical lines that are not UTF-8 in a file that otherwise is: those rows are refused, the rest read. */
  badLines: Set<number>;
}

// Strict: invalid bytes throw instead of becoming U+FFFD. Like any UTF-8 TextDecoder it drops a BOM.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text when they are UTF-8; undefined when they are not. */
function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 when the bytes are; Windows-1252 (what Swedish Excel's plain "CSV" writes) when no line is UTF-8
 * beyond ASCII; otherwise a mix from two editors, where the lines that are not UTF-8 are marked bad rather
 * than guessed at.
 */
export function decodeText(bytes: Buffer): DecodedText {
  const text = utf8Text(bytes);
  if (text !== undefined) return { text, encoding: 'utf-8', badLines: new Set() };
  const badLines = new Set<number>();
  let anyUtf8BeyondAscii = false;
  let lineStart = 0;
  for (let line = 1; lineStart <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, lineStart);
    const lineBytes = bytes.subarray(lineStart, end < 0 ? bytes.length : end);
    if (utf8Text(lineBytes) === undefined) badLines.add(line);
    else if (lineBytes.some((b) => b >= 0x80)) anyUtf8BeyondAscii = true;
    if (end < 0) break;
    lineStart = end + 1;
  }
  if (!anyUtf8BeyondAscii)
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252', badLines: new Set() };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', badLines };
}
