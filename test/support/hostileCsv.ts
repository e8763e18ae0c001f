/**
 * A diarium export of any size with every kind of broken row an admin meets, and what the import must say
 * about each: the physical line of every refused row with a fragment of its reason, and the rows that must
 * be imported.
 */
const HEADER = 'diarienummer;titel;remittent;inkom;svarsdatum;handläggare';

export interface HostileExport {
  bytes: Buffer;
  /** Physical line → a fragment of the reason the import must give for it. */
  refused: Map<number, string>;
  /** Diarienummer → title, of every row that must be imported. */
  imported: Map<string, string>;
}

export function hostileExport(rowCount: number): HostileExport {
  const parts: Buffer[] = [Buffer.from(`${HEADER}\r\n`, 'utf8')];
  const refused = new Map<number, string>();
  const imported = new Map<string, string>();
  let line = 1;
  const add = (text: string, encoding: BufferEncoding = 'utf8') => {
    parts.push(Buffer.from(`${text}\r\n`, encoding));
    return ++line;
  };
  const good = (n: number, title = `Översyn av riktlinjer nr ${n}`) => {
    add(`KS 2026/${n};${title};Kommunstyrelsen;2026-10-01;15 december 2026;handlaggare${n % 50}@stad.se`);
    imported.set(`KS 2026/${n}`, title);
  };
  for (let n = 0; n < rowCount; n++) {
    if (n % 50 !== 49) {
      good(n);
      continue;
    }
    switch (((n - 49) / 50) % 8) {
      case 0:
        refused.set(
          add(`KS 2026/${n},Fel avgränsare,Kommunstyrelsen,2026-10-01,2026-12-15,a@stad.se`),
          'avgränsad med ”,”',
        );
        break;
      case 1:
        // Another editor saved this one line as Latin-1 in an otherwise UTF-8 file.
        refused.set(
          add(`KS 2026/${n};Förslag från ett annat program;Kommunstyrelsen;2026-10-01;2026-12-15;a@stad.se`, 'latin1'),
          'inte är UTF-8',
        );
        break;
      case 2:
        refused.set(
          add(`KS 2026/${n};Titel;Kommunstyrelsen;2026-10-01;31 juni 2026;a@stad.se`),
          'svarsdatum: ”31 juni 2026” är inget giltigt datum',
        );
        break;
      case 3:
        refused.set(add(`KS 2026/${n};;Kommunstyrelsen;2026-10-01;2026-12-15;a@stad.se`), 'titel: saknas');
        break;
      case 4: {
        const first = line;
        refused.set(
          add(`KS 2026/${n - 1};Samma nummer igen;Kommunstyrelsen;2026-10-01;2026-12-15;a@stad.se`),
          `finns redan på rad ${first}`,
        );
        break;
      }
      case 5: {
        // A stray quote opens a cell that only the quoted title two rows later closes.
        const opened = add(`KS 2026/${n};"Trasig titel;Kommunstyrelsen;2026-10-01;2026-12-15;a@stad.se`);
        good(n + 0.25);
        good(n + 0.5);
        const closed = add(`KS 2026/${n + 0.75};"Plan, del 2";Kommunstyrelsen;2026-10-01;2026-12-15;a@stad.se`);
        refused.set(opened, `stängs först på rad ${closed}`);
        refused.set(closed, `citatet som öppnas på rad ${opened}`);
        break;
      }
      case 6:
        // Control characters, bidi overrides and markup are cleaned, not refused.
        add(
          `KS 2026/${n};<b>Fet</b>\u0007 titel\u202e med **markdown**;Kommunstyrelsen;2026-10-01;2026-12-15;a@stad.se`,
        );
        imported.set(`KS 2026/${n}`, '<b>Fet</b> titel med **markdown**');
        break;
      default:
        refused.set(
          add(`KS 2026/${n};${'Lång '.repeat(120)};Kommunstyrelsen;2026-10-01;2026-12-15;a@stad.se`),
          'titel: får vara högst 500 tecken',
        );
    }
  }
  // Last, a quote that nothing closes: only its own line is lost.
  refused.set(
    add(`KS 2026/${rowCount};"Aldrig stängd;Kommunstyrelsen;2026-10-01;2026-12-15;a@stad.se`),
    'stängs aldrig',
  );
  return { bytes: Buffer.concat(parts), refused, imported };
}
