/**
 * The answer's state changes, free of cards and Teams: a draft started (or the existing one opened), a step
 * saved as a new revision, where the form card lives, the handläggare's phone kept, the document made for a
 * download. Results and refusal codes go back to the routes (answerRoutes.ts), which choose the card.
 */
import type { Answer, SectionKey } from '../../domain/answer.js';
import { remissvarFileName } from '../../domain/documents/remissvarModel.js';
import { buildRemissvarDocx } from '../../domain/documents/remissvarDocx.js';
import { isDraftOwner } from '../../domain/draft.js';
import type { Language } from '../../domain/language.js';
import type { Access, OrganisationDirectory } from '../../domain/organisations.js';
import { isAssignedTo, isOpen } from '../../domain/remiss.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { changeStatus } from '../../register/statusChanges.js';
import { retryOnConflict, writeUnlessRaced } from '../../storage/conditionalUpdate.js';
import type { RecordStore } from '../../storage/store.js';
import type { Asker, PostedCard } from '../featureContext.js';
import {
  applySections,
  applyStep,
  asFullAnswer,
  documentDate,
  isLocked,
  newDraft,
  submission,
  submittedFields,
  type Loaded,
} from './draftChanges.js';
import type { DownloadLinks } from './downloadLinks.js';
import type { DraftRepository } from './draftRepository.js';
import type { FieldErrors, FormAction } from './formInput.js';
import { formSteps } from './formSteps.js';
import { answerKeys } from './index.js';
import { ReferralForm, type StepApplied } from './referralForm.js';

export type { Loaded };

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Where the form card lives is written again on fresh data this many times before it is given up. */
const FORM_CARD_ATTEMPTS = 5;

/** What the bot remembers of a handläggare between answers: the phone number of their signature. */
export interface UserProfile {
  schemaVersion: 1;
  phone: string;
}

export function profileKey(asker: Asker): string {
  return answerKeys.profile(asker.aadObjectId ?? asker.teamsUserId);
}

export interface AnswerWorkflowDependencies {
  organisations: OrganisationDirectory;
  register: RemissRepository;
  drafts: DraftRepository;
  store: RecordStore;
  downloads: DownloadLinks;
}

export type StartOutcome =
  | { started: Loaded }
  | { refused: 'REMISS_NOT_FOUND' | 'REMISS_CLOSED' }
  /** Unassigned, in an organisation where the asker does not answer remisser. */
  | { refused: 'OTHER_ORGANISATION' }
  /** Assigned to someone else: `assigned` names them. */
  | { refused: 'NOT_ASSIGNED'; assigned: string }
  /** Someone else's draft: it may be seen, not changed. */
  | { refused: 'NOT_DRAFT_OWNER'; loaded: Loaded };

export type LoadOutcome = Loaded | { refused: 'REMISS_NOT_FOUND' | 'DRAFT_NOT_FOUND' };

export type SaveOutcome =
  | { refused: 'REMISS_NOT_FOUND' | 'DRAFT_NOT_FOUND' }
  | { refused: 'NOT_DRAFT_OWNER'; loaded: Loaded }
  /** Sent for approval (or approved): nothing is changed until changes are requested. */
  | { locked: Loaded }
  /** Saved from an older copy of the form, or lost the race: kept in the history only; the newest draft. */
  | { stale: Loaded }
  /** The inputs did not parse: nothing stored; the errors and what was typed. */
  | { invalid: Loaded; errors: FieldErrors; typed: Record<string, string> }
  /**
   * Saved; `missing` names the required sections that kept it from the preview, `leftEmpty` the required
   * section the user was about to leave empty (the step stays, and "Fortsätt ändå" is offered).
   */
  | { saved: Loaded; missing: SectionKey[]; leftEmpty?: SectionKey; positionMissing?: boolean };

/** Changes to a whole draft (switching an Avstår to a full answer, removing it): the same guards as a save. */
export type DraftChangeOutcome = Exclude<SaveOutcome, { invalid: Loaded } | { saved: Loaded }> | { changed: Loaded };

export class AnswerWorkflow {
  /** Remisser sent on by the kansli, and the kansli's own: the unit's position, the units' answers (issue 21). */
  readonly referral: ReferralForm;

  constructor(private readonly deps: AnswerWorkflowDependencies) {
    this.referral = new ReferralForm(deps.organisations, deps.register);
  }

  /** "Fortsätt (steg N av M)" for the due list, when a draft exists. */
  async progress(dnr: string): Promise<{ step: number; total: number } | undefined> {
    const draft = (await this.deps.drafts.get(dnr))?.value;
    if (!draft) return undefined;
    // The number of steps is the same for every organisation.
    const anyOrganisation = this.deps.organisations.defaultOrganisation;
    return { step: draft.step, total: formSteps(draft.answer.kind, anyOrganisation, 'sv').length };
  }

  async load(dnr: string): Promise<LoadOutcome> {
    const [found, draft] = await Promise.all([this.deps.register.get(dnr), this.deps.drafts.get(dnr)]);
    if (!found) return { refused: 'REMISS_NOT_FOUND' };
    if (!draft) return { refused: 'DRAFT_NOT_FOUND' };
    return { remiss: found.remiss, draft: draft.value, eTag: draft.eTag };
  }

  /**
   * Opens the draft of `dnr`, or starts it for the asker (who is looked up only when needed): the remiss must
   * be open, and assigned to the asker or to no one in an organisation where they answer remisser. A started
   * answer moves the remiss to Pågår.
   */
  async start(
    dnr: string,
    kind: Answer['kind'],
    asker: () => Promise<Asker>,
    access: () => Promise<Access>,
    now: Date,
  ): Promise<StartOutcome> {
    let created: Asker | undefined;
    // Another click that created the draft first wins; the next attempt opens that draft.
    const outcome = await retryOnConflict(async (): Promise<StartOutcome> => {
      const found = await this.deps.register.get(dnr);
      if (!found) return { refused: 'REMISS_NOT_FOUND' };
      const who = await asker();
      const existing = await this.deps.drafts.get(dnr);
      if (existing) {
        const loaded = { remiss: found.remiss, draft: existing.value, eTag: existing.eTag };
        return isDraftOwner(existing.value, who) ? { started: loaded } : { refused: 'NOT_DRAFT_OWNER', loaded };
      }
      if (!isOpen(found.remiss.status)) return { refused: 'REMISS_CLOSED' };
      const assigned = found.remiss.handlaggare;
      if (assigned && !isAssignedTo(found.remiss, who))
        return { refused: 'NOT_ASSIGNED', assigned: assigned.name ?? assigned.email };
      if (!assigned && !(await access()).mayTake(found.remiss)) return { refused: 'OTHER_ORGANISATION' };
      const profile = await this.deps.store.get<UserProfile>(profileKey(who));
      const organisation = this.deps.organisations.of(found.remiss);
      const draft = this.referral.prefill(
        newDraft(organisation, found.remiss, who, kind, profile?.value.phone, now),
        found.remiss,
      );
      const eTag = await this.deps.drafts.create(draft);
      created = who;
      return { started: { remiss: found.remiss, draft, eTag } };
    });
    // Never backwards: a remiss already further on keeps its status.
    if (created)
      await changeStatus(this.deps.register, dnr, 'Pågår', {
        at: now.toISOString(),
        by: created.email ?? created.teamsUserId,
        forwardOnly: true,
      });
    return outcome;
  }

  /**
   * Saves one step from the form card's data: by the draft's owner only, on the revision the card showed.
   * Every submission that reaches the draft is kept in its history first, applied or not.
   */
  async save(
    action: FormAction,
    data: unknown,
    asker: Asker,
    at: { language: Language; now: Date },
  ): Promise<SaveOutcome> {
    return this.submit(action, data, asker, at, (loaded) => {
      const applied = applyStep(this.deps.organisations.of(loaded.remiss), loaded, action, data, at);
      return this.referral.apply(applied, loaded, action, data, at.language);
    });
  }

  /** Saves every section at once, from the writing dialog: the same owner, lock and revision rules as a step. */
  async saveSections(
    action: { dnr: string; revision: number },
    data: unknown,
    asker: Asker,
    at: { language: Language; now: Date },
  ): Promise<SaveOutcome> {
    const loaded = await this.load(action.dnr);
    const step = 'refused' in loaded ? 1 : loaded.draft.step;
    return this.submit({ ...action, step, nav: 'save' }, data, asker, at, (l) => applySections(l, data, at));
  }

  /** The guards, the history and the conditional write that every change from a card or dialog goes through. */
  private async submit(
    action: FormAction,
    data: unknown,
    asker: Asker,
    at: { language: Language; now: Date },
    apply: (loaded: Loaded) => StepApplied,
  ): Promise<SaveOutcome> {
    const loaded = await this.load(action.dnr);
    if ('refused' in loaded) return loaded;
    if (!isDraftOwner(loaded.draft, asker)) return { refused: 'NOT_DRAFT_OWNER', loaded };
    if (isLocked(loaded.draft)) return { locked: loaded };
    const fields = submittedFields(data);
    if (action.revision !== loaded.draft.revision) {
      await this.deps.drafts.recordSubmission(submission(at.now, action, asker, fields, false));
      return { stale: loaded };
    }
    const applied = apply(loaded);
    if ('errors' in applied) return { invalid: loaded, errors: applied.errors, typed: fields };

    await this.deps.drafts.recordSubmission(submission(at.now, action, asker, fields, true));
    let eTag = '';
    const stepChanged = applied.draft.step !== loaded.draft.step;
    const written = await writeUnlessRaced(
      async () => (eTag = await this.deps.drafts.replace(applied.draft, loaded.eTag, { stepChanged })),
    );
    if (!written) {
      // Another save won the race: this one is kept in the history, and the newest version is shown.
      const newest = await this.load(action.dnr);
      return 'refused' in newest ? newest : { stale: newest };
    }
    const phone = applied.draft.answer.details.handlaggarePhone;
    if (action.step === 1 && phone)
      await this.deps.store.put<UserProfile>(profileKey(asker), { schemaVersion: 1, phone });
    const saved = { remiss: loaded.remiss, draft: applied.draft, eTag };
    return { saved, missing: applied.missing, leftEmpty: applied.leftEmpty, positionMissing: applied.positionMissing };
  }

  /** "Byt till fullständigt svar": an Avstår draft becomes a full answer at step 1. */
  async switchToAnswer(action: FormAction, asker: Asker, now: Date): Promise<DraftChangeOutcome> {
    return this.changeDraft(action, asker, async (loaded) => {
      const full = asFullAnswer(this.deps.organisations.of(loaded.remiss), loaded.remiss, loaded.draft, now);
      const draft = this.referral.prefill(full, loaded.remiss);
      const eTag = await this.deps.drafts.replace(draft, loaded.eTag, { stepChanged: true });
      return { ...loaded, draft, eTag };
    });
  }

  /** "Ta bort utkastet": the head goes (the history stays), so that "Besvara" starts afresh. */
  async discard(action: FormAction, asker: Asker, now: Date): Promise<DraftChangeOutcome> {
    return this.changeDraft(action, asker, async (loaded) =>
      (await this.deps.drafts.remove(loaded.draft, loaded.eTag, now)) ? loaded : undefined,
    );
  }

  private async changeDraft(
    action: FormAction,
    asker: Asker,
    change: (loaded: Loaded) => Promise<Loaded | undefined>,
  ): Promise<DraftChangeOutcome> {
    const loaded = await this.load(action.dnr);
    if ('refused' in loaded) return loaded;
    if (!isDraftOwner(loaded.draft, asker)) return { refused: 'NOT_DRAFT_OWNER', loaded };
    if (isLocked(loaded.draft)) return { locked: loaded };
    if (action.revision !== loaded.draft.revision) return { stale: loaded };
    let changed: Loaded | undefined;
    const written = await writeUnlessRaced(async () => {
      changed = await change(loaded);
    });
    if (written && changed) return { changed };
    const newest = await this.load(action.dnr);
    return 'refused' in newest ? newest : { stale: newest };
  }

  /** Remembers where the form card lives, so later saves can update it there. */
  async rememberFormCard(loaded: Loaded, where: PostedCard): Promise<void> {
    await retryOnConflict(
      async (attempt) => {
        if (attempt > 1) {
          const fresh = await this.deps.drafts.get(loaded.draft.dnr);
          if (!fresh) return;
          loaded.draft = fresh.value;
          loaded.eTag = fresh.eTag;
        }
        const draft = { ...loaded.draft, formMessage: where };
        loaded.eTag = await this.deps.drafts.replace(draft, loaded.eTag, { stepChanged: false });
        loaded.draft = draft;
      },
      { attempts: FORM_CARD_ATTEMPTS, exhausted: () => undefined },
    );
  }

  /** The draft as a Word document behind a short-lived link. */
  async download(loaded: Loaded, now: Date): Promise<{ fileName: string; url: string }> {
    const bytes = await buildRemissvarDocx({
      organisation: this.deps.organisations.of(loaded.remiss),
      remiss: loaded.remiss,
      answer: loaded.draft.answer,
      documentDate: documentDate(loaded.draft, now),
    });
    const fileName = remissvarFileName(loaded.remiss.dnr, loaded.remiss.title);
    return { fileName, url: await this.deps.downloads.create(bytes, fileName, DOCX_TYPE, now) };
  }
}
