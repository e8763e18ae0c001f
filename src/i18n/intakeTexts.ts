/**
 * The texts of the registration form ("Ny remiss"), in Swedish and English. The fields' errors are the import's
 * (always Swedish, src/i18n/import.ts) and those below.
 */
export const sv = {
  cmdNewRemiss: 'Ny remiss',
  intakeTitle: 'Ny remiss',
  intakeFor: (organisation: string) => `Läggs in för ${organisation}`,
  intakeIntro:
    'Klistra in texten i missivet och tryck på Läs in missivet, så fyller jag i det jag kan läsa ur den. ' +
    'Kontrollera och komplettera sedan uppgifterna.',
  intakePasteLabel: 'Klistra in missivet',
  intakePastePlaceholder: 'Texten i remissbrevet, t.ex. ”Remiss av … Svaren ska ha kommit in … senast den …”',
  intakeReadButton: 'Läs in missivet',
  intakeLabelDnr: 'Diarienummer',
  intakeLabelRemittentDnr: 'Remittentens dnr',
  intakeLabelTitle: 'Titel',
  intakeLabelRemittent: 'Remittent',
  intakeLabelReceived: 'Inkom',
  intakeLabelDue: 'Svarsdatum',
  intakeLabelMissive: 'Länk till missivet',
  intakeLabelDocument: 'Länk till remissdokumentet',
  intakeLabelInstanser: 'Remissinstanser (en per rad)',
  intakeLinkPlaceholder: 'https://…',
  intakeRequired: 'Fyll i fältet',
  intakeSave: 'Lägg in remissen',
  intakeRead: (fields: string) =>
    `Ur missivet läste jag: ${fields}. Kontrollera uppgifterna innan du lägger in remissen.`,
  intakeReadNothing: 'Jag kunde inte läsa några uppgifter ur texten. Fyll i fälten själv.',
  intakeInvalid: 'Remissen är inte inlagd. Rätta uppgifterna som är markerade.',
  intakeSaved: (dnr: string, title: string) => `Remissen ${dnr} ${title} är inlagd i Remissbot med status Inkommen.`,
  intakeExists: (dnr: string) => `Det finns redan en remiss med diarienummer ${dnr}. Den har inte lagts in igen.`,
  intakeNotAllowed: 'Bara en registrator eller chef i organisationen kan lägga in remisser.',
  intakeNotHttps: 'måste vara en webbadress som börjar med https://',
  intakeNoMarkup: 'får inte innehålla HTML-kod (<…>)',
  intakeShow: 'Visa remissen',
  intakeAnother: 'Lägg in en till',
};

export const en: typeof sv = {
  cmdNewRemiss: 'New remiss',
  intakeTitle: 'New remiss',
  intakeFor: (organisation: string) => `Added for ${organisation}`,
  intakeIntro:
    'Paste the text of the missive and press Read the missive, and I will fill in what I can read from it. ' +
    'Then check and complete the details.',
  intakePasteLabel: 'Paste the missive',
  intakePastePlaceholder: 'The text of the remiss letter, e.g. "Remiss av … Svaren ska ha kommit in … senast den …"',
  intakeReadButton: 'Read the missive',
  intakeLabelDnr: 'Reference number (diarienummer)',
  intakeLabelRemittentDnr: "Remittent's reference",
  intakeLabelTitle: 'Title',
  intakeLabelRemittent: 'Remittent',
  intakeLabelReceived: 'Received',
  intakeLabelDue: 'Deadline',
  intakeLabelMissive: 'Link to the missive',
  intakeLabelDocument: 'Link to the remitted document',
  intakeLabelInstanser: 'Remissinstanser (one a line)',
  intakeLinkPlaceholder: 'https://…',
  intakeRequired: 'Fill in the field',
  intakeSave: 'Add the remiss',
  intakeRead: (fields: string) => `From the missive I read: ${fields}. Check the details before adding the remiss.`,
  intakeReadNothing: 'I could not read anything from the text. Please fill in the fields.',
  intakeInvalid: 'The remiss was not added. Please correct the marked details.',
  intakeSaved: (dnr: string, title: string) => `The remiss ${dnr} ${title} is added to Remissbot as Inkommen.`,
  intakeExists: (dnr: string) => `There already is a remiss with the reference ${dnr}. It was not added again.`,
  intakeNotAllowed: 'Only a registrator or chef of the organisation can add remisser.',
  intakeNotHttps: 'must be a web address beginning with https://',
  intakeNoMarkup: 'must not contain HTML code (<…>)',
  intakeShow: 'Show the remiss',
  intakeAnother: 'Add another',
};
