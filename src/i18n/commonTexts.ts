/**
 * The texts shared by several features: commands, errors, buttons, field labels, in Swedish and English.
 */
export const sv = {
  cmdAll: 'Vilka remisser har vi?',
  languageSet: 'Jag svarar på svenska från och med nu.',
  listEmptyMine: 'Du har inga öppna remisser fördelade till dig just nu.',
  show: 'Visa',
  back: 'Tillbaka till listan',
  fieldDnr: 'Dnr',
  fieldRemittent: 'Remittent',
  fieldDueDate: 'Svarsdatum',
  fieldHandlaggare: 'Handläggare',
  history: 'Historik',
  remissNotFound: 'Jag hittar ingen remiss med det diarienumret.',
  otherOrganisation: 'Remissen hör till en annan organisation än din. Fråga registratorn där om du ska arbeta med den.',
  invalidAction: 'Det där kortet går inte att använda längre. Skriv ”remisser” för att få en ny lista.',
  notServedHere: 'Remissbot används inte i din organisation eller kanal. Ingenting har ändrats.',
  notAvailableHere: 'Remissbot är inte tillgänglig här.',
  alreadyHandled: 'Redan hanterat.',
  answer: 'Besvara',
  avsta: 'Avstå från yttrande',
  save: 'Spara',
  next: 'Nästa',
  errorInvalidSubmission: 'Formuläret skickade något jag inte kunde läsa. Försök igen.',
  remissClosed: 'Remissen är redan avslutad och kan inte besvaras.',
  alreadyStartedAsOther: 'Det finns redan ett påbörjat svar av ett annat slag för den här remissen. Fortsätt med det.',
  send: 'Skicka',
  errorApprover: 'Välj en godkännare.',
  editingClosed: 'Svaret ligger hos godkännaren och kan inte ändras just nu.',
  notTheApprover: 'Det är bara den utsedda godkännaren som kan fatta beslut om det här svaret. Ingenting har ändrats.',
  notLatestVersion: (v: number, latest: number) =>
    `Det här kortet gäller version ${v}, men den senaste versionen är ${latest}. Ingenting har ändrats.`,
  alreadyDecided: (text: string) => `Beslutet är redan fattat: ${text}. Ingenting har ändrats.`,
  toldApproved: (title: string, by: string) =>
    `Ditt svar på ”${title}” är godkänt av ${by}. Du får ett meddelande när det är sparat och klart att ` +
    `diarieföras.`,
  toldChanges: (title: string, by: string, comment: string) =>
    `${by} vill att du ändrar svaret på ”${title}”: ${comment}`,
  notTheRegistrator:
    'Det är bara registratorn (eller registratorernas kanal) som kan markera svaret som diariefört och ' +
    'skickat. Ingenting har ändrats.',
  toldRegistered: (title: string, by: string) =>
    `Svaret på ”${title}” är diariefört och skickat (${by}). Remissen är besvarad.`,
  digestNeedsEmail: 'Jag kan inte se din e-postadress i Teams, så jag kan inte ändra din prenumeration. Kontakta IT.',
  openFiled: 'Öppna det sparade svaret',
  filedAs: (name: string) => `Sparat som ${name}.`,
  filingFailing: (title: string, code: string) =>
    `Svaret på ”${title}” är godkänt, men sparandet i SharePoint har inte lyckats ännu (felkod ${code}). Jag ` +
    `försöker igen automatiskt var 30:e minut och ingenting går förlorat. Om det inte ordnar sig i dag: be IT ` +
    `kontrollera Remissbots behörighet till SharePoint-webbplatsen och dokumentbiblioteket.`,
  approverUnreachable: (approver: string) =>
    `Jag når inte ${approver} i Teams ännu. Be ${approver} att öppna Remissbot en gång (skriv till exempel ”hej”), ` +
    `så skickar jag begäran om godkännande direkt.`,
};

export const en: typeof sv = {
  cmdAll: 'All remisser',
  languageSet: 'I will answer in English from now on.',
  listEmptyMine: 'You have no open remisser assigned right now.',
  show: 'Show',
  back: 'Back to the list',
  fieldDnr: 'Reference',
  fieldRemittent: 'Remittent',
  fieldDueDate: 'Deadline',
  fieldHandlaggare: 'Case officer',
  history: 'History',
  remissNotFound: 'I cannot find a remiss with that reference.',
  otherOrganisation:
    'The remiss belongs to an organisation other than yours. Ask its registrator if you are to work on it.',
  invalidAction: 'That card can no longer be used. Type "remisser" for a new list.',
  notServedHere: 'Remissbot is not used in your organisation or channel. Nothing was changed.',
  notAvailableHere: 'Remissbot is not available here.',
  alreadyHandled: 'Already handled.',
  answer: 'Answer',
  avsta: 'Decline to comment',
  save: 'Save',
  next: 'Next',
  errorInvalidSubmission: 'The form sent something I could not read. Please try again.',
  remissClosed: 'The remiss is already closed and cannot be answered.',
  alreadyStartedAsOther: 'A draft of another kind already exists for this remiss. Please continue that one.',
  send: 'Send',
  errorApprover: 'Choose an approver.',
  editingClosed: 'The answer is with the approver and cannot be changed right now.',
  notTheApprover: 'Only the chosen approver can decide on this answer. Nothing has changed.',
  notLatestVersion: (v: number, latest: number) =>
    `This card is for version ${v}, but the latest version is ${latest}. Nothing has changed.`,
  alreadyDecided: (text: string) => `The decision has already been made: ${text}. Nothing has changed.`,
  toldApproved: (title: string, by: string) =>
    `Your answer to “${title}” was approved by ${by}. You will be told when it is saved and ready to be ` +
    `registered.`,
  toldChanges: (title: string, by: string, comment: string) =>
    `${by} asks you to change the answer to “${title}”: ${comment}`,
  notTheRegistrator: 'Only the registrator (or their channel) can mark the answer as registered. Nothing has changed.',
  toldRegistered: (title: string, by: string) =>
    `The answer to “${title}” has been registered and sent (${by}). The remiss is answered.`,
  digestNeedsEmail:
    'I cannot see your e-mail address in Teams, so I cannot change your subscription. Please contact IT.',
  openFiled: 'Open the filed answer',
  filedAs: (name: string) => `Filed as ${name}.`,
  filingFailing: (title: string, code: string) =>
    `The answer to “${title}” is approved and saved, but filing it has not succeeded yet (error code ${code}). I ` +
    `will try again automatically every 30 minutes and nothing is lost. If it is not sorted out today, ask IT to ` +
    `check Remissbot's access to the SharePoint site and document library.`,
  approverUnreachable: (approver: string) =>
    `I cannot reach ${approver} in Teams yet. Ask ${approver} to open Remissbot once (say "hi", for example) and I ` +
    `will send the approval request straight away.`,
};
