/**
 * Files the approved version (an outbox job): the stored .docx and a PDF of it go to the archive under
 * `<year of approval>/<dnr> <titel>/`, exactly once. Each filed file is recorded as soon as it is known, so a
 * crash after an upload resumes without filing it twice; the archive itself never overwrites. Then the
 * registrator is asked to register the answer (or, without one, the remiss is Besvarad at once), and their
 * "Registrerad och skickad" is recorded once.
 */
import { todayIn } from '../../domain/calendar.js';
import { remissvarFileName } from '../../domain/documents/remissvarModel.js';
import { safeName } from '../../domain/filingNames.js';
import type { Language } from '../../domain/language.js';
import type { Remiss } from '../../domain/remiss.js';
import { messages } from '../../i18n/messages.js';
import type { RefusalCode } from '../../i18n/refusals.js';
import type { Logger } from '../../logging/logger.js';
import { TEXT_MESSAGE_JOB } from '../../messaging/deliveryJobs.js';
import type { Messenger } from '../../messaging/messenger.js';
import { jobId } from '../../outbox/jobs.js';
import { RetryLater, type Outbox } from '../../outbox/outbox.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { changeStatus } from '../../register/statusChanges.js';
import { writeUnlessRaced } from '../../storage/conditionalUpdate.js';
import type { RecordStore } from '../../storage/store.js';
import type { DraftRepository } from '../answer/draftRepository.js';
import type { ApprovalStore } from '../approval/approvalStore.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';
import { metadataRefusalLog, type DocumentArchive, type FiledFile, type PdfConverter } from './archive.js';
import { registratorCard } from './filingCards.js';
import { filingKey, pdfKey, registrationKey } from './filingRecords.js';
import type { FiledVersion, FilingRecord, KeptPdf, Registration } from './filingRecords.js';
import { FILED_STATUS_JOB, REGISTRATOR_JOB } from './index.js';
import { registratorTarget, type Registrators } from './registrator.js';

/**
 * Notices to others (the handläggare's chat, the registrator's card) are in Swedish, whatever language the
 * person whose action caused them uses: a policy, not an oversight.
 */
const NOTICE_LANGUAGE: Language = 'sv';
const noticeTexts = () => messages(NOTICE_LANGUAGE);

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** After this many failed attempts the handläggare is told, and the job retries every half hour, for good. */
const REPORT_FAILURE_AFTER_ATTEMPTS = 4;
const PERSISTENT_FAILURE_RETRY_MS = 30 * 60_000;
/** A registrator who has not opened Remissbot yet has no 1:1 chat to post in. */
const REGISTRATOR_UNREACHABLE_RETRY_MS = 5 * 60_000;

/** Where the approver's card is told that the answer is filed (the approval feature). */
export interface FiledNotice {
  showFiled(dnr: string, version: number, filed: { url: string; name: string }): Promise<void>;
}

export interface FilingDependencies {
  registrators: Registrators;
  /** The organisation's folder in the archive, where there are several. */
  folderOf: (remiss: Remiss) => string | undefined;
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
  /** Told of every filed version once its status is set (a unit's answer goes back to the kansli); idempotent. */
  onFiled?: (remiss: Remiss, version: number) => Promise<void>;
  logger: Logger;
}

/** What the registrator's card shows after "Registrerad och skickad", or why nothing was recorded. */
export type RegistrationOutcome =
  { remiss: Remiss; record: FilingRecord; registration: Registration } | { refusal: RefusalCode };

export class FilingWorkflow {
  constructor(private readonly deps: FilingDependencies) {}

  /**
   * Records the first "Registrerad och skickad" for a filed version: the remiss becomes Besvarad, the files'
   * Status follows (a job) and the handläggare is told. A second press (or a Teams retry) records nothing and
   * returns the first.
   */
  /** The remiss a filed version answers, for the routes to find its registrator. */
  async remissOf(dnr: string): Promise<Remiss | undefined> {
    return (await this.deps.register.get(dnr))?.remiss;
  }

  async register(filed: FiledVersion, by: string, at: Date): Promise<RegistrationOutcome> {
    const record = (await this.deps.store.get<FilingRecord>(filingKey(filed)))?.value;
    const found = await this.deps.register.get(filed.dnr);
    if (!record?.docx || !record.pdf || !found) return { refusal: 'FILING_NOT_FOUND' };
    const key = registrationKey(filed);
    const registration: Registration = { schemaVersion: 1, by, at: at.toISOString() };
    if (await writeUnlessRaced(() => this.deps.store.create(key, registration))) {
      const { dnr, version } = filed;
      await changeStatus(this.deps.register, dnr, 'Besvarad', { at: registration.at, by, forwardOnly: true });
      await this.deps.outbox.enqueue(FILED_STATUS_JOB, { dnr, version }, { id: jobId(FILED_STATUS_JOB, dnr, version) });
      const text = noticeTexts().toldRegistered(found.remiss.title, by);
      await this.tellHandlaggare(dnr, text, jobId(TEXT_MESSAGE_JOB, 'registered', record.docx.hash, version));
    }
    return { remiss: found.remiss, record, registration: (await this.deps.store.get<Registration>(key))!.value };
  }

  /**
   * A failure that persists (SharePoint refusing, a revoked permission) is told to the handläggare once, in
   * Swedish, and the job keeps retrying: the approved version is never dropped.
   */
  async fileReportingFailures(filed: FiledVersion & { decidedAt?: string }, attempts: number): Promise<void> {
    try {
      await this.file(filed);
    } catch (err) {
      if (err instanceof RetryLater || attempts < REPORT_FAILURE_AFTER_ATTEMPTS) throw err;
      const code =
        typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'FILING_FAILED';
      const found = await this.deps.register.get(filed.dnr);
      if (found) {
        const text = noticeTexts().filingFailing(found.remiss.title, code);
        await this.tellHandlaggare(
          filed.dnr,
          text,
          jobId(TEXT_MESSAGE_JOB, 'filing-failing', filed.dnr, filed.version),
        );
      }
      throw new RetryLater(PERSISTENT_FAILURE_RETRY_MS, `filing keeps failing (${code})`);
    }
  }

  /** Posts the registrator's card (an outbox job): in their channel, or in the person's 1:1 chat. */
  async notifyRegistrator(filed: FiledVersion): Promise<void> {
    const record = (await this.deps.store.get<FilingRecord>(filingKey(filed)))?.value;
    const found = await this.deps.register.get(filed.dnr);
    const registrator = found && this.deps.registrators(found.remiss);
    const via = (await this.deps.drafts.get(filed.dnr))?.value.formMessage;
    if (!registrator || !record || !found || !via) return;
    const to = await registratorTarget(registrator, via, this.deps.people);
    if (!to) throw new RetryLater(REGISTRATOR_UNREACHABLE_RETRY_MS, 'registrator has not opened Remissbot yet');
    await this.deps.messenger.post(to, registratorCard(NOTICE_LANGUAGE, found.remiss, record, filed.version, ''));
  }

  /** After the registrator's press: the filed files' Status column says Besvarad too (a job). */
  async markFilesAnswered(filed: FiledVersion): Promise<void> {
    const record = (await this.deps.store.get<FilingRecord>(filingKey(filed)))?.value;
    for (const file of [record?.docx, record?.pdf]) if (file) await this.deps.archive.setStatus(file, 'Besvarad');
  }

  private async file(filed: FiledVersion & { decidedAt?: string }): Promise<void> {
    const { dnr, version, decidedAt } = filed;
    const key = filingKey(filed);
    const record: FilingRecord = (await this.deps.store.get<FilingRecord>(key))?.value ?? {
      schemaVersion: 1,
      dnr,
      version,
    };
    if (record.done) return;
    // An approval undone ("Ångra") files nothing; once claimed here, it can no longer be undone.
    const at = this.deps.clock().toISOString();
    if (decidedAt && !(await this.deps.approvals.claimFiling(dnr, version, decidedAt, at))) return;
    const found = await this.deps.register.get(dnr);
    const approval = (await this.deps.approvals.get(dnr))?.value.versions.find((v) => v.version === version);
    const doc = await this.deps.approvals.getDocument(dnr, version);
    if (!found || !approval?.decision || approval.decision.kind !== 'approved' || !doc)
      throw new Error('The approved version is missing');
    if (doc.hash !== approval.hash) throw new Error('The stored document does not match the approved version');
    const remiss = found.remiss;
    const registrator = this.deps.registrators(remiss);
    const organisationFolder = this.deps.folderOf(remiss);
    const place = {
      ...(organisationFolder ? { organisation: safeName(organisationFolder) } : {}),
      year: todayIn(new Date(approval.decision.at)).slice(0, 4),
      folder: safeName(`${remiss.dnr} ${remiss.title}`),
      metadata: {
        Diarienummer: remiss.dnr,
        Remittent: remiss.remittent,
        Svarsdatum: remiss.dueDate,
        Status: registrator ? 'Klar för diarieföring' : 'Besvarad',
      },
    };
    const docxName = safeName(remissvarFileName(remiss.dnr, remiss.title));

    if (!record.docx) {
      record.docx = await this.deps.archive.file({
        ...place,
        fileName: docxName,
        bytes: doc.bytes,
        contentType: DOCX_TYPE,
      });
      await this.deps.store.put(key, record);
    }
    if (!record.pdf) {
      const pdf = await this.convertedOnce(filed, doc.bytes, record.docx);
      record.pdf = await this.deps.archive.file({
        ...place,
        fileName: docxName.replace(/\.docx$/, '.pdf'),
        bytes: pdf,
        contentType: 'application/pdf',
      });
      await this.deps.store.put(key, record);
    }
    const status = { at: this.deps.clock().toISOString(), by: `arkivering v${version}`, forwardOnly: true };
    if (registrator) {
      await changeStatus(this.deps.register, dnr, 'Klar för diarieföring', status);
      await this.deps.outbox.enqueue(
        REGISTRATOR_JOB,
        { dnr, version },
        { id: jobId(REGISTRATOR_JOB, record.docx.hash, version) },
      );
    } else {
      // Without a registrator configured, filing sets Besvarad directly.
      await changeStatus(this.deps.register, dnr, 'Besvarad', status);
    }
    await this.deps.onFiled?.(remiss, version);
    await this.deps.approvalCards.showFiled(dnr, version, record.docx);
    const filedText = noticeTexts().filed(remiss.title, record.docx.url, record.pdf.url);
    await this.tellHandlaggare(dnr, filedText, jobId(TEXT_MESSAGE_JOB, 'filed', record.docx.hash, version));
    await this.tellMetadataRefused(remiss, record.docx, record.pdf, version);
    await this.deps.store.put(key, { ...record, done: this.deps.clock().toISOString() });
  }

  /** The files are filed; only their columns are not, which no retry can mend: said once, never retried. */
  private async tellMetadataRefused(remiss: Remiss, docx: FiledFile, pdf: FiledFile, version: number): Promise<void> {
    const refused = [docx, pdf].find((f) => metadataRefusalLog(f));
    if (!refused) return;
    this.deps.logger.warn(
      metadataRefusalLog(refused)!,
      'filed without metadata: SharePoint refused the library columns (npm run sharepoint:setup)',
    );
    const t = noticeTexts();
    const why = refused.missingColumn
      ? t.missingColumn(refused.missingColumn)
      : t.refusedDetails(refused.metadataRefused!);
    const text = t.filedWithoutDetails(remiss.title, why);
    await this.tellHandlaggare(remiss.dnr, text, jobId(TEXT_MESSAGE_JOB, 'metadata-refused', docx.hash, version));
  }

  /** A text in the chat where the handläggare filled in the form, once per `id`; nothing without a form. */
  private async tellHandlaggare(dnr: string, text: string, id: string): Promise<void> {
    const to = (await this.deps.drafts.get(dnr))?.value.formMessage;
    if (to) await this.deps.outbox.enqueue(TEXT_MESSAGE_JOB, { to, text }, { id });
  }

  /**
   * The PDF is made once and kept: a conversion is not byte-for-byte repeatable (it carries a timestamp), so a
   * retried job must file the same bytes to recognise its own earlier upload.
   */
  private async convertedOnce(filed: FiledVersion, docx: Buffer, filedDocx: FiledFile): Promise<Buffer> {
    const key = pdfKey(filed);
    const kept = await this.deps.store.get<KeptPdf>(key);
    if (kept) return Buffer.from(kept.value.base64, 'base64');
    const pdf = await this.deps.pdf.toPdf(docx, filedDocx);
    if (await writeUnlessRaced(() => this.deps.store.create(key, { schemaVersion: 1, base64: pdf.toString('base64') })))
      return pdf;
    return Buffer.from((await this.deps.store.get<KeptPdf>(key))!.value.base64, 'base64');
  }
}
