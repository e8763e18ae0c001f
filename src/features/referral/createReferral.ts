/** The referral feature's parts, wired from the bot's services (src/app.ts). */
import type { OrganisationDirectory } from '../../domain/organisations.js';
import type { Remiss } from '../../domain/remiss.js';
import type { Logger } from '../../logging/logger.js';
import type { Messenger } from '../../messaging/messenger.js';
import type { Outbox } from '../../outbox/outbox.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import type { RecordStore } from '../../storage/store.js';
import type { DraftRepository } from '../answer/draftRepository.js';
import type { DetailAction } from '../distribution/distributionRoutes.js';
import type { DueRoutes } from '../due/dueRoutes.js';
import type { AdaptiveCard, FeatureContext } from '../featureContext.js';
import { filedDocxOf } from '../filing/filingRecords.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';
import { ReferralFanOut } from './referralFanOut.js';
import { ReferralRoutes } from './referralRoutes.js';
import { ReferralSections } from './referralSections.js';

export interface ReferralServices {
  register: RemissRepository;
  organisations: OrganisationDirectory;
  people: PeopleDirectory;
  outbox: Outbox;
  messenger: Messenger;
  drafts: DraftRepository;
  store: RecordStore;
  clock: () => Date;
  logger: Logger;
  /** The detail card, and every feature's buttons on it for the asker (late-bound: the due feature is made after). */
  due: () => Pick<DueRoutes, 'detailFor'>;
  detailActions: (ctx: FeatureContext, remiss: Remiss) => Promise<DetailAction[]>;
}

export function createReferral(services: ReferralServices): {
  routes: ReferralRoutes;
  fanOut: ReferralFanOut;
  sections: ReferralSections;
} {
  const { register, organisations, drafts, store, due } = services;
  const fanOut = new ReferralFanOut({
    ...services,
    answerOf: async (dnr) => (await drafts.get(dnr))?.value.answer,
    filedDocx: (dnr, version) => filedDocxOf(store, { dnr, version }),
    detail: (remiss, language, now, notice, actions) => due().detailFor(remiss, language, now, notice, actions),
  });
  const routes = new ReferralRoutes({
    ...services,
    record: (job) => fanOut.recordUnits(job),
    detail: async (ctx, remiss, notice): Promise<AdaptiveCard> =>
      due().detailFor(remiss, ctx.language, ctx.now, notice, await services.detailActions(ctx, remiss)),
  });
  return { routes, fanOut, sections: new ReferralSections(register, organisations) };
}
