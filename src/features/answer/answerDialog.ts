/**
 * The writing dialog (a Teams task module): every section of the answer on one scrollable page with large
 * fields, opened from the form's section steps. It returns plain data (src/bot turns it into the task
 * response); saving goes through the workflow's revision and owner checks like a step of the form.
 */
import { z } from 'zod';
import { OPTIONAL_SECTIONS, SECTION_KEYS } from '../../domain/answer.js';
import { isDraftOwner } from '../../domain/draft.js';
import type { Organisation } from '../../domain/organisation.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import { messages } from '../../i18n/messages.js';
import { renderCard } from '../../cards/cardTemplates.js';
import { dnrSchema } from '../cardData.js';
import type { Language } from '../../domain/language.js';
import type { AdaptiveCard, FeatureContext } from '../featureContext.js';
import type { DialogHandler, DialogResponse } from '../featureModule.js';
import type { AnswerWorkflow, Loaded } from './answerWorkflow.js';
import type { FieldErrors } from './formInput.js';
import { formSteps, sectionTitle } from './formSteps.js';
import { isLocked } from './draftChanges.js';
import { dnrLine } from '../../cards/dnrLine.js';
import { draftFormCard } from './formView.js';
import { WRITE_DIALOG } from './index.js';

const dialogActionSchema = z.object({ dnr: dnrSchema, revision: z.number().int().min(0).max(1_000_000) });

export interface DialogShown {
  notice?: { text: string; style: 'warning' | 'good' | 'attention' };
  errors?: FieldErrors;
  typed?: Record<string, string>;
}

export class AnswerDialog implements DialogHandler {
  constructor(
    private readonly organisations: OrganisationDirectory,
    private readonly workflow: AnswerWorkflow,
  ) {}

  async fetch(ctx: FeatureContext, data: unknown): Promise<DialogResponse> {
    const parsed = dialogActionSchema.safeParse(data);
    if (!parsed.success) return this.refused(ctx, 'INVALID_SUBMISSION');
    const loaded = await this.workflow.load(parsed.data.dnr);
    if ('refused' in loaded) return this.refused(ctx, loaded.refused);
    return this.check(ctx, loaded) ?? this.dialog(ctx, loaded);
  }

  async submit(ctx: FeatureContext, data: unknown): Promise<DialogResponse> {
    const t = messages(ctx.language);
    const parsed = dialogActionSchema.safeParse(data);
    if (!parsed.success) return this.refused(ctx, 'INVALID_SUBMISSION');
    const outcome = await this.workflow.saveSections(parsed.data, data, ctx.sender, ctx);
    if ('refused' in outcome)
      return outcome.refused === 'NOT_DRAFT_OWNER'
        ? (this.check(ctx, outcome.loaded) as DialogResponse)
        : this.refused(ctx, outcome.refused);
    if ('locked' in outcome) return this.check(ctx, outcome.locked) as DialogResponse;
    // What was sent from an older copy is in the draft's history; the dialog shows the newest text.
    if ('stale' in outcome)
      return this.dialog(ctx, outcome.stale, { notice: { text: t.noticeOlderCopy, style: 'warning' } });
    if ('invalid' in outcome)
      return this.dialog(ctx, outcome.invalid, { errors: outcome.errors, typed: outcome.typed });
    const saved = outcome.saved;
    // The form card in the chat moves to the new revision, so its next click is not taken for an older copy.
    if (saved.draft.formMessage) {
      const referral = await this.workflow.referral.view(saved.remiss, ctx.now);
      await ctx.updateCardLater(
        saved.draft.formMessage,
        draftFormCard(this.organisations.of(saved.remiss), saved, { referral }, ctx.language, ctx.now),
        { dnr: saved.draft.dnr, revision: saved.draft.revision },
      );
    }
    return { done: t.dialogSaved };
  }

  /** Someone else's draft, or one with the approver: a refusal by its code, nothing to write in. */
  private check(ctx: FeatureContext, loaded: Loaded): DialogResponse | undefined {
    const t = messages(ctx.language);
    if (!isDraftOwner(loaded.draft, ctx.sender)) {
      const owner = loaded.draft.owner.name ?? loaded.draft.owner.email ?? '';
      return { title: t.dialogTitle, card: ctx.refuse('NOT_DRAFT_OWNER', { text: t.readOnlyHeader(owner) }) };
    }
    if (isLocked(loaded.draft))
      return { title: t.dialogTitle, card: ctx.refuse('CARD_OUTDATED', { text: t.editingClosed }) };
    if (loaded.draft.answer.kind !== 'answer') return this.refused(ctx, 'INVALID_SUBMISSION');
    return undefined;
  }

  private refused(ctx: FeatureContext, code: 'INVALID_SUBMISSION' | 'REMISS_NOT_FOUND' | 'DRAFT_NOT_FOUND') {
    return { title: messages(ctx.language).dialogTitle, card: ctx.refuse(code) };
  }

  private dialog(ctx: FeatureContext, loaded: Loaded, shown: DialogShown = {}): DialogResponse {
    return {
      title: messages(ctx.language).dialogTitle,
      card: writeDialogCard(this.organisations.of(loaded.remiss), loaded, shown, ctx.language),
    };
  }
}

/** The dialog's card: every section of the draft (or what was typed) with its guidance and any error. */
export function writeDialogCard(
  organisation: Organisation,
  loaded: Pick<Loaded, 'remiss' | 'draft'>,
  shown: DialogShown,
  language: Language,
): AdaptiveCard {
  const t = messages(language);
  const { remiss, draft } = loaded;
  const answer = draft.answer;
  const steps = formSteps('answer', organisation, language);
  const sections = SECTION_KEYS.map((key) => {
    const title = sectionTitle(key, organisation);
    const optional = OPTIONAL_SECTIONS.includes(key);
    const step = steps.find((s) => s.kind === 'section' && s.key === key);
    return {
      id: key,
      label: optional ? t.labelSection(title, true) : `${title} ${t.dialogRequired}`,
      guidance: step?.guidance ?? '',
      value: shown.typed?.[key] ?? (answer.kind === 'answer' ? answer.sections[key] : ''),
      error: shown.errors?.[key] ?? '',
    };
  });
  return renderCard('answer-dialog', {
    title: remiss.title,
    dnrLine: dnrLine(remiss, language),
    intro: t.dialogIntro,
    notice: shown.notice?.text ?? '',
    noticeStyle: shown.notice?.style ?? 'default',
    sections,
    hint: t.blankLineHint,
    saveLabel: t.dialogSave,
    submitData: { dialog: WRITE_DIALOG, dnr: draft.dnr, revision: draft.revision },
  });
}
