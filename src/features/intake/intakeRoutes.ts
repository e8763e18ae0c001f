/**
 * Registering a remiss from chat ("Ny remiss"): who may (a registrator or chef of the organisation, anyone in a
 * single-organisation deployment without members), the form, reading a pasted missive into it, and the save. The
 * card data is untrusted: the organisation it names is checked against the asker's roles on every press, every
 * field is validated, and the remiss is written only when new (a conditional create), with status Inkommen.
 */
import { z } from 'zod';
import { todayIn } from '../../domain/calendar.js';
import { readMissive, type MissiveFacts } from '../../domain/missiveText.js';
import type { Organisation } from '../../domain/organisation.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import { REMISS_SCHEMA_VERSION, type Remiss } from '../../domain/remiss.js';
import { messages } from '../../i18n/messages.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { StoreConflictError } from '../../storage/store.js';
import type { ActingOrganisations } from '../due/actingOrganisation.js';
import type { AdaptiveCard, FeatureContext } from '../featureContext.js';
import { intakeCard, fieldNames, type IntakeViewOptions } from './intakeView.js';
import {
  intakeDataSchema,
  validateRegistration,
  valuesOf,
  type IntakeField,
  type IntakeValues,
  type Registration,
} from './registrationInput.js';

const openSchema = z.object({ organisation: z.string().max(100).optional() }).catch({});

/** Which field a fact read from a missive fills. */
const FILLED_BY: [keyof MissiveFacts, IntakeField][] = [
  ['remittentDnr', 'remittentens_dnr'],
  ['title', 'titel'],
  ['remittent', 'remittent'],
  ['dueDate', 'svarsdatum'],
  ['instanser', 'instanser'],
];

export class IntakeRoutes {
  constructor(
    private readonly register: RemissRepository,
    private readonly directory: OrganisationDirectory,
    private readonly acting: ActingOrganisations,
  ) {}

  /** The organisations the asker may register remisser for. */
  private async registersFor(ctx: FeatureContext): Promise<Organisation[]> {
    if (this.directory.single) return [this.directory.defaultOrganisation];
    const access = await ctx.access();
    return access.memberships
      .filter((m) => m.roles.has('registrator') || m.roles.has('chef'))
      .map((m) => m.organisation);
  }

  /** Whether the asker may register a remiss at all (the help card offers "Ny remiss" then). */
  async mayRegister(ctx: FeatureContext): Promise<boolean> {
    return (await this.registersFor(ctx)).length > 0;
  }

  /**
   * The organisation a press registers for: the one its data names, if the asker may register for it; without
   * one, the organisation they act for when they may, else the first they may.
   */
  private async organisationFor(ctx: FeatureContext, requested: string | undefined): Promise<Organisation | undefined> {
    const allowed = await this.registersFor(ctx);
    if (requested !== undefined) return allowed.find((o) => this.directory.idFor(o) === requested);
    const acting = await this.acting.of(ctx.sender.aadObjectId ?? ctx.sender.teamsUserId, await ctx.access());
    return allowed.find((o) => o === acting?.organisation) ?? allowed[0];
  }

  private view(ctx: FeatureContext, organisation: Organisation, values: IntakeValues): IntakeViewOptions {
    return {
      language: ctx.language,
      organisation: { id: this.directory.idFor(organisation), name: organisation.name },
      showOrganisation: !this.directory.single,
      values,
    };
  }

  /** "Ny remiss", or its button: an empty form, received today. */
  async open(ctx: FeatureContext, data: unknown = {}): Promise<AdaptiveCard> {
    const organisation = await this.organisationFor(ctx, openSchema.parse(data).organisation);
    if (!organisation) return ctx.refuse('INTAKE_NOT_ALLOWED', { backLabel: messages(ctx.language).back });
    return intakeCard(this.view(ctx, organisation, valuesOf({ inkom: todayIn(ctx.now) })));
  }

  /** "Läs in missivet": what the pasted text gives replaces those fields; the rest stays as typed. */
  async read(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const checked = await this.checked(ctx, data);
    if ('refused' in checked) return checked.refused;
    const { organisation, values, pasted } = checked;
    const t = messages(ctx.language);
    const facts = readMissive(pasted);
    const filled = FILLED_BY.filter(([fact]) => facts[fact]);
    for (const [fact, field] of filled) values[field] = facts[fact]!;
    const names = fieldNames(
      filled.map(([, field]) => field),
      ctx.language,
    );
    const notice = filled.length
      ? { text: t.intakeRead(names), style: 'accent' as const }
      : { text: t.intakeReadNothing, style: 'attention' as const };
    return intakeCard({ ...this.view(ctx, organisation, values), notice });
  }

  /** "Lägg in remissen": validated, refused when the diarienummer is taken, else created with status Inkommen. */
  async save(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const checked = await this.checked(ctx, data);
    if ('refused' in checked) return checked.refused;
    const { organisation, values } = checked;
    const t = messages(ctx.language);
    const view = this.view(ctx, organisation, values);
    const valid = validateRegistration(values);
    if ('errors' in valid) {
      ctx.refuse('INTAKE_INVALID');
      const notice = { text: t.intakeInvalid, style: 'attention' as const, refusal: 'INTAKE_INVALID' as const };
      return intakeCard({ ...view, errors: valid.errors, notice });
    }
    const { registration } = valid;
    const exists = () => {
      ctx.refuse('REMISS_EXISTS');
      const notice = {
        text: t.intakeExists(registration.dnr),
        style: 'attention' as const,
        refusal: 'REMISS_EXISTS' as const,
      };
      return intakeCard({ ...view, notice, show: registration.dnr });
    };
    if (await this.register.get(registration.dnr)) return exists();
    const asker = await ctx.asker();
    const who = asker.email ?? asker.userPrincipalName ?? asker.aadObjectId ?? asker.teamsUserId;
    const remiss = newRemiss(registration, this.directory.single ? undefined : this.directory.idFor(organisation), {
      at: ctx.now,
      source: `teams:${who}`,
    });
    try {
      // Without a version the write only creates: of two registrators saving one dnr at once, one is refused.
      await this.register.save(remiss, undefined);
    } catch (err) {
      if (err instanceof StoreConflictError) return exists();
      throw err;
    }
    const notice = { text: t.intakeSaved(remiss.dnr, remiss.title), style: 'good' as const };
    return intakeCard({ ...view, notice, show: remiss.dnr, saved: true });
  }

  /** The press's data parsed and its organisation checked: the form's values and pasted text, or the refusal. */
  private async checked(
    ctx: FeatureContext,
    data: unknown,
  ): Promise<{ organisation: Organisation; values: IntakeValues; pasted: string } | { refused: AdaptiveCard }> {
    const back = { backLabel: messages(ctx.language).back };
    const parsed = intakeDataSchema.safeParse(data);
    if (!parsed.success) return { refused: ctx.refuse('INVALID_SUBMISSION', back) };
    // A press must name its organisation: the form always sends it, so a missing one is forged.
    const requested = parsed.data.organisation ?? '';
    const organisation = await this.organisationFor(ctx, requested);
    if (!organisation) return { refused: ctx.refuse('INTAKE_NOT_ALLOWED', back) };
    return { organisation, values: valuesOf(parsed.data), pasted: parsed.data.missiv_text ?? '' };
  }
}

/** The new remiss: Inkommen, created by the registrator, for its organisation (none in a single deployment). */
export function newRemiss(
  r: Registration,
  organisation: string | undefined,
  created: { at: Date; source: string },
): Remiss {
  // Optional fields are left out rather than stored as undefined, so the record reads back equal.
  return {
    schemaVersion: REMISS_SCHEMA_VERSION,
    dnr: r.dnr,
    ...(r.remittentDnr && { remittentDnr: r.remittentDnr }),
    title: r.title,
    remittent: r.remittent,
    received: r.received,
    dueDate: r.dueDate,
    status: 'Inkommen',
    history: [{ at: created.at.toISOString(), kind: 'created', source: created.source }],
    ...(organisation && { organisation }),
    ...(r.links && { links: r.links }),
    ...(r.instanser && { instanser: r.instanser }),
  };
}
