/**
 * The export's `organisation` column against the deployment's organisations (issue 19). Where there are several,
 * every row names one: its id, or its exact name or short name (case-insensitive), stored as the id. Where there
 * is one, the column may be absent, empty or name that organisation, and nothing is stored (the records stay as
 * a single-organisation deployment has always written them). A row naming no known organisation is refused.
 */
import type { Organisation } from '../../domain/organisation.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import { importText } from '../../i18n/import.js';
import type { ParsedExport } from './parseExport.js';

type Rows = Pick<ParsedExport, 'rows' | 'problems'>;

/** The organisations a cell names: an id exactly, else any whose id, name or short name it spells. */
function named(cell: string, directory: OrganisationDirectory): Organisation[] {
  const exact = directory.byId(cell);
  if (exact) return [exact];
  const folded = cell.toLocaleLowerCase('sv');
  return directory.organisations.filter((o) =>
    [directory.idFor(o), o.name, o.shortName].some((n) => n.toLocaleLowerCase('sv') === folded),
  );
}

/** How an admin names it in the column: its id, or (a single organisation's file naming none) its short name. */
const spelled = (organisation: Organisation) => organisation.id ?? organisation.shortName;

/** The rows with their organisation resolved to an id (none where there is one); the others refused by line. */
export function checkOrganisations<T extends Rows>(parsed: T, directory: OrganisationDirectory): T {
  const several = directory.organisations.length > 1;
  const known = directory.organisations.map(spelled);
  const rows: Rows['rows'] = [];
  const problems = [...parsed.problems];
  for (const row of parsed.rows) {
    const cell = row.remiss.organisation;
    const found = cell ? named(cell, directory) : [];
    const refuse = (reason: string) => problems.push({ line: row.line, field: 'organisation', reason });
    if (!cell && several) refuse(importText.missing);
    else if (cell && found.length === 0) refuse(importText.unknownOrganisation(cell.slice(0, 40), known));
    else if (found.length > 1) refuse(importText.ambiguousOrganisation(cell!.slice(0, 40), found.map(spelled)));
    else {
      const remiss = { ...row.remiss };
      delete remiss.organisation;
      if (several) remiss.organisation = directory.idFor(found[0]!);
      rows.push({ line: row.line, remiss });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { ...parsed, rows, problems };
}
