/**
 * The texts of sending for approval, the approver's card and decisions, in Swedish and English.
 */
export const sv = {
  fieldVersion: 'Version',
  approvalComposeTitle: 'Skicka för godkännande',
  approvalComposeIntro:
    'Välj vem som ska godkänna svaret. När du skickar låses dokumentet. Om godkännaren begär ändringar kan du ' +
    'skicka en ny version.',
  awaitingApprovalTitle: 'Väntar på godkännande',
  sentForApprovalTitle: 'Skickat för godkännande',
  labelApprover: 'Godkännare',
  labelApprovalMessage: 'Meddelande till godkännaren (valfritt)',
  backToForm: 'Tillbaka till formuläret',
  awaitingApproval: (v: number, approver: string) =>
    `Version ${v} har skickats till ${approver} för godkännande. Du får besked här när beslutet är fattat.`,
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
  fieldPhone: 'Telefon',
  undo: 'Ångra',
  undoHint: (until: string) => `Du kan ångra beslutet till ${until}.`,
  undoExpired: 'Beslutet kan inte längre ångras. Ingenting har ändrats.',
  toldUndone: (title: string, by: string) => `${by} ångrade beslutet om ”${title}”. Svaret väntar på godkännande igen.`,
  showFullAnswer: 'Visa hela svaret',
  fullAnswerCut: 'Resten av svaret får inte plats på kortet. Ladda ned versionen för att läsa allt.',
};

export const en: typeof sv = {
  fieldVersion: 'Version',
  approvalComposeTitle: 'Send for approval',
  approvalComposeIntro:
    'Choose who approves the answer. The document is locked as a version; you can send a new version if changes are ' +
    'requested.',
  awaitingApprovalTitle: 'Waiting for approval',
  sentForApprovalTitle: 'Sent for approval',
  labelApprover: 'Approver',
  labelApprovalMessage: 'Message to the approver (optional)',
  backToForm: 'Back to the form',
  awaitingApproval: (v: number, approver: string) =>
    `Version ${v} has been sent for approval to ${approver}. You will hear here when it is decided.`,
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
  fieldPhone: 'Phone',
  undo: 'Undo',
  undoHint: (until: string) => `You can undo the decision until ${until}.`,
  undoExpired: 'The decision can no longer be undone. Nothing has changed.',
  toldUndone: (title: string, by: string) =>
    `${by} undid the decision on “${title}”. The answer is waiting for approval again.`,
  showFullAnswer: 'Show the whole answer',
  fullAnswerCut: 'The rest of the answer does not fit on the card. Download the version to read all of it.',
};
