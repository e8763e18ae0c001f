/**
 * Files the approved version (an outbox job): the stored .docx and a PDF of it go to the archive under
 * `<year of approval>/<dnr> <titel>/`, exactly once. Each filed file is recorded as soon as it is known, so a
 * crash after an upload resumes without filing it twice; the archive itself never overwrites.
 */
import { todayIn } from '../../domain/calendar.js';
import { remissvarFileName } from '../../domain/documents/remissvarModel.js';
import { safeName } from '../../domain/filingNames.js';
import { messages } from '../../i18n/messages.js';
import type { Outbox } from '../../outbox/outbox.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { changeStatus } from '../../register/statusChanges.js';
import { StoreConflictError, type RecordStore } from '../../storage/store.js';
import type { DraftRepository } from '../answer/draftRepository.js';
import { FILING_JOB, TEXT_MESSAGE_JOB } from '../approval/approvalHandler.js';
import type { ApprovalStore } from '../approval/approvalStore.js';
import type { DocumentArchive, FiledFile, PdfConverter } from './archive.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface FilingRecord {
  schemaVersion: 1;
  dnr: string;
  version: number;
  docx?: FiledFile;
  pdf?: FiledFile;
  done?: string;
}

export interface FilingDependencies {
  register: RemissRepository;
  approvals: ApprovalStore;
  drafts: DraftRepository;
  archive: DocumentArchive;
  pdf: PdfConverter;
  store: RecordStore;
  outbox: Outbox;
  clock: () => Date;
}

export class FilingFeature {
  constructor(private readonly deps: FilingDependencies) {
    deps.outbox.register(FILING_JOB, (payload) => this.file(payload as { dnr: string; version: number }));
  }

  private async file({ dnr, version }: { dnr: string; version: number }): Promise<void> {
    const key = `filings/${dnr}/v${version}`;
    const record: FilingRecord = (await this.deps.store.get<FilingRecord>(key))?.value ?? { schemaVersion: 1, dnr, version };
    if (record.done) return;
    const found = await this.deps.register.get(dnr);
    const approval = (await this.deps.approvals.get(dnr))?.value.versions.find((v) => v.version === version);
    const doc = await this.deps.approvals.getDocument(dnr, version);
    if (!found || !approval?.decision || approval.decision.kind !== 'approved' || !doc) throw new Error('The approved version is missing');
    if (doc.hash !== approval.hash) throw new Error('The stored document does not match the approved version');
    const remiss = found.remiss;
    const year = todayIn(new Date(approval.decision.at)).slice(0, 4);
    const folder = safeName(`${remiss.dnr} ${remiss.title}`);
    const docxName = safeName(remissvarFileName(remiss.dnr, remiss.title));
    const metadata = { Diarienummer: remiss.dnr, Remittent: remiss.remittent, Svarsdatum: remiss.dueDate, Status: 'Besvarad' };

    if (!record.docx) {
      record.docx = await this.deps.archive.file({ year, folder, fileName: docxName, bytes: doc.bytes, contentType: DOCX_TYPE, metadata });
      await this.deps.store.put(key, record);
    }
    if (!record.pdf) {
      const pdf = await this.convertedOnce(dnr, version, doc.bytes);
      record.pdf = await this.deps.archive.file({ year, folder, fileName: docxName.replace(/\.docx$/, '.pdf'), bytes: pdf, contentType: 'application/pdf', metadata });
      await this.deps.store.put(key, record);
    }
    await this.markAnswered(dnr, version);
    const draft = (await this.deps.drafts.get(dnr))?.value;
    if (draft?.formMessage) {
      const text = messages('sv').filed(remiss.title, record.docx.url, record.pdf.url);
      await this.deps.outbox.enqueue(TEXT_MESSAGE_JOB, { to: draft.formMessage, text }, { id: `filed-told-${record.docx.hash.slice(0, 16)}-v${version}` });
    }
    await this.deps.store.put(key, { ...record, done: this.deps.clock().toISOString() });
  }

  /**
   * The PDF is made once and kept: a conversion is not byte-for-byte repeatable (it carries a timestamp), so a
   * retried job must file the same bytes to recognise its own earlier upload.
   */
  private async convertedOnce(dnr: string, version: number, docx: Buffer): Promise<Buffer> {
    const key = `filing-pdfs/${dnr}/v${version}`;
    const kept = await this.deps.store.get<{ base64: string }>(key);
    if (kept) return Buffer.from(kept.value.base64, 'base64');
    const pdf = await this.deps.pdf.toPdf(docx);
    try {
      await this.deps.store.create(key, { schemaVersion: 1, base64: pdf.toString('base64') });
      return pdf;
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
      return Buffer.from((await this.deps.store.get<{ base64: string }>(key))!.value.base64, 'base64');
    }
  }

  /** Without a registrator configured, filing sets Besvarad directly. */
  private markAnswered(dnr: string, version: number): Promise<void> {
    return changeStatus(this.deps.register, dnr, 'Besvarad', { at: this.deps.clock().toISOString(), by: `arkivering v${version}`, forwardOnly: true });
  }
}
