/**
 * Wires settings to dependencies to the server. Used by src/index.ts and by the end-to-end tests, so the
 * tests run exactly what production runs (only the clock and the log destination can be swapped).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type restify from 'restify';
import { RemissBot } from './bot/remissBot.js';
import { FeatureContextFactory } from './bot/featureContextFactory.js';
import { BOT_KEYS } from './bot/botKeys.js';
import { TeamsMessenger } from './bot/teamsMessenger.js';
import { createGatedAdapter } from './bot/gatedAdapter.js';
import { loadOrganisationDirectory } from './config/organisationConfig.js';
import { graphGroupMembers } from './integrations/graph/groupMembers.js';
import { guardedByOrganisation } from './features/organisationGuard.js';
import { ActingOrganisations } from './features/due/actingOrganisation.js';
import { distributionModule } from './features/distribution/index.js';
import { DistributionRoutes } from './features/distribution/distributionRoutes.js';
import { digestPolicyOf } from './features/digest/digestPolicy.js';
import type { Settings } from './config/settings.js';
import { warnAboutOpenSettings } from './config/settingsWarnings.js';
import { AnswerDialog } from './features/answer/answerDialog.js';
import { AnswerRoutes } from './features/answer/answerRoutes.js';
import { AnswerWorkflow } from './features/answer/answerWorkflow.js';
import { DownloadLinks } from './features/answer/downloadLinks.js';
import { DraftRepository } from './features/answer/draftRepository.js';
import { ApprovalStore } from './features/approval/approvalStore.js';
import { PeopleDirectory } from './features/people/peopleDirectory.js';
import { FilingWorkflow } from './features/filing/filingWorkflow.js';
import { registratorsOf } from './features/filing/registrator.js';
import type { UploadTuning } from './integrations/graph/sharePoint.js';
import { sharePointOnFirstUse } from './integrations/graph/sharePointOnFirstUse.js';
import { filingTarget } from './integrations/filingTarget.js';
import { createRegister } from './register/createRegister.js';
import { DueRoutes, type DetailActions } from './features/due/dueRoutes.js';
import { Installations } from './features/conversations/installations.js';
import { DigestSubscriptionRoutes } from './features/digest/digestSubscriptionRoutes.js';
import { DigestPreferences } from './features/digest/digestPreferences.js';
import { DigestRunner } from './features/digest/digestRunner.js';
import { startDigestSchedule } from './features/digest/digestSchedule.js';
import { SendLimiter } from './messaging/sendLimiter.js';
import { registerDigestRoutes } from './server/digestRoutes.js';
import { LanguagePreferences } from './features/language/languagePreference.js';
import type { Logger } from './logging/logger.js';
import { Outbox, OUTBOX_KEYS, type OutboxOptions } from './outbox/outbox.js';
import { deliveryJobs } from './messaging/deliveryJobs.js';
import { REGISTER_KEYS } from './register/registerKeys.js';
import { combineFeatures, type FeatureModule } from './features/featureModule.js';
import { dueModule } from './features/due/index.js';
import { answerModule } from './features/answer/index.js';
import { approvalModule, createApproval } from './features/approval/index.js';
import { filingModule } from './features/filing/index.js';
import { digestModule } from './features/digest/index.js';
import { commandsModule } from './features/commands/index.js';
import { intakeModule } from './features/intake/index.js';
import { IntakeRoutes } from './features/intake/intakeRoutes.js';
import { referralModule } from './features/referral/index.js';
import { createReferral } from './features/referral/createReferral.js';
import { peopleModule } from './features/people/index.js';
import { ConversationsWorkflow } from './features/people/conversationsWorkflow.js';
import type { KeySpace } from './storage/keyspace.js';
import { purgeExpired } from './maintenance/retention.js';
import type { RemissRepository } from './register/remissRepository.js';
import { createHttpServer } from './server/httpServer.js';
import { createStore } from './storage/createStore.js';
import { BlobStore } from './storage/blobStore.js';
import { SOLE_INSTANCE } from './storage/leadership.js';
import type { RecordStore } from './storage/store.js';

export interface RemissbotOptions {
  logger: Logger;
  clock?: () => Date;
  outbox?: OutboxOptions;
  /** Upload tuning (tests use small slices to exercise upload sessions with small documents). */
  sharePoint?: UploadTuning;
}

export interface Remissbot {
  server: restify.Server;
  /** Every store keyspace, as its owner declared it (retention purges by these). */
  keyspaces: readonly KeySpace[];
  store: RecordStore;
  register: RemissRepository;
  outbox: Outbox;
  digest: DigestRunner;
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** How often expired markers, links and finished jobs are removed. */
const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/** Signs download links; a random key without the setting (development: links die with the process). */
function fileLinkSecret(settings: Settings, logger: Logger): Buffer {
  if (settings.FILE_LINK_SECRET) return Buffer.from(settings.FILE_LINK_SECRET, 'utf8');
  logger.warn(
    { event: 'fileLinks.ephemeralKey' },
    'FILE_LINK_SECRET is not set: download links are signed with a random key and stop working on restart.',
  );
  return randomBytes(32);
}

export function createRemissbot(settings: Settings, options: RemissbotOptions): Remissbot {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());
  // Entra groups are resolved through Graph where it is configured; the local default lists people only.
  const groups = graphGroupMembers(settings, { logger });
  const organisations = loadOrganisationDirectory(path.resolve(settings.ORG_CONFIG), groups?.resolve);
  const store = createStore(settings);
  const leadership =
    store instanceof BlobStore
      ? store.leadership(settings.LEADER_LEASE_SECONDS, (err) =>
          logger.warn({ event: 'leadership.error', err: (err as Error).name }, 'the scheduler lease could not be held'),
        )
      : SOLE_INSTANCE;
  const sharePoint = settings.sharePoint
    ? sharePointOnFirstUse({ ...settings, sharePoint: settings.sharePoint }, organisations, logger, options.sharePoint)
    : undefined;
  const register = createRegister(settings, () => organisations, store, logger, sharePoint, clock);
  const languages = new LanguagePreferences(store, settings.BOT_LANGUAGE);
  const drafts = new DraftRepository(store);
  const downloads = new DownloadLinks(
    store,
    fileLinkSecret(settings, logger),
    settings.BOT_PUBLIC_URL,
    path.join(settings.DATA_DIR, 'utkast'),
  );
  const answer = new AnswerWorkflow({ organisations, register, drafts, store, downloads });
  const adapter = createGatedAdapter(settings, logger, store);
  const messenger = new TeamsMessenger(adapter, settings.MicrosoftAppId ?? '');
  const outbox = new Outbox(store, clock, logger, options.outbox);
  outbox.runWhen(() => leadership.isLeader());
  const people = new PeopleDirectory(store);
  const approvals = new ApprovalStore(store);
  const approval = createApproval({
    undoWindowMs: settings.APPROVAL_UNDO_MINUTES * 60_000,
    ...{ organisations, register, drafts, approvals, people, outbox, messenger, downloads, clock },
  });
  const registrators = registratorsOf(organisations, settings.REGISTRATOR);
  const detailActions: DetailActions = async (ctx, remiss) => [
    ...(await distribution.detailActions(ctx, remiss)),
    ...(await referral.routes.detailActions(ctx, remiss)),
  ];
  const referral = createReferral({
    ...{ register, organisations, people, outbox, messenger, drafts, store, clock, logger, detailActions },
    due: () => due,
  });
  const filing = new FilingWorkflow({
    register,
    approvals,
    drafts,
    ...filingTarget(settings, sharePoint),
    approvalCards: approval.notices,
    onFiled: (remiss, version) => referral.fanOut.filed(remiss, version),
    store,
    outbox,
    clock,
    registrators,
    folderOf: (remiss) => (organisations.single ? undefined : organisations.idFor(organisations.of(remiss))),
    people,
    messenger,
    logger,
  });
  const installations = new Installations(store);
  const preferences = new DigestPreferences(store);
  const digest = new DigestRunner({
    store,
    register,
    people,
    installations,
    preferences,
    approvals,
    messenger,
    limiter: new SendLimiter(settings.TEAMS_TENANT_RPS),
    organisations,
    policy: digestPolicyOf(settings),
    progress: (dnr) => answer.progress(dnr),
    language: (person) => languages.resolve(person.aadObjectId ?? person.teamsUserId, undefined),
    clock,
    logger,
  });
  const due: DueRoutes = new DueRoutes(
    register,
    { marker: () => drafts.marker(), progress: (dnr) => answer.progress(dnr) },
    settings.MEETING_HANDLING_STOP_DAYS,
    new ActingOrganisations(store),
    detailActions,
    (remiss, at) => referral.sections.of(remiss, at),
  );
  const distribution: DistributionRoutes = new DistributionRoutes({
    ...{ register, organisations, people, outbox, messenger },
    hasDraft: async (dnr) => !!(await drafts.get(dnr)),
    detail: (remiss, language, now, notice, actions) => due.detailFor(remiss, language, now, notice, actions),
  });
  const intake = new IntakeRoutes(register, organisations, new ActingOrganisations(store));
  const featureModules: FeatureModule[] = [
    dueModule(due),
    distributionModule(distribution),
    answerModule(new AnswerRoutes(organisations, answer), new AnswerDialog(organisations, answer)),
    approvalModule(approval),
    filingModule(filing, registrators),
    digestModule(new DigestSubscriptionRoutes(preferences)),
    commandsModule((ctx) => intake.mayRegister(ctx)),
    intakeModule(intake),
    referralModule(referral.routes, referral.fanOut),
    peopleModule(),
    {
      name: 'platform',
      jobs: deliveryJobs(
        messenger,
        async (draft) => ((await drafts.get(draft.dnr))?.value.revision ?? 0) > draft.revision,
      ),
      keys: [...OUTBOX_KEYS, ...BOT_KEYS, ...REGISTER_KEYS],
    },
  ];
  // Several organisations: every verb naming a remiss is checked against the asker's (one has nothing to check).
  const features = organisations.single
    ? featureModules
    : featureModules.map((feature) => guardedByOrganisation(feature, register));
  const declared = combineFeatures(features);
  outbox.registerAll(declared.jobs);
  const bot = new RemissBot({
    languages,
    contexts: new FeatureContextFactory(languages, messenger, outbox, clock, logger, organisations),
    features,
    conversations: new ConversationsWorkflow(store, people, installations, logger),
    logger,
  });
  const server = createHttpServer(adapter, bot, logger, { downloads, clock }, () =>
    leadership.isLeader() ? 'leader' : 'standby',
  );
  registerDigestRoutes(server, digest, settings.DIGEST_TRIGGER_SECRET, logger);
  let schedule: { stop(): void } | undefined;
  let retention: NodeJS.Timeout | undefined;

  warnAboutOpenSettings(settings, logger);

  return {
    server,
    keyspaces: declared.keys,
    store,
    register,
    listen: () =>
      new Promise((resolve) => {
        server.listen(settings.PORT, settings.HOST, () => {
          outbox.start();
          // The leader resumes what a stopped or crashed instance left, and runs the schedule.
          leadership.start(() => {
            logger.info({ event: 'leadership.acquired' }, 'this instance runs the scheduled work');
            outbox.kick();
            // Reading the register rewrites records stored under former status names (the 1.2 migration).
            void register
              .listAll()
              .catch((err: Error) =>
                logger.warn({ event: 'register.migration.failed', err: err.name }, 'reading the register failed'),
              );
            void digest
              .resumeUnfinished()
              .catch((err: Error) =>
                logger.error({ event: 'digest.resume.failed', err: err.name }, 'resuming digest runs failed'),
              );
          });
          if (settings.DIGEST_SCHEDULER === 'on')
            schedule = startDigestSchedule(settings.DIGEST_CRON, settings.DIGEST_TIMEZONE, async () =>
              leadership.isLeader() ? digest.trigger('schedule') : undefined,
            );
          retention = setInterval(
            () =>
              void purgeExpired(store, declared.keys, clock(), logger).catch((err: Error) =>
                logger.warn({ event: 'retention.failed', err: err.message }, 'retention pass failed'),
              ),
            RETENTION_INTERVAL_MS,
          );
          retention.unref();
          resolve((server.address() as AddressInfo).port);
        });
      }),
    outbox,
    digest,
    close: async () => {
      if (retention) clearInterval(retention);
      schedule?.stop();
      await digest.stop();
      await leadership.stop();
      await outbox.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold the close open until they time out.
        server.server.closeIdleConnections();
      });
    },
  };
}
