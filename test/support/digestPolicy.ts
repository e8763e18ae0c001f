/** The digest settings the tests use: the defaults of settings.ts. */
export const testDigestPolicy = {
  horizonDays: 14,
  handlingStopDays: 10,
  reminderDaysBeforeMeeting: 5,
  reminderDaysBeforeDue: 2,
  approvalReminderDays: 2,
};
