/**
 * The registrator's "Registrerad och skickad" (filing.registered): reads the card's data, checks that the
 * presser is the registrator (or in their channel), records the registration and answers with the card
 * saying who registered it and when.
 */
import { z } from 'zod';
import { formatDateTime } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import type { AdaptiveCard, FeatureContext } from '../featureContext.js';
import { registratorCard } from './filingCards.js';
import type { FilingWorkflow } from './filingWorkflow.js';
import { actsAsRegistrator, type Registrators } from './registrator.js';

const filedVersionSchema = z.object({
  dnr: z.string().trim().min(1).max(300),
  version: z.number().int().min(1).max(10_000),
});

export class FilingRoutes {
  constructor(
    private readonly workflow: FilingWorkflow,
    private readonly registrators: Registrators,
  ) {}

  /** Pressed by anyone in the registrator's channel (or the registrator); the first press wins. */
  async registered(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = filedVersionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const answered = await this.workflow.remissOf(parsed.data.dnr);
    if (!answered) return ctx.refuse('FILING_NOT_FOUND');
    const registrator = this.registrators(answered);
    if (!registrator) return ctx.refuse('NO_REGISTRATOR');
    // The organisation's channel (or REGISTRATOR's person), or a registrator of its organisation.
    const acts = (await actsAsRegistrator(registrator, ctx)) || (await ctx.access()).has('registrator', answered);
    if (!acts) return ctx.refuse('NOT_REGISTRATOR');
    const asker = await ctx.asker();
    const by = asker.name ?? asker.email ?? asker.teamsUserId;
    const outcome = await this.workflow.register(parsed.data, by, ctx.now);
    if ('refusal' in outcome) return ctx.refuse(outcome.refusal);
    const { remiss, record, registration } = outcome;
    const status = messages(ctx.language).registeredBy(
      registration.by,
      formatDateTime(new Date(registration.at), ctx.language),
    );
    return registratorCard(ctx.language, remiss, record, parsed.data.version, status);
  }
}
