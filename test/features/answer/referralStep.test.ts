/**
 * The referral's part of a form step, pure (issue 21): a unit's position saved with the analysis step, the
 * preview refused without one (back to the analysis step), and the kansli's "Uppdatera med enheternas svar"
 * replacing only the text the form generated. Other remisser's steps are left as applyStep made them.
 */
import type { Draft } from '../../../src/domain/draft.js';
import { applyStep, newDraft } from '../../../src/features/answer/draftChanges.js';
import { formActionSchema } from '../../../src/features/answer/formInput.js';
import { formSteps } from '../../../src/features/answer/formSteps.js';
import { applyReferralStep } from '../../../src/features/answer/referralForm.js';
import { exampleAnswer, exampleOrganisation } from '../../support/answerFixtures.js';
import { remiss } from '../../support/remissFixtures.js';

const organisation = exampleOrganisation('forvaltning');
const steps = formSteps('answer', organisation, 'sv');
const at = { language: 'sv' as const, now: new Date('2026-11-24T10:00:00Z') };
const unitRemiss = remiss({ dnr: 'KS 1-SOF', dueDate: '2027-01-15', referredBy: { dnr: 'KS 1', organisation: 'k' } });
const asker = { teamsUserId: '29:anna', name: 'Anna', email: 'anna@stad.se' };

function draftAt(step: number, over: Partial<Draft> = {}): Draft {
  const draft = newDraft(organisation, unitRemiss, asker, 'answer', undefined, at.now);
  return { ...draft, answer: exampleAnswer('forvaltning'), step, ...over };
}
function applied(loaded: { remiss: typeof unitRemiss; draft: Draft }, data: Record<string, unknown>) {
  const action = formActionSchema.parse({ dnr: loaded.remiss.dnr, revision: loaded.draft.revision, ...data });
  const step = applyStep(organisation, { ...loaded, eTag: 'e' }, action, data, at);
  const suggestion = { arendet: 'Ärendet har remitterats till A och B.', bilagor: 'Bilaga 1. A:s yttrande' };
  return applyReferralStep(step, loaded, action, data, steps, suggestion);
}

test("a unit's position is saved with the analysis step; without one the preview leads back to that step", () => {
  const loaded = { remiss: unitRemiss, draft: draftAt(5) };
  const chosen = applied(loaded, { step: 5, nav: 'next', text: 'Synpunkter.', position: 'avstyrker' });
  expect('draft' in chosen && [chosen.draft.step, chosen.draft.answer.details.position]).toEqual([6, 'avstyrker']);

  const none = applied({ remiss: unitRemiss, draft: draftAt(6) }, { step: 6, nav: 'next', text: '' });
  expect('draft' in none && [none.draft.step, none.positionMissing]).toEqual([5, true]);
  // A forged position does not get past the card's schema.
  expect(formActionSchema.safeParse({ dnr: 'KS 1-SOF', revision: 0, step: 5, position: 'kanske' }).success).toBe(false);
  // The kansli's own remiss (not sent to it) reaches the preview without one.
  const own = { ...unitRemiss, referredBy: undefined };
  const other = applied({ remiss: own, draft: draftAt(6) }, { step: 6, nav: 'next', text: '' });
  expect('draft' in other && [other.draft.step, other.positionMissing]).toEqual([7, undefined]);
});

test('"Uppdatera med enheternas svar" replaces the generated text in what was typed, and remembers the new one', () => {
  const kansli = remiss({ dnr: 'KS 1', dueDate: '2027-02-15' });
  const draft = draftAt(4, { referralText: { arendet: 'Ärendet har remitterats till A.', bilagor: '' } });
  const typed = 'Egen inledning.\n\nÄrendet har remitterats till A.';
  const updated = applied({ remiss: kansli, draft }, { step: 4, nav: 'save', text: typed, referral: 'arendet' });
  expect('draft' in updated && updated.draft.answer.kind === 'answer' && updated.draft.answer.sections.arendet).toBe(
    'Egen inledning.\n\nÄrendet har remitterats till A och B.',
  );
  expect('draft' in updated && updated.draft.referralText).toEqual({
    arendet: 'Ärendet har remitterats till A och B.',
    bilagor: '',
  });
  // Named for another step than the one saved: nothing but the step's own text changes.
  const elsewhere = applied({ remiss: kansli, draft }, { step: 4, nav: 'save', text: typed, referral: 'bilagor' });
  expect(
    'draft' in elsewhere && elsewhere.draft.answer.kind === 'answer' && elsewhere.draft.answer.sections.arendet,
  ).toBe(typed);
});
