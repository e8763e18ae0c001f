/**
 * The texts of the pages of download links that no longer work, in Swedish and English.
 */
export const sv = {
  somethingWentWrong: 'Något gick fel och jag kunde inte utföra det du bad om. Försök igen om en stund.',
  linkExpiredTitle: 'Länken har gått ut',
  linkExpiredBody:
    'Länken till dokumentet gäller i 15 minuter. Gå tillbaka till Teams och tryck på ”Ladda ned utkast” igen för ' +
    'att få en ny.',
  linkInvalidTitle: 'Länken fungerar inte',
  linkInvalidBody: 'Länken är ogiltig. Gå tillbaka till Teams och tryck på ”Ladda ned utkast” för att få en ny.',
};

export const en: typeof sv = {
  somethingWentWrong: 'Something went wrong on my side and your request was not carried out. Please try again shortly.',
  linkExpiredTitle: 'The link has expired',
  linkExpiredBody:
    'Document links are valid for 15 minutes. Go back to Teams and press "Download draft" again for a new one.',
  linkInvalidTitle: 'The link does not work',
  linkInvalidBody: 'The link is not valid. Go back to Teams and press "Download draft" for a new one.',
};
