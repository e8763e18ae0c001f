/**
 * The texts of filing, the registrator's card and filing notices, in Swedish and English.
 */
export const sv = {
  filed: (title: string, docx: string, pdf: string) =>
    `Svaret på ”${title}” är arkiverat och klart att diarieföras och skickas. Word: ${docx} PDF: ${pdf}`,
  registratorHeading: 'Klart att diarieföra och skicka',
  registeredButton: 'Registrerad och skickad',
  registeredBy: (by: string, at: string) => `Registrerad och skickad, markerat av ${by} den ${at}`,
  openWord: 'Öppna Word-filen',
  openPdf: 'Öppna PDF:en',
  filedWithoutColumn: (title: string, column: string) =>
    `Svaret på ”${title}” är arkiverat, men dokumentbiblioteket saknar kolumnen ${column}, så filernas uppgifter ` +
    `(diarienummer, remittent, svarsdatum och status) är inte ifyllda. Be IT köra npm run sharepoint:setup, som ` +
    `skapar kolumnerna. Filerna behöver inte arkiveras om.`,
  filedWithoutMetadata: (title: string, code: string) =>
    `Svaret på ”${title}” är arkiverat, men SharePoint tog inte emot filernas uppgifter (diarienummer, remittent, ` +
    `svarsdatum och status), så de är inte ifyllda (felkod ${code}). Be IT kontrollera dokumentbibliotekets ` +
    `kolumner; fyll gärna i uppgifterna för hand. Filerna behöver inte arkiveras om.`,
};

export const en: typeof sv = {
  filed: (title: string, docx: string, pdf: string) =>
    `The answer to “${title}” is filed and ready to be registered and sent. Word: ${docx} PDF: ${pdf}`,
  registratorHeading: 'Ready to register and send',
  registeredButton: 'Registered and sent',
  registeredBy: (by: string, at: string) => `Registered and sent, marked by ${by} on ${at}`,
  openWord: 'Open the Word file',
  openPdf: 'Open the PDF',
  filedWithoutColumn: (title: string, column: string) =>
    `The answer to “${title}” is filed, but the document library has no column ${column}, so the files' details ` +
    `(reference number, remittent, reply date and status) are not filled in. Ask IT to run npm run ` +
    `sharepoint:setup, which creates the columns. The files need not be filed again.`,
  filedWithoutMetadata: (title: string, code: string) =>
    `The answer to “${title}” is filed, but SharePoint did not accept the files' details (reference number, ` +
    `remittent, reply date and status), so they are not filled in (error code ${code}). Ask IT to check the ` +
    `document library's columns; you may fill in the details by hand. The files need not be filed again.`,
};
