/**
 * The texts of filing, the registrator's card and filing notices, in Swedish and English.
 */
export const sv = {
  /** Teams renders the Markdown links as the link text: no raw addresses in the chat. */
  filed: (title: string, docx: string, pdf: string) =>
    `Svaret på ”${title}” är sparat i dokumentbiblioteket och klart att diarieföras och skickas: ` +
    `[Öppna Word-filen](${docx}) · [Öppna PDF:en](${pdf})`,
  registratorHeading: 'Klart att diarieföra och skicka',
  registeredButton: 'Markera som diariefört och skickat',
  registeredBy: (by: string, at: string) => `Diariefört och skickat – markerat av ${by} den ${at}`,
  openWord: 'Öppna Word-filen',
  openPdf: 'Öppna PDF:en',
  /** Saved, but the files' details (dnr, remittent, svarsdatum, status) could not be set: `why` says what to do. */
  filedWithoutDetails: (title: string, why: string) =>
    `Svaret på ”${title}” är sparat, men filernas uppgifter (diarienummer, remittent, svarsdatum och status) är ` +
    `inte ifyllda: ${why} Filerna behöver inte sparas om.`,
  missingColumn: (column: string) =>
    `dokumentbiblioteket saknar kolumnen ${column}. Be IT köra npm run sharepoint:setup, som skapar kolumnerna.`,
  refusedDetails: (code: string) =>
    `SharePoint tog inte emot dem (felkod ${code}). Be IT kontrollera dokumentbibliotekets kolumner; fyll gärna i ` +
    `uppgifterna för hand.`,
};

export const en: typeof sv = {
  filed: (title: string, docx: string, pdf: string) =>
    `The answer to “${title}” is saved in the document library, ready to be registered and sent: ` +
    `[Open the Word file](${docx}) · [Open the PDF](${pdf})`,
  registratorHeading: 'Ready to register and send',
  registeredButton: 'Mark as registered and sent',
  registeredBy: (by: string, at: string) => `Registered and sent – marked by ${by} on ${at}`,
  openWord: 'Open the Word file',
  openPdf: 'Open the PDF',
  filedWithoutDetails: (title: string, why: string) =>
    `The answer to “${title}” is saved, but the files' details (reference number, remittent, reply date and ` +
    `status) are not filled in: ${why} The files need not be saved again.`,
  missingColumn: (column: string) =>
    `the document library has no column ${column}. Ask IT to run npm run sharepoint:setup, which creates them.`,
  refusedDetails: (code: string) =>
    `SharePoint did not accept them (error code ${code}). Ask IT to check the document library's columns; you ` +
    `may fill in the details by hand.`,
};
