/**
 * Files the approved version (an outbox job): the stored .docx and a PDF of it go to the archive under
 * `<year of approval>/<dnr> <titel>/`, exactly once. Each filed file is recorded as soon as it is known, so a
 * crash after an upload resumes without filing it twice; the archive itself never overwrites.
 */
import { createHash } from 'node:crypto';
import { todayIn } from '../../domain/calendar.js';
import { remissvarFileName } from '../../domain/documents/remissvarModel.js';
import { safeName } from '../../domain/filingNames.js';
import { messages } from '../../i18n/messages.js';
import type { Outbox } from '../../outbox/outbox.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { changeStatus } from '../../register/statusChanges.js';
import { StoreConflictError, type RecordStore } from '../../storage/store.js';
import type { DraftRepository } from '../answer/draftRepository.js';
import { TEXT_MESSAGE_JOB } from '../../messaging/deliveryJobs.js';
import type { JobHandlers } from '../../outbox/jobs.js';
import type { ApprovalStore } from '../approval/approvalStore.js';
import { metadataRefusalLog, type DocumentArchive, type FiledFile, type PdfConverter } from './archive.js';
import { z } from 'zod';
import type { Language } from '../../domain/language.js';
import type { Remiss } from '../../domain/remiss.js';
import { formatDateTime, formatLongDate } from '../../domain/swedishDates.js';
import { renderCard } from '../../cards/cardTemplates.js';
import type { ConversationTarget, Messenger } from '../../messaging/messenger.js';
import { RetryLater } from '../../outbox/outbox.js';
import type { AdaptiveCard, FeatureContext } from '../featureContext.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';
import type { Logger } from '../../logging/logger.js';

const versionSchema = z.object({
  dnr: z.string().trim().min(1).max(300),
  version: z.number().int().min(1).max(10_000),
});

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface FilingRecord {
  schemaVersion: 1;
  dnr: string;
  version: number;
  docx?: FiledFile;
  pdf?: FiledFile;
  done?: string;
}

/** Who registers filed answers in the diarium (REGISTRATOR). */
export type Registrator = { kind: 'channel'; teamId: string; channelId: string } | { kind: 'person'; email: string };

export function parseRegistrator(setting: string | undefined): Registrator | undefined {
  if (!setting) return undefined;
  if (setting.startsWith('person:')) return { kind: 'person', email: setting.slice('person:'.length).toLowerCase() };
  const [teamId, channelId] = setting.slice('channel:'.length).split('/') as [string, string];
  return { kind: 'channel', teamId, channelId };
}

/** Files an approved version (enqueued by the approval feature). */
export const FILING_JOB = 'filing.file';
export const REGISTRATOR_JOB = 'registrator.notify';
/** Sets the filed files' Status column to Besvarad once the registrator has registered the answer. */
const FILED_STATUS_JOB = 'filing.status';

declare module '../../outbox/jobs.js' {
  interface Jobs {
    /** `hash`: the approved document's, as the approver saw it. */
    [FILING_JOB]: FiledVersion & { hash?: string };
    [REGISTRATOR_JOB]: FiledVersion;
    [FILED_STATUS_JOB]: FiledVersion;
  }
}

interface FiledVersion {
  dnr: string;
  version: number;
}

/** After this many failed attempts the handläggare is told, and the job retries every half hour, for good. */
const REPORT_FAILURE_AFTER_ATTEMPTS = 4;
const PERSISTENT_FAILURE_RETRY_MS = 30 * 60_000;

/** Where the approver's card is told that the answer is filed (the approval feature). */
export interface FiledNotice {
  showFiled(dnr: string, version: number, filed: { url: string; name: string }): Promise<void>;
}

export interface FilingDependencies {
  registrator?: Registrator;
  people: PeopleDirectory;
  messenger: Messenger;
  register: RemissRepository;
  approvals: ApprovalStore;
  drafts: DraftRepository;
  archive: DocumentArchive;
  pdf: PdfConverter;
  store: RecordStore;
  outbox: Outbox;
  clock: () => Date;
  approvalCards: FiledNotice;
  logger: Logger;
}

export class FilingFeature {
  constructor(private readonly deps: FilingDependencies) {}

  readonly jobs: JobHandlers = {
    [FILING_JOB]: (payload, job) => this.fileReportingFailures(payload, job.attempts),
    [REGISTRATOR_JOB]: (payload) => this.notifyRegistrator(payload),
    [FILED_STATUS_JOB]: (payload) => this.markFilesAnswered(payload),
  };

  /** "Registrerad och skickad", pressed by anyone in the registrator's channel (or the registrator). */
  async registered(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const parsed = versionSchema.safeParse(data);
    const registrator = this.deps.registrator;
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    if (!registrator) return ctx.refuse('NO_REGISTRATOR');
    const { dnr, version } = parsed.data;
    const allowed =
      registrator.kind === 'channel'
        ? ctx.conversation.conversationId.split(';')[0] === registrator.channelId
        : [(await ctx.asker()).email, (await ctx.asker()).userPrincipalName].some(
            (m) => m?.toLowerCase() === registrator.email,
          );
    if (!allowed) return ctx.refuse('NOT_REGISTRATOR');
    const record = (await this.deps.store.get<FilingRecord>(`filings/${dnr}/v${version}`))?.value;
    const found = await this.deps.register.get(dnr);
    if (!record?.docx || !record.pdf || !found) return ctx.refuse('FILING_NOT_FOUND');
    const asker = await ctx.asker();
    const by = asker.name ?? asker.email ?? asker.teamsUserId;
    // The first press wins; a second (or a Teams retry) shows what was recorded.
    const key = `registrations/${dnr}/v${version}`;
    try {
      await this.deps.store.create(key, { schemaVersion: 1, by, at: ctx.now.toISOString() });
      await changeStatus(this.deps.register, dnr, 'Besvarad', { at: ctx.now.toISOString(), by, forwardOnly: true });
      await this.deps.outbox.enqueue(
        FILED_STATUS_JOB,
        { dnr, version },
        { id: `filed-status-${filingJobKey({ dnr, version })}` },
      );
      const draft = (await this.deps.drafts.get(dnr))?.value;
      if (draft?.formMessage)
        await this.deps.outbox.enqueue(
          TEXT_MESSAGE_JOB,
          { to: draft.formMessage, text: messages('sv').toldRegistered(found.remiss.title, by) },
          { id: `registered-told-${record.docx.hash.slice(0, 16)}-v${version}` },
        );
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
    }
    const registration = (await this.deps.store.get<{ by: string; at: string }>(key))!.value;
    return this.registratorCard(
      ctx.language,
      found.remiss,
      record,
      version,
      t.registeredBy(registration.by, formatDateTime(new Date(registration.at), ctx.language)),
    );
  }

  registratorCard(
    language: Language,
    remiss: Remiss,
    record: FilingRecord,
    version: number,
    status: string,
  ): AdaptiveCard {
    const t = messages(language);
    return renderCard('registrator', {
      heading: t.registratorHeading,
      remissTitle: remiss.title,
      facts: [
        { label: t.fieldDnr, value: remiss.dnr },
        { label: t.fieldRemittent, value: remiss.remittent },
        { label: t.fieldDueDate, value: formatLongDate(remiss.dueDate, language) },
      ],
      status,
      docxLabel: t.openWord,
      docxUrl: record.docx?.url ?? '',
      pdfLabel: t.openPdf,
      pdfUrl: record.pdf?.url ?? '',
      registeredLabel: t.registeredButton,
      registeredData: { dnr: remiss.dnr, version },
    });
  }

  /** Posts the registrator's card (an outbox job): in their channel, or in the person's 1:1 chat. */
  private async notifyRegistrator({ dnr, version }: { dnr: string; version: number }): Promise<void> {
    const registrator = this.deps.registrator;
    const record = (await this.deps.store.get<FilingRecord>(`filings/${dnr}/v${version}`))?.value;
    const found = await this.deps.register.get(dnr);
    const via = (await this.deps.drafts.get(dnr))?.value.formMessage;
    if (!registrator || !record || !found || !via) return;
    let to: ConversationTarget | undefined;
    if (registrator.kind === 'channel') {
      to = {
        serviceUrl: via.serviceUrl,
        channelId: via.channelId,
        tenantId: via.tenantId,
        botId: via.botId,
        conversationId: registrator.channelId,
        conversationType: 'channel',
      };
    } else {
      to = (await this.deps.people.findByEmail(registrator.email))?.personalChat;
      if (!to) throw new RetryLater(5 * 60_000, 'registrator has not opened Remissbot yet');
    }
    await this.deps.messenger.post(to, this.registratorCard('sv', found.remiss, record, version, ''));
  }

  /**
   * A failure that persists (SharePoint refusing, a revoked permission) is told to the handläggare once, in
   * Swedish, and the job keeps retrying: the approved version is never dropped.
   */
  private async fileReportingFailures(job: { dnr: string; version: number }, attempts: number): Promise<void> {
    try {
      await this.file(job);
    } catch (err) {
      if (err instanceof RetryLater || attempts < REPORT_FAILURE_AFTER_ATTEMPTS) throw err;
      const code =
        typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'FILING_FAILED';
      const [draft, found] = await Promise.all([this.deps.drafts.get(job.dnr), this.deps.register.get(job.dnr)]);
      const to = draft?.value.formMessage;
      if (to && found) {
        await this.deps.outbox.enqueue(
          TEXT_MESSAGE_JOB,
          { to, text: messages('sv').filingFailing(found.remiss.title, code) },
          { id: `filing-failing-told-${filingJobKey(job)}` },
        );
      }
      throw new RetryLater(PERSISTENT_FAILURE_RETRY_MS, `filing keeps failing (${code})`);
    }
  }

  private async file({ dnr, version }: { dnr: string; version: number }): Promise<void> {
    const key = `filings/${dnr}/v${version}`;
    const record: FilingRecord = (await this.deps.store.get<FilingRecord>(key))?.value ?? {
      schemaVersion: 1,
      dnr,
      version,
    };
    if (record.done) return;
    const found = await this.deps.register.get(dnr);
    const approval = (await this.deps.approvals.get(dnr))?.value.versions.find((v) => v.version === version);
    const doc = await this.deps.approvals.getDocument(dnr, version);
    if (!found || !approval?.decision || approval.decision.kind !== 'approved' || !doc)
      throw new Error('The approved version is missing');
    if (doc.hash !== approval.hash) throw new Error('The stored document does not match the approved version');
    const remiss = found.remiss;
    const year = todayIn(new Date(approval.decision.at)).slice(0, 4);
    const folder = safeName(`${remiss.dnr} ${remiss.title}`);
    const docxName = safeName(remissvarFileName(remiss.dnr, remiss.title));
    const metadata = {
      Diarienummer: remiss.dnr,
      Remittent: remiss.remittent,
      Svarsdatum: remiss.dueDate,
      Status: this.deps.registrator ? 'Klar för registrering' : 'Besvarad',
    };

    if (!record.docx) {
      record.docx = await this.deps.archive.file({
        year,
        folder,
        fileName: docxName,
        bytes: doc.bytes,
        contentType: DOCX_TYPE,
        metadata,
      });
      await this.deps.store.put(key, record);
    }
    if (!record.pdf) {
      const pdf = await this.convertedOnce(dnr, version, doc.bytes, record.docx);
      record.pdf = await this.deps.archive.file({
        year,
        folder,
        fileName: docxName.replace(/\.docx$/, '.pdf'),
        bytes: pdf,
        contentType: 'application/pdf',
        metadata,
      });
      await this.deps.store.put(key, record);
    }
    if (this.deps.registrator) {
      await changeStatus(this.deps.register, dnr, 'Klar för registrering', {
        at: this.deps.clock().toISOString(),
        by: `arkivering v${version}`,
        forwardOnly: true,
      });
      await this.deps.outbox.enqueue(
        REGISTRATOR_JOB,
        { dnr, version },
        { id: `registrator-${record.docx.hash.slice(0, 16)}-v${version}` },
      );
    } else {
      await this.markAnswered(dnr, version);
    }
    await this.deps.approvalCards.showFiled(dnr, version, record.docx);
    const draft = (await this.deps.drafts.get(dnr))?.value;
    if (draft?.formMessage) {
      const text = messages('sv').filed(remiss.title, record.docx.url, record.pdf.url);
      await this.deps.outbox.enqueue(
        TEXT_MESSAGE_JOB,
        { to: draft.formMessage, text },
        { id: `filed-told-${record.docx.hash.slice(0, 16)}-v${version}` },
      );
    }
    // The files are filed; only their columns are not, which no retry can mend: said once, never retried.
    const refused = [record.docx, record.pdf].find((f) => metadataRefusalLog(f));
    if (refused) {
      this.deps.logger.warn(
        metadataRefusalLog(refused)!,
        'filed without metadata: SharePoint refused the library columns (npm run sharepoint:setup)',
      );
      if (draft?.formMessage) {
        const t = messages('sv');
        const text = refused.missingColumn
          ? t.filedWithoutColumn(remiss.title, refused.missingColumn)
          : t.filedWithoutMetadata(remiss.title, refused.metadataRefused!);
        await this.deps.outbox.enqueue(
          TEXT_MESSAGE_JOB,
          { to: draft.formMessage, text },
          { id: `filed-metadata-refused-${record.docx.hash.slice(0, 16)}-v${version}` },
        );
      }
    }
    await this.deps.store.put(key, { ...record, done: this.deps.clock().toISOString() });
  }

  /**
   * The PDF is made once and kept: a conversion is not byte-for-byte repeatable (it carries a timestamp), so a
   * retried job must file the same bytes to recognise its own earlier upload.
   */
  private async convertedOnce(dnr: string, version: number, docx: Buffer, filedDocx: FiledFile): Promise<Buffer> {
    const key = `filing-pdfs/${dnr}/v${version}`;
    const kept = await this.deps.store.get<{ base64: string }>(key);
    if (kept) return Buffer.from(kept.value.base64, 'base64');
    const pdf = await this.deps.pdf.toPdf(docx, filedDocx);
    try {
      await this.deps.store.create(key, { schemaVersion: 1, base64: pdf.toString('base64') });
      return pdf;
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
      return Buffer.from((await this.deps.store.get<{ base64: string }>(key))!.value.base64, 'base64');
    }
  }

  private async markFilesAnswered({ dnr, version }: { dnr: string; version: number }): Promise<void> {
    const record = (await this.deps.store.get<FilingRecord>(`filings/${dnr}/v${version}`))?.value;
    for (const file of [record?.docx, record?.pdf]) if (file) await this.deps.archive.setStatus(file, 'Besvarad');
  }

  /** Without a registrator configured, filing sets Besvarad directly. */
  private markAnswered(dnr: string, version: number): Promise<void> {
    return changeStatus(this.deps.register, dnr, 'Besvarad', {
      at: this.deps.clock().toISOString(),
      by: `arkivering v${version}`,
      forwardOnly: true,
    });
  }
}

/** A stable, short key for one filing (dnr and version), usable in outbox job ids. */
function filingJobKey({ dnr, version }: { dnr: string; version: number }): string {
  return `${createHash('sha256').update(dnr).digest('hex').slice(0, 16)}-v${version}`;
}
