/**
 * Every text a user sees in chat, in Swedish (the default) and English. Documents are always Swedish and
 * do not use this table.
 */
import type { Language } from '../domain/language.js';

const sv = {
  welcomeTitle: 'Hej! Jag är Remissbot',
  welcomeBody:
    'Jag håller reda på remisserna ni ska besvara: vad som är på väg, vad som är försenat och vem som har vilken. Skriv till mig när du vill veta vad som ska besvaras.',
  welcomeTry: 'Prova att skriva:',
  helpTitle: 'Det här kan du skriva till mig',
  helpIntro: 'Tryck på en knapp eller skriv frågan med egna ord.',
  notUnderstood: 'Det förstod jag inte riktigt. Här är vad jag kan svara på:',
  cmdDue: 'Vilka remisser ska besvaras?',
  cmdMine: 'Mina remisser',
  cmdOverdue: 'Försenade remisser',
  cmdThisWeek: 'Remisser denna vecka',
  cmdAll: 'Vilka remisser har vi?',
  cmdHelp: 'Hjälp',
  cmdLanguage: 'English',
  languageSet: 'Jag svarar på svenska från och med nu.',
  listTitleDue: 'Remisser att besvara',
  listTitleAll: 'Alla öppna remisser',
  listTitleMine: 'Mina remisser',
  listTitleOverdue: 'Försenade remisser',
  listTitleThisWeek: (from: string, to: string) => `Remisser med svarsdatum denna vecka (${from}–${to})`,
  listCount: (shown: number, total: number) =>
    total === 0
      ? ''
      : shown >= total
        ? `${total} ${total === 1 ? 'remiss' : 'remisser'}, närmast svarsdatum först.`
        : `Visar ${shown} av ${total}, närmast svarsdatum först.`,
  listEmpty: 'Inga öppna remisser här just nu.',
  listEmptyMine: 'Du har inga öppna remisser tilldelade just nu.',
  mineUnknownUser: 'Jag kunde inte se din e-postadress i Teams, så jag kan inte avgöra vilka remisser som är dina.',
  showMore: 'Visa fler',
  show: 'Visa',
  back: 'Tillbaka till listan',
  fieldDnr: 'Dnr',
  fieldRemittentDnr: 'Remittentens dnr',
  fieldTitle: 'Titel',
  fieldRemittent: 'Remittent',
  fieldReceived: 'Inkom',
  fieldDueDate: 'Svarsdatum',
  fieldMeeting: 'Sammanträde',
  fieldHandlaggare: 'Handläggare',
  fieldVersion: 'Version',
  fieldApprover: 'Godkännare',
  fieldStatus: 'Status',
  noHandlaggare: 'Ingen handläggare',
  history: 'Historik',
  historyCreated: 'Registrerad',
  historyStatus: (from: string, to: string) => `Status ändrad från ${from} till ${to}`,
  historyDueDate: (from: string, to: string) => `Svarsdatum ändrat från ${from} till ${to}`,
  historyUpdated: (fields: string) => `Uppdaterad: ${fields}`,
  nonWorkingWarning: (dayName: string, readyBy: string) =>
    `Svarsdatum infaller på ${dayName}. Svaret bör vara klart senast ${readyBy}.`,
  remissNotFound: 'Jag hittar ingen remiss med det diarienumret.',
  invalidAction: 'Det där kortet går inte att använda längre. Skriv "remisser" för att få en ny lista.',
  notServedHere: 'Remissbot används inte i din organisation eller kanal. Ingenting har ändrats.',
  somethingWentWrong: 'Något gick fel hos mig och det du bad om blev inte gjort. Försök igen om en stund.',
  notAvailableHere: 'Remissbot är inte tillgänglig här.',
  answer: 'Besvara',
  continueAt: (step: number, of: number) => `Fortsätt (steg ${step} av ${of})`,
  avsta: 'Avstå från att yttra sig',
  stepLine: (step: number, of: number, title: string) => `Steg ${step} av ${of}: ${title}`,
  previous: 'Föregående',
  save: 'Spara',
  next: 'Nästa',
  downloadDraft: 'Ladda ned utkast',
  openDownload: 'Öppna dokumentet',
  downloadReady: (file: string) => `Utkastet "${file}" är klart. Länken gäller i 15 minuter.`,
  stepDetails: 'Uppgifter',
  stepPreview: 'Förhandsgranskning',
  stepAvstar: 'Avstå från att yttra sig',
  labelName: 'Handläggarens namn',
  labelEmail: 'Handläggarens e-post',
  labelPhone: 'Handläggarens telefon',
  labelMeeting: (internal: boolean): string => (internal ? 'Sammanträde (intern deadline)' : 'Sammanträde'),
  noMeeting: 'Inget sammanträde valt',
  labelAdjust: 'Justering',
  titleAdjust: 'Beslutet justeras omedelbart',
  labelReason: 'Skäl (valfritt)',
  labelSection: (title: string, optional: boolean): string => (optional ? `${title} (valfritt)` : title),
  guidanceDetails:
    'Kontrollera dina kontaktuppgifter och välj det sammanträde svaret ska till. Uppgifterna står överst i dokumentet.',
  guidanceSammanfattning:
    'Börja med er ståndpunkt i ett par meningar: tillstyrker, avstyrker eller inget att invända. Valfritt men rekommenderat.',
  guidanceBakgrund:
    'Vem har remitterat vad, när, och när svaret ska vara inne. Förslaget nedan kommer från registret; ändra fritt.',
  guidanceArendet: 'Beskriv kort vad förslaget innebär och vilka som har varit med och tagit fram svaret.',
  guidanceAnalys:
    'Ta ställning till varje förslag och hänvisa till avsnitten i det remitterade dokumentet (t.ex. "avsnitt 4.2"). Skriv enkelt och tydligt.',
  guidanceBilagor: 'Lista eventuella bilagor, en per rad. Lämna tomt om det inte finns några.',
  guidancePreview: 'Så här blir dokumentet. Gå tillbaka för att ändra, eller ladda ned utkastet.',
  guidanceAvstar: 'Organisationen avstår från att yttra sig. Ange gärna ett kort skäl.',
  blankLineHint: 'En tom rad börjar ett nytt stycke.',
  previewCut: '(förkortat i förhandsgranskningen; dokumentet innehåller hela texten)',
  errorRequired: 'Fyll i det här fältet.',
  errorTooLong: (max: number, actual: number) =>
    `Texten får vara högst ${max.toLocaleString('sv-SE')} tecken (nu ${actual.toLocaleString('sv-SE')}).`,
  errorEmail: 'Skriv en giltig e-postadress.',
  errorMeeting: 'Välj ett av sammanträdena i listan.',
  errorMissingSections: (names: string) => `Innan förhandsgranskningen behöver du fylla i: ${names}.`,
  errorInvalidSubmission: 'Formuläret skickade något jag inte kunde läsa. Försök igen.',
  noticeOlderCopy:
    'Formuläret hade ändrats sedan ditt kort visades (kanske från en annan enhet). Här är den senaste versionen. Det du skickade är sparat i utkastets historik.',
  noticeReadOnly: (owner: string) => `Bara ${owner} kan redigera det här svaret. Du ser en skrivskyddad version.`,
  noticeSaved: 'Sparat.',
  notAssigned: (owner: string) => `Remissen är tilldelad ${owner}. Bara handläggaren kan besvara den.`,
  openedInPersonalChat: 'Jag har öppnat svarsformuläret i vår enskilda chatt, så att du kan skriva i lugn och ro.',
  remissClosed: 'Remissen är redan avslutad och kan inte besvaras.',
  alreadyStartedAsOther: 'Det finns redan ett utkast av annat slag för den här remissen. Fortsätt med det.',
  linkExpiredTitle: 'Länken har gått ut',
  linkExpiredBody:
    'Länken till dokumentet gäller i 15 minuter. Gå tillbaka till Teams och tryck på "Ladda ned utkast" igen för att få en ny.',
  linkInvalidTitle: 'Länken fungerar inte',
  linkInvalidBody: 'Länken är ogiltig. Gå tillbaka till Teams och tryck på "Ladda ned utkast" för att få en ny.',
  historyApprovalRequested: (v: number, by: string, approver: string, hash: string) =>
    `Version ${v} skickad för godkännande av ${by} till ${approver} (kontrollsumma ${hash})`,
  historyApproved: (v: number, by: string, hash: string) => `Version ${v} godkänd av ${by} (kontrollsumma ${hash})`,
  historyChangesRequested: (v: number, by: string, comment: string) =>
    `${by} begärde ändringar i version ${v}: ${comment}`,
  sendForApproval: 'Skicka för godkännande',
  approvalComposeTitle: 'Skicka för godkännande',
  approvalComposeIntro:
    'Välj vem som ska godkänna svaret. Dokumentet låses som en version; du kan skicka en ny version om chefen begär ändringar.',
  labelApprover: 'Godkännare',
  labelApprovalMessage: 'Meddelande till godkännaren (valfritt)',
  send: 'Skicka',
  backToForm: 'Tillbaka till formuläret',
  errorApprover: 'Välj en godkännare.',
  awaitingApproval: (v: number, approver: string) =>
    `Version ${v} är skickad för godkännande till ${approver}. Du får besked här när beslutet är fattat.`,
  editingClosed: 'Svaret ligger hos godkännaren och kan inte ändras just nu.',
  approvalRequestTitle: (name: string) => `${name} ber dig godkänna ett remissvar`,
  approvalMessageLabel: 'Meddelande',
  downloadVersion: (v: number) => `Ladda ned version ${v}`,
  approve: 'Godkänn',
  requestChanges: 'Begär ändringar',
  labelChangeComment: 'Vad behöver ändras?',
  sendChangeRequest: 'Skicka begäran',
  errorCommentRequired: 'Skriv vad som behöver ändras.',
  decidedApproved: (by: string, at: string) => `Godkänd av ${by} den ${at}`,
  decidedChanges: (by: string, at: string) => `Ändringar begärda av ${by} den ${at}`,
  notTheApprover: 'Det är bara den utsedda godkännaren som kan fatta beslut om det här svaret. Ingenting har ändrats.',
  notLatestVersion: (v: number, latest: number) =>
    `Det här kortet gäller version ${v}, men den senaste versionen är ${latest}. Ingenting har ändrats.`,
  alreadyDecided: (text: string) => `Beslutet är redan fattat: ${text}. Ingenting har ändrats.`,
  toldApproved: (title: string, by: string) =>
    `Ditt svar på ”${title}” är godkänt av ${by}. Det är klart att diarieföras och skickas.`,
  toldChanges: (title: string, by: string, comment: string) =>
    `${by} vill att du ändrar svaret på ”${title}”: ${comment}`,
  changesRequestedNotice: (by: string, comment: string) => `${by} begärde ändringar: ${comment}`,
  filed: (title: string, docx: string, pdf: string) =>
    `Svaret på ”${title}” är arkiverat och klart att diarieföras och skickas. Word: ${docx} PDF: ${pdf}`,
  registratorHeading: 'Klart att diarieföra och skicka',
  notTheRegistrator:
    'Det är bara registratorn (eller registratorernas kanal) som kan markera svaret som registrerat. Ingenting har ändrats.',
  registeredButton: 'Registrerad och skickad',
  registeredBy: (by: string, at: string) => `Registrerad och skickad, markerat av ${by} den ${at}`,
  toldRegistered: (title: string, by: string) =>
    `Svaret på ”${title}” är registrerat och skickat (${by}). Remissen är besvarad.`,
  openWord: 'Öppna Word-filen',
  openPdf: 'Öppna PDF:en',
  digestTitle: (count: number, days: number) =>
    `Dina remisser: ${count} att besvara inom ${days} dagar eller försenade`,
  overviewTitle: (date: string) => `Remissöversikt ${date}`,
  overviewPart: (part: number, parts: number) => ` (del ${part} av ${parts})`,
  overviewSummary: (open: number, overdue: number, forApproval: number) =>
    `${open} öppna remisser, varav ${overdue} försenade och ${forApproval} för godkännande.`,
  overviewGroups: { overdue: 'Försenade', thisWeek: 'Denna vecka', later: 'Senare', forApproval: 'För godkännande' },
  overviewLine: (dnr: string, due: string, daysLeft: string, who: string) =>
    `${dnr} · svarsdatum ${due} (${daysLeft}) · ${who}`,
  overviewList: 'Visa alla remisser',
  reminderMeeting: (title: string, dnr: string, date: string) =>
    `Påminnelse: ”${title}” (${dnr}) ska vara klar till sammanträdet ${date}. Skriv ”besvara ${dnr}” för att fortsätta.`,
  reminderDue: (title: string, dnr: string, date: string) =>
    `Påminnelse: svarsdatum för ”${title}” (${dnr}) är ${date}. Skriv ”besvara ${dnr}” för att fortsätta.`,
  reminderApproval: (title: string, by: string, since: string) =>
    `Påminnelse: ${by} väntar sedan ${since} på ditt beslut om svaret på ”${title}”. Kortet med Godkänn och Begär ändringar finns längre upp i chatten.`,
  digestOff: 'Du får inte längre remissöversikten. Skriv ”prenumerera” om du vill ha den igen.',
  digestOn: 'Du får remissöversikten igen, varje arbetsdag när du har remisser att besvara.',
  digestDaily: 'Du får remissöversikten varje arbetsdag när du har remisser att besvara.',
  digestWeekly: 'Du får remissöversikten en gång i veckan, första arbetsdagen.',
  digestNeedsEmail: 'Jag kan inte se din e-postadress i Teams, så jag kan inte ändra din prenumeration. Kontakta IT.',
  openFiled: 'Öppna det arkiverade svaret',
  filedAs: (name: string) => `Arkiverat som ${name}.`,
  filedWithoutColumn: (title: string, column: string) =>
    `Svaret på ”${title}” är arkiverat, men dokumentbiblioteket saknar kolumnen ${column}, så filernas uppgifter (diarienummer, remittent, svarsdatum och status) är inte ifyllda. Be IT köra npm run sharepoint:setup, som skapar kolumnerna. Filerna behöver inte arkiveras om.`,
  filedWithoutMetadata: (title: string, code: string) =>
    `Svaret på ”${title}” är arkiverat, men SharePoint tog inte emot filernas uppgifter (diarienummer, remittent, svarsdatum och status), så de är inte ifyllda (felkod ${code}). Be IT kontrollera dokumentbibliotekets kolumner; fyll gärna i uppgifterna för hand. Filerna behöver inte arkiveras om.`,
  filingFailing: (title: string, code: string) =>
    `Svaret på ”${title}” är godkänt och sparat, men arkiveringen har inte lyckats ännu (felkod ${code}). Jag försöker igen automatiskt var 30:e minut och ingenting går förlorat. Om det inte ordnar sig i dag: be IT kontrollera Remissbots behörighet till SharePoint-webbplatsen och dokumentbiblioteket.`,
  approverUnreachable: (approver: string) =>
    `Jag når inte ${approver} i Teams ännu. Be ${approver} att öppna Remissbot en gång (skriv till exempel "hej"), så skickar jag begäran om godkännande direkt.`,
};

export type Messages = typeof sv;

const en: Messages = {
  welcomeTitle: 'Hi! I am Remissbot',
  welcomeBody:
    'I keep track of the remisser (consultation referrals) you need to answer: what is coming up, what is overdue and who has which. Ask me whenever you want to know what is due.',
  welcomeTry: 'Try typing:',
  helpTitle: 'What you can ask me',
  helpIntro: 'Press a button or ask in your own words.',
  notUnderstood: 'I did not quite get that. Here is what I can answer:',
  cmdDue: 'Which remisser are due?',
  cmdMine: 'My remisser',
  cmdOverdue: 'Overdue remisser',
  cmdThisWeek: 'Remisser this week',
  cmdAll: 'All remisser',
  cmdHelp: 'Help',
  cmdLanguage: 'Svenska',
  languageSet: 'I will answer in English from now on.',
  listTitleDue: 'Remisser to answer',
  listTitleAll: 'All open remisser',
  listTitleMine: 'My remisser',
  listTitleOverdue: 'Overdue remisser',
  listTitleThisWeek: (from: string, to: string) => `Remisser due this week (${from}–${to})`,
  listCount: (shown: number, total: number) =>
    total === 0
      ? ''
      : shown >= total
        ? `${total} ${total === 1 ? 'remiss' : 'remisser'}, nearest deadline first.`
        : `Showing ${shown} of ${total}, nearest deadline first.`,
  listEmpty: 'No open remisser here right now.',
  listEmptyMine: 'You have no open remisser assigned right now.',
  mineUnknownUser: 'I could not see your e-mail address in Teams, so I cannot tell which remisser are yours.',
  showMore: 'Show more',
  show: 'Show',
  back: 'Back to the list',
  fieldDnr: 'Reference',
  fieldRemittentDnr: "Remittent's reference",
  fieldTitle: 'Title',
  fieldRemittent: 'Remittent',
  fieldReceived: 'Received',
  fieldDueDate: 'Deadline',
  fieldMeeting: 'Meeting',
  fieldHandlaggare: 'Case officer',
  fieldVersion: 'Version',
  fieldApprover: 'Approver',
  fieldStatus: 'Status',
  noHandlaggare: 'No case officer',
  history: 'History',
  historyCreated: 'Registered',
  historyStatus: (from: string, to: string) => `Status changed from ${from} to ${to}`,
  historyDueDate: (from: string, to: string) => `Deadline changed from ${from} to ${to}`,
  historyUpdated: (fields: string) => `Updated: ${fields}`,
  nonWorkingWarning: (dayName: string, readyBy: string) =>
    `The deadline falls on ${dayName} (a non-working day). Have the answer ready by ${readyBy}.`,
  remissNotFound: 'I cannot find a remiss with that reference.',
  invalidAction: 'That card can no longer be used. Type "remisser" for a new list.',
  notServedHere: 'Remissbot is not used in your organisation or channel. Nothing was changed.',
  somethingWentWrong: 'Something went wrong on my side and your request was not carried out. Please try again shortly.',
  notAvailableHere: 'Remissbot is not available here.',
  answer: 'Answer',
  continueAt: (step: number, of: number) => `Continue (step ${step} of ${of})`,
  avsta: 'Decline to comment',
  stepLine: (step: number, of: number, title: string) => `Step ${step} of ${of}: ${title}`,
  previous: 'Previous',
  save: 'Save',
  next: 'Next',
  downloadDraft: 'Download draft',
  openDownload: 'Open the document',
  downloadReady: (file: string) => `The draft "${file}" is ready. The link is valid for 15 minutes.`,
  stepDetails: 'Details',
  stepPreview: 'Preview',
  stepAvstar: 'Decline to comment',
  labelName: "Case officer's name",
  labelEmail: "Case officer's e-mail",
  labelPhone: "Case officer's phone",
  labelMeeting: (internal: boolean) => (internal ? 'Meeting (internal deadline)' : 'Meeting'),
  noMeeting: 'No meeting chosen',
  labelAdjust: 'Approval of the minutes',
  titleAdjust: 'The decision is approved immediately (justeras omedelbart)',
  labelReason: 'Reason (optional)',
  labelSection: (title: string, optional: boolean) => (optional ? `${title} (optional)` : title),
  guidanceDetails:
    'Check your contact details and choose the meeting the answer goes to. They appear at the top of the document.',
  guidanceSammanfattning:
    'Start with your position in a sentence or two: support, oppose or no objections. Optional but recommended.',
  guidanceBakgrund:
    'Who remitted what, when, and by when the answer is due. The suggestion comes from the register; edit freely.',
  guidanceArendet: 'Describe briefly what the proposal means and who took part in preparing the answer.',
  guidanceAnalys:
    'Take a position on each proposal and refer to the sections of the remitted document (e.g. "section 4.2"). Write plainly.',
  guidanceBilagor: 'List any attachments, one per line. Leave empty if there are none.',
  guidancePreview: 'This is how the document will look. Go back to change it, or download the draft.',
  guidanceAvstar: 'The organisation declines to comment. A short reason is welcome.',
  blankLineHint: 'A blank line starts a new paragraph.',
  previewCut: '(shortened in the preview; the document has the full text)',
  errorRequired: 'Please fill in this field.',
  errorTooLong: (max: number, actual: number) =>
    `The text may be at most ${max.toLocaleString('en-GB')} characters (now ${actual.toLocaleString('en-GB')}).`,
  errorEmail: 'Enter a valid e-mail address.',
  errorMeeting: 'Choose one of the meetings in the list.',
  errorMissingSections: (names: string) => `Before the preview, please fill in: ${names}.`,
  errorInvalidSubmission: 'The form sent something I could not read. Please try again.',
  noticeOlderCopy:
    'The form had changed since your card was shown (perhaps on another device). Here is the latest version. What you sent is kept in the draft history.',
  noticeReadOnly: (owner: string) => `Only ${owner} can edit this answer. You are seeing a read-only version.`,
  noticeSaved: 'Saved.',
  notAssigned: (owner: string) => `The remiss is assigned to ${owner}. Only the case officer can answer it.`,
  openedInPersonalChat: 'I have opened the answer form in our one-to-one chat, so you can write in peace.',
  remissClosed: 'The remiss is already closed and cannot be answered.',
  alreadyStartedAsOther: 'A draft of another kind already exists for this remiss. Please continue that one.',
  linkExpiredTitle: 'The link has expired',
  linkExpiredBody:
    'Document links are valid for 15 minutes. Go back to Teams and press "Download draft" again for a new one.',
  linkInvalidTitle: 'The link does not work',
  linkInvalidBody: 'The link is not valid. Go back to Teams and press "Download draft" for a new one.',
  historyApprovalRequested: (v: number, by: string, approver: string, hash: string) =>
    `Version ${v} sent for approval by ${by} to ${approver} (checksum ${hash})`,
  historyApproved: (v: number, by: string, hash: string) => `Version ${v} approved by ${by} (checksum ${hash})`,
  historyChangesRequested: (v: number, by: string, comment: string) =>
    `${by} requested changes to version ${v}: ${comment}`,
  sendForApproval: 'Send for approval',
  approvalComposeTitle: 'Send for approval',
  approvalComposeIntro:
    'Choose who approves the answer. The document is locked as a version; you can send a new version if changes are requested.',
  labelApprover: 'Approver',
  labelApprovalMessage: 'Message to the approver (optional)',
  send: 'Send',
  backToForm: 'Back to the form',
  errorApprover: 'Choose an approver.',
  awaitingApproval: (v: number, approver: string) =>
    `Version ${v} has been sent for approval to ${approver}. You will hear here when it is decided.`,
  editingClosed: 'The answer is with the approver and cannot be changed right now.',
  approvalRequestTitle: (name: string) => `${name} asks you to approve an answer to a remiss`,
  approvalMessageLabel: 'Message',
  downloadVersion: (v: number) => `Download version ${v}`,
  approve: 'Approve',
  requestChanges: 'Request changes',
  labelChangeComment: 'What needs to change?',
  sendChangeRequest: 'Send request',
  errorCommentRequired: 'Write what needs to change.',
  decidedApproved: (by: string, at: string) => `Approved by ${by} on ${at}`,
  decidedChanges: (by: string, at: string) => `Changes requested by ${by} on ${at}`,
  notTheApprover: 'Only the chosen approver can decide on this answer. Nothing has changed.',
  notLatestVersion: (v: number, latest: number) =>
    `This card is for version ${v}, but the latest version is ${latest}. Nothing has changed.`,
  alreadyDecided: (text: string) => `The decision has already been made: ${text}. Nothing has changed.`,
  toldApproved: (title: string, by: string) =>
    `Your answer to “${title}” was approved by ${by}. It is ready to be registered and sent.`,
  toldChanges: (title: string, by: string, comment: string) =>
    `${by} asks you to change the answer to “${title}”: ${comment}`,
  changesRequestedNotice: (by: string, comment: string) => `${by} requested changes: ${comment}`,
  filed: (title: string, docx: string, pdf: string) =>
    `The answer to “${title}” is filed and ready to be registered and sent. Word: ${docx} PDF: ${pdf}`,
  registratorHeading: 'Ready to register and send',
  notTheRegistrator: 'Only the registrator (or their channel) can mark the answer as registered. Nothing has changed.',
  registeredButton: 'Registered and sent',
  registeredBy: (by: string, at: string) => `Registered and sent, marked by ${by} on ${at}`,
  toldRegistered: (title: string, by: string) =>
    `The answer to “${title}” has been registered and sent (${by}). The remiss is answered.`,
  openWord: 'Open the Word file',
  openPdf: 'Open the PDF',
  digestTitle: (count: number, days: number) => `Your remisser: ${count} due within ${days} days or overdue`,
  overviewTitle: (date: string) => `Remisser overview ${date}`,
  overviewPart: (part: number, parts: number) => ` (part ${part} of ${parts})`,
  overviewSummary: (open: number, overdue: number, forApproval: number) =>
    `${open} open remisser: ${overdue} overdue and ${forApproval} awaiting approval.`,
  overviewGroups: { overdue: 'Overdue', thisWeek: 'This week', later: 'Later', forApproval: 'Awaiting approval' },
  overviewLine: (dnr: string, due: string, daysLeft: string, who: string) =>
    `${dnr} · due ${due} (${daysLeft}) · ${who}`,
  overviewList: 'Show all remisser',
  reminderMeeting: (title: string, dnr: string, date: string) =>
    `Reminder: “${title}” (${dnr}) must be ready for the meeting on ${date}. Say “answer ${dnr}” to continue.`,
  reminderDue: (title: string, dnr: string, date: string) =>
    `Reminder: the answer to “${title}” (${dnr}) is due on ${date}. Say “answer ${dnr}” to continue.`,
  reminderApproval: (title: string, by: string, since: string) =>
    `Reminder: ${by} has been waiting since ${since} for your decision on the answer to “${title}”. The card with Approve and Request changes is further up in this chat.`,
  digestOff: 'You will no longer get the remisser digest. Say “subscribe” to get it again.',
  digestOn: 'You will get the remisser digest again, each working day you have remisser due.',
  digestDaily: 'You will get the remisser digest each working day you have remisser due.',
  digestWeekly: 'You will get the remisser digest once a week, on the first working day.',
  digestNeedsEmail:
    'I cannot see your e-mail address in Teams, so I cannot change your subscription. Please contact IT.',
  openFiled: 'Open the filed answer',
  filedAs: (name: string) => `Filed as ${name}.`,
  filedWithoutColumn: (title: string, column: string) =>
    `The answer to “${title}” is filed, but the document library has no column ${column}, so the files' details (reference number, remittent, reply date and status) are not filled in. Ask IT to run npm run sharepoint:setup, which creates the columns. The files need not be filed again.`,
  filedWithoutMetadata: (title: string, code: string) =>
    `The answer to “${title}” is filed, but SharePoint did not accept the files' details (reference number, remittent, reply date and status), so they are not filled in (error code ${code}). Ask IT to check the document library's columns; you may fill in the details by hand. The files need not be filed again.`,
  filingFailing: (title: string, code: string) =>
    `The answer to “${title}” is approved and saved, but filing it has not succeeded yet (error code ${code}). I will try again automatically every 30 minutes and nothing is lost. If it is not sorted out today, ask IT to check Remissbot's access to the SharePoint site and document library.`,
  approverUnreachable: (approver: string) =>
    `I cannot reach ${approver} in Teams yet. Ask ${approver} to open Remissbot once (say "hi", for example) and I will send the approval request straight away.`,
};

const tables: Record<Language, Messages> = { sv, en };

export function messages(language: Language): Messages {
  return tables[language];
}
