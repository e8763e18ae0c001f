/**
 * The texts of the guided answer form, its steps and notices, in Swedish and English.
 */
export const sv = {
  stepLine: (step: number, of: number, title: string) => `Steg ${step} av ${of}: ${title}`,
  previous: 'Föregående',
  downloadDraft: 'Ladda ned utkast',
  openDownload: 'Öppna dokumentet',
  downloadReady: (file: string) => `Utkastet ”${file}” är klart. Länken gäller i 15 minuter.`,
  stepDetails: 'Kontaktuppgifter och sammanträde',
  stepPreview: 'Förhandsgranskning',
  stepAvstar: 'Avstå från yttrande',
  labelName: 'Handläggarens namn',
  labelEmail: 'Handläggarens e-post',
  labelPhone: 'Handläggarens telefon',
  labelMeeting: (internal: boolean): string => (internal ? 'Nämndens sammanträde' : 'Styrelsens sammanträde'),
  noMeeting: 'Inget sammanträde (beslut på delegation)',
  labelAdjust: 'Omedelbar justering',
  titleAdjust: 'Paragrafen justeras omedelbart',
  labelReason: 'Skäl (valfritt)',
  labelSection: (title: string, optional: boolean): string => (optional ? `${title} (valfritt)` : title),
  guidanceDetails:
    'Kontrollera dina kontaktuppgifter och välj vid vilket sammanträde ärendet ska behandlas. Uppgifterna står ' +
    'överst i dokumentet.',
  guidanceSammanfattning:
    'Skriv er ståndpunkt i ett par meningar, till exempel att ni tillstyrker, avstyrker eller inte har något att ' +
    'invända mot förslaget. Avsnittet är frivilligt men rekommenderas.',
  guidanceBakgrund:
    'Vem som har remitterat vad och när, och när svaret ska vara inne. Texten nedan är hämtad från registret och du ' +
    'kan ändra den.',
  guidanceArendet: 'Beskriv kort vad förslaget innebär och vilka som har medverkat i beredningen.',
  guidanceAnalys:
    'Ta ställning till varje förslag och hänvisa till avsnitten i det remitterade dokumentet (t.ex. ”avsnitt 4.2”). ' +
    'Skriv enkelt och tydligt.',
  guidanceBilagor: 'Lista eventuella bilagor, en per rad. Lämna tomt om det inte finns några.',
  guidancePreview:
    'Så här kommer dokumentet att se ut. Gå tillbaka om du vill ändra något. När du är klar skickar du svaret för ' +
    'godkännande.',
  guidanceAvstar: 'Svaret blir att ni avstår från att yttra er över remissen. Skriv gärna ett kort skäl.',
  blankLineHint: 'Lämna en tom rad mellan styckena.',
  previewCut: '(förkortat i förhandsgranskningen; dokumentet innehåller hela texten)',
  checkForeignWords: (words: string, kind: string) =>
    `Texten innehåller ${words}, som hör till en annan sorts organisation än ${kind}. Kontrollera att texten ` +
    `inte är kopierad från ett annat svar.`,
  checkOldYears: (years: string, received: string) =>
    `Bakgrunden nämner ${years}, före ${received} då remissen kom in. Kontrollera att texten gäller den här ` +
    `remissen.`,
  organisationKinds: { bolag: 'ett bolag', forvaltning: 'en förvaltning', kontor: 'ett kontor' },
  errorRequired: 'Fyll i det här fältet.',
  errorTooLong: (max: number, actual: number) =>
    `Texten får vara högst ${max.toLocaleString('sv-SE')} tecken (nu ${actual.toLocaleString('sv-SE')}).`,
  errorEmail: 'Skriv en giltig e-postadress.',
  errorMeeting: 'Välj ett av sammanträdena i listan.',
  errorMissingSections: (names: string) => `Innan förhandsgranskningen behöver du fylla i: ${names}.`,
  noticeOlderCopy:
    'Svaret har ändrats på en annan enhet sedan du öppnade formuläret. Du ser nu den senaste versionen. Din ändring ' +
    'har sparats separat men inte förts in.',
  noticeReadOnly: (owner: string) => `Bara ${owner} kan redigera det här svaret. Du ser en skrivskyddad version.`,
  noticeSaved: 'Sparat.',
  notAssigned: (owner: string) => `Remissen är fördelad till ${owner}. Bara handläggaren kan besvara den.`,
  openedInPersonalChat: 'Jag har öppnat svarsformuläret i din chatt med Remissbot.',
  sendForApproval: 'Skicka för godkännande',
  changesRequestedNotice: (by: string, comment: string) => `${by} begärde ändringar: ${comment}`,
  readOnlyHeader: (owner: string) => `${owner} skriver det här svaret`,
  requiredSection: 'Det här avsnittet ska fyllas i innan svaret kan förhandsgranskas och skickas.',
  leftEmptyWarning: (title: string) =>
    `${title} är tomt men ska fyllas i innan förhandsgranskningen. Du kan skriva det nu eller senare.`,
  continueAnyway: 'Fortsätt ändå',
  stepListLabel: 'Gå till steg:',
  switchToAnswer: 'Byt till fullständigt svar',
  discardDraft: 'Ta bort utkastet',
  draftDiscarded: 'Utkastet är borttaget. Du kan börja om med ”Besvara” eller ”Avstå” i listan.',
  switchedToAnswer: 'Nu skriver du ett fullständigt svar. Skälet du skrev ligger kvar som sammanfattning.',
  dialogTitle: 'Skriv svaret',
  dialogOpen: 'Skriv i stort fönster',
  dialogIntro: 'Alla avsnitt på en sida. Spara när du är klar; formuläret i chatten visar det du skrev.',
  dialogRequired: '(ska fyllas i)',
  dialogSave: 'Spara och stäng',
  dialogSaved: 'Sparat. Formuläret i chatten visar det du skrev.',
  // Remittering vidare (issue 21): a unit's answer goes back to the kansli; the kansli's answer cites its units.
  formReferredIntro: (kansli: string) =>
    `${kansli} har skickat remissen vidare till er. När ert svar är godkänt och sparat i dokumentbiblioteket går ` +
    `det tillbaka till ${kansli}.`,
  formReferredMessage: (kansli: string) => `Meddelande från ${kansli}:`,
  formPositionLabel: 'Ert ställningstagande i ett ord',
  formPositionHint: (kansli: string) => `${kansli} får ert ställningstagande tillsammans med svaret.`,
  formPositionMissing: (kansli: string) =>
    `Välj ert ställningstagande (tillstyrker, avstyrker eller har synpunkter) innan förhandsgranskningen. ` +
    `${kansli} får det tillsammans med svaret.`,
  positionMissing:
    'Svaret kan inte skickas för godkännande förrän ert ställningstagande är valt (tillstyrker, avstyrker eller ' +
    'har synpunkter). Välj det i svarsformulärets steg med era synpunkter.',
  formPreviewPosition: (kansli: string, position: string) => `Ert ställningstagande till ${kansli}: ${position}`,
  unitPositionLabels: {
    tillstyrker: 'tillstyrker',
    avstyrker: 'avstyrker',
    synpunkter: 'har synpunkter',
    avstar: 'avstår',
  },
  unitStateLabels: {
    notStarted: 'inte påbörjat',
    inProgress: 'pågår',
    awaitingApproval: 'väntar på godkännande',
    answered: 'besvarad',
    avstatt: 'avstår',
    late: 'försenad',
  },
  formUnitsHeading: 'Enheternas svar',
  formUnitRow: (name: string, status: string) => `${name}: ${status}`,
  formUnitAwaited: (state: string, date: string) => `${state}, svarsdatum ${date}`,
  formOpenUnitAnswer: (name: string) => `Öppna svaret från ${name}`,
  formAnswersMissing: (units: string) => `Svar saknas från ${units}.`,
  formMissingUnit: (name: string, date: string) => `${name} (svarsdatum ${date})`,
  formReferralChanged:
    'Enheternas svar har ändrats sedan texten om dem fylldes i. ”Uppdatera med enheternas svar” byter ut den ' +
    'texten mot förslaget nedan och behåller allt annat du har skrivit.',
  formReferralUpdate: 'Uppdatera med enheternas svar',
  formReferralUpdated: 'Uppdaterat med enheternas svar. Det du själv skrev ligger kvar.',
};

export const en: typeof sv = {
  stepLine: (step: number, of: number, title: string) => `Step ${step} of ${of}: ${title}`,
  previous: 'Previous',
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
  titleAdjust: 'The minutes are approved immediately (omedelbar justering)',
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
    'Take a position on each proposal and refer to the sections of the remitted document (e.g. "section 4.2"). ' +
    'Write plainly.',
  guidanceBilagor: 'List any attachments, one per line. Leave empty if there are none.',
  guidancePreview: 'This is how the document will look. Go back to change it, or download the draft.',
  guidanceAvstar: 'The organisation declines to comment. A short reason is welcome.',
  blankLineHint: 'A blank line starts a new paragraph.',
  previewCut: '(shortened in the preview; the document has the full text)',
  checkForeignWords: (words: string, kind: string) =>
    `The text contains ${words}, which belong to another kind of organisation than ${kind}. Check that it was ` +
    `not copied from another answer.`,
  checkOldYears: (years: string, received: string) =>
    `The background mentions ${years}, before ${received} when the remiss came in. Check that the text is about ` +
    `this remiss.`,
  organisationKinds: { bolag: 'a company', forvaltning: 'an administration', kontor: 'an office' },
  errorRequired: 'Please fill in this field.',
  errorTooLong: (max: number, actual: number) =>
    `The text may be at most ${max.toLocaleString('en-GB')} characters (now ${actual.toLocaleString('en-GB')}).`,
  errorEmail: 'Enter a valid e-mail address.',
  errorMeeting: 'Choose one of the meetings in the list.',
  errorMissingSections: (names: string) => `Before the preview, please fill in: ${names}.`,
  noticeOlderCopy:
    'The form had changed since your card was shown (perhaps on another device). Here is the latest version. What ' +
    'you sent is kept in the draft history.',
  noticeReadOnly: (owner: string) => `Only ${owner} can edit this answer. You are seeing a read-only version.`,
  noticeSaved: 'Saved.',
  notAssigned: (owner: string) => `The remiss is assigned to ${owner}. Only the case officer can answer it.`,
  openedInPersonalChat: 'I have opened the answer form in our one-to-one chat, so you can write in peace.',
  sendForApproval: 'Send for approval',
  changesRequestedNotice: (by: string, comment: string) => `${by} requested changes: ${comment}`,
  readOnlyHeader: (owner: string) => `${owner} is writing this answer`,
  requiredSection: 'This section must be filled in before the answer can be previewed and sent.',
  leftEmptyWarning: (title: string) =>
    `${title} is empty but must be filled in before the preview. You can write it now or later.`,
  continueAnyway: 'Continue anyway',
  stepListLabel: 'Go to step:',
  switchToAnswer: 'Switch to a full answer',
  discardDraft: 'Delete the draft',
  draftDiscarded: 'The draft is deleted. You can start again with "Answer" or "Decline" in the list.',
  switchedToAnswer: 'You are now writing a full answer. The reason you wrote is kept as the summary.',
  dialogTitle: 'Write the answer',
  dialogOpen: 'Write in a large window',
  dialogIntro: 'Every section on one page. Save when you are done; the form in the chat shows what you wrote.',
  dialogRequired: '(required)',
  dialogSave: 'Save and close',
  dialogSaved: 'Saved. The form in the chat shows what you wrote.',
  formReferredIntro: (kansli: string) =>
    `${kansli} has sent this remiss on to you. Once your answer is approved and saved in the document library, it ` +
    `goes back to ${kansli}.`,
  formReferredMessage: (kansli: string) => `Message from ${kansli}:`,
  formPositionLabel: 'Your position in one word',
  formPositionHint: (kansli: string) => `${kansli} receives your position together with the answer.`,
  formPositionMissing: (kansli: string) =>
    `Choose your position (support, oppose or comments) before the preview. ${kansli} receives it with the answer.`,
  positionMissing:
    'The answer cannot be sent for approval until your position is chosen (support, oppose or comments). Choose ' +
    'it on the answer form, in the step with your comments.',
  formPreviewPosition: (kansli: string, position: string) => `Your position for ${kansli}: ${position}`,
  unitPositionLabels: {
    tillstyrker: 'supports',
    avstyrker: 'opposes',
    synpunkter: 'has comments',
    avstar: 'declines to comment',
  },
  unitStateLabels: {
    notStarted: 'not started',
    inProgress: 'in progress',
    awaitingApproval: 'awaiting approval',
    answered: 'answered',
    avstatt: 'declines to comment',
    late: 'late',
  },
  formUnitsHeading: "The units' answers",
  formUnitRow: (name: string, status: string) => `${name}: ${status}`,
  formUnitAwaited: (state: string, date: string) => `${state}, due ${date}`,
  formOpenUnitAnswer: (name: string) => `Open the answer from ${name}`,
  formAnswersMissing: (units: string) => `No answer yet from ${units}.`,
  formMissingUnit: (name: string, date: string) => `${name} (due ${date})`,
  formReferralChanged:
    'The units\' answers have changed since this text about them was filled in. "Update with the units\' answers" ' +
    'replaces that text with the suggestion below and keeps everything else you wrote.',
  formReferralUpdate: "Update with the units' answers",
  formReferralUpdated: "Updated with the units' answers. What you wrote yourself is kept.",
};
