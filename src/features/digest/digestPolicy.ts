/** The digest's and reminders' days, from the settings (see the README's table). */
import type { Settings } from '../../config/settings.js';
import type { DigestPolicy } from '../../domain/digest.js';

export function digestPolicyOf(settings: Settings): DigestPolicy {
  return {
    horizonDays: settings.DIGEST_HORIZON_DAYS,
    handlingStopDays: settings.MEETING_HANDLING_STOP_DAYS,
    reminderDaysBeforeMeeting: settings.REMINDER_DAYS_BEFORE_MEETING,
    reminderDaysBeforeDue: settings.REMINDER_DAYS_BEFORE_DUE,
    approvalReminderDays: settings.APPROVAL_REMINDER_DAYS,
  };
}
