/**
 * Manager approval's state changes: sending freezes the draft as version N (its exact .docx kept) for an
 * approver; a decision is reloaded by dnr, checked against the stored approver and the latest version, and
 * written conditionally, so concurrent or forged clicks change nothing twice. Results or refusal codes come
 * back to the routes; what others are told goes through the outbox (approvalNotices.ts).
 */
import { latestVersion, type ApprovalParty, type ApprovalRecord, type ApprovalVersion } from '../../domain/approval.js';
import { missingSections } from '../../domain/answer.js';
import { positionMissing } from '../../domain/referralAnswer.js';
import { todayIn } from '../../domain/calendar.js';
import { buildRemissvarDocx } from '../../domain/documents/remissvarDocx.js';
import type { Draft } from '../../domain/draft.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import type { Remiss, RemissStatus } from '../../domain/remiss.js';
import type { Outbox } from '../../outbox/outbox.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { changeStatus } from '../../register/statusChanges.js';
import { retryOnConflict, writeUnlessRaced } from '../../storage/conditionalUpdate.js';
import type { DraftRepository } from '../answer/draftRepository.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';
import { who } from './approvalCards.js';
import { sha256, type ApprovalStore } from './approvalStore.js';
import { resolveApprover } from './approverChoice.js';
import { APPROVAL_NOTIFY_JOB } from './index.js';

/** A decision lost to another write is tried again on what is stored, this many times in all. */
const DECISION_ATTEMPTS = 5;

/**
 * How long "Ångra" undoes a decision by default (APPROVAL_UNDO_MINUTES): long enough to catch a mis-click,
 * short enough that filing (which waits for it to close) is hardly delayed.
 */
export const UNDO_WINDOW_MS = 5 * 60_000;

/** Until when a decision can be undone; undefined when undo is off (a window of 0). */
export function undoUntil(v: ApprovalVersion, windowMs: number): Date | undefined {
  return v.decision && windowMs > 0 ? new Date(Date.parse(v.decision.at) + windowMs) : undefined;
}

/** Whether a decision can still be undone at `now`: within the window and not yet claimed by filing. */
export function undoable(v: ApprovalVersion, now: Date, windowMs: number): boolean {
  const until = undoUntil(v, windowMs);
  return !!until && !v.filingClaimedAt && now < until;
}

/** What the others are told once a version is decided, or a decision undone (approvalNotices.ts). */
export interface DecisionNotices {
  decided(remiss: Remiss, decided: ApprovalVersion, draft: Draft | undefined): Promise<void>;
  undone(remiss: Remiss, undecided: ApprovalVersion, draft: Draft | undefined, by: ApprovalParty): Promise<void>;
}

export interface ApprovalWorkflowDependencies {
  organisations: OrganisationDirectory;
  register: RemissRepository;
  drafts: DraftRepository;
  approvals: ApprovalStore;
  people: PeopleDirectory;
  outbox: Outbox;
  notices: DecisionNotices;
  clock: () => Date;
  /** How long a decision can be undone, in ms (0: no Ångra). */
  undoWindowMs: number;
}

export interface LoadedDraft {
  remiss: Remiss;
  draft: Draft;
  eTag: string;
}

export interface SendRequest {
  revision: number;
  /** The approver as written on the form: an e-mail address or an Entra object id. */
  approver: string;
  message: string;
}

export type SendOutcome =
  | { sent: ApprovalRecord }
  /** Already with the approver (or another "Skicka" won the race): the record as it is. */
  | { awaiting: ApprovalRecord | undefined }
  /** Sent from an older copy of the form, or to an approver that is neither an e-mail nor an object id. */
  | { formError: 'outdated' | 'approver' }
  | { refusal: 'SECTIONS_MISSING' | 'POSITION_MISSING' };

export interface DecisionRequest {
  version: number;
  decision: 'approve' | 'changes';
  comment: string;
}

/** Who presses Godkänn / Begär ändringar: whether they may decide the version, and how they are named. */
export interface Decider {
  mayDecide(version: ApprovalVersion): Promise<boolean>;
  party(): Promise<ApprovalParty>;
}

export type DecisionOutcome =
  | { decided: ApprovalVersion }
  | { commentMissing: ApprovalVersion }
  | { refusal: 'APPROVAL_NOT_FOUND' | 'NOT_THE_APPROVER' }
  | { refusal: 'NOT_LATEST_VERSION' | 'ALREADY_DECIDED'; latest: ApprovalVersion }
  /** Every attempt lost to another writer. */
  | { conflicted: true };

export type UndoOutcome =
  | { undone: ApprovalVersion }
  | { refusal: 'APPROVAL_NOT_FOUND' | 'NOT_THE_APPROVER' | 'NOT_LATEST_VERSION' | 'UNDO_EXPIRED' }
  | { conflicted: true };

export type StoredVersionOutcome =
  | { remiss: Remiss; entry: ApprovalVersion; document: Buffer }
  | { refusal: 'APPROVAL_NOT_FOUND' | 'DOCUMENT_NOT_FOUND' };

export class ApprovalWorkflow {
  constructor(private readonly deps: ApprovalWorkflowDependencies) {}

  async loadDraft(dnr: string): Promise<LoadedDraft | undefined> {
    const [found, draft] = await Promise.all([this.deps.register.get(dnr), this.deps.drafts.get(dnr)]);
    return found && draft ? { remiss: found.remiss, draft: draft.value, eTag: draft.eTag } : undefined;
  }

  async remiss(dnr: string): Promise<Remiss | undefined> {
    return (await this.deps.register.get(dnr))?.remiss;
  }

  async record(dnr: string): Promise<ApprovalRecord | undefined> {
    return (await this.deps.approvals.get(dnr))?.value;
  }

  /** Freezes the draft as the next version and asks the outbox to post it to the approver. */
  async send(
    { remiss, draft, eTag }: LoadedDraft,
    request: SendRequest,
    sender: () => Promise<ApprovalParty>,
    now: Date,
  ): Promise<SendOutcome> {
    const { dnr } = remiss;
    if (draft.approval?.awaitingVersion) return { awaiting: await this.record(dnr) };
    if (draft.revision !== request.revision) return { formError: 'outdated' };
    if (draft.answer.kind === 'answer' && missingSections(draft.answer.sections).length > 0)
      return { refusal: 'SECTIONS_MISSING' };
    if (positionMissing(remiss, draft.answer)) return { refusal: 'POSITION_MISSING' };
    const organisation = this.deps.organisations.of(remiss);
    const approver = await resolveApprover(this.deps.people, organisation, request.approver);
    if (!approver) return { formError: 'approver' };

    const sentBy = await sender();
    const documentDate = todayIn(now);
    const bytes = await buildRemissvarDocx({ organisation, remiss, answer: draft.answer, documentDate });
    const existing = await this.deps.approvals.get(dnr);
    const record: ApprovalRecord = existing?.value ?? { schemaVersion: 1, dnr, versions: [] };
    const version = record.versions.length + 1;
    const hash = sha256(bytes);
    const sentAt = now.toISOString();
    const entry: ApprovalVersion = { version, hash, documentDate, sentAt, sentBy, approver, message: request.message };
    // The draft is locked first: a second click of "Skicka" loses this race and sends nothing.
    const locked: Draft = {
      ...draft,
      frozenDate: documentDate,
      approval: { ...draft.approval, awaitingVersion: version, changesRequested: undefined },
      updatedAt: sentAt,
    };
    const won = await writeUnlessRaced(() => this.deps.drafts.replace(locked, eTag, { stepChanged: true }));
    if (!won) return { awaiting: existing?.value };
    await this.deps.approvals.putDocument(dnr, version, bytes);
    const saved = { ...record, versions: [...record.versions, entry] };
    await this.deps.approvals.save(saved, existing?.eTag);
    await this.setStatus(dnr, 'För godkännande', {
      ...{ at: sentAt, kind: 'approvalRequested', version, hash },
      ...{ by: who(sentBy), approver: who(approver) },
    });
    // The id predates jobId; kept so that a retried send still finds the job it enqueued.
    const id = `approval-notify-${sha256(Buffer.from(dnr)).slice(0, 16)}-v${version}`;
    await this.deps.outbox.enqueue(APPROVAL_NOTIFY_JOB, { dnr, version }, { id });
    return { sent: saved };
  }

  /** Godkänn / Begär ändringar on version `request.version` of the remiss. */
  async decide(remiss: Remiss, request: DecisionRequest, decider: Decider, now: Date): Promise<DecisionOutcome> {
    const { dnr } = remiss;
    const { version, decision, comment } = request;
    // A conflict can come from a write that is not a decision (the outbox recording where it posted the
    // approver's card): then the decision is tried again on what is stored now.
    return retryOnConflict<DecisionOutcome>(
      async () => {
        const stored = await this.deps.approvals.get(dnr);
        const latest = latestVersion(stored?.value);
        const target = stored?.value.versions.find((v) => v.version === version);
        if (!stored || !latest || !target) return { refusal: 'APPROVAL_NOT_FOUND' };
        // Identity first: a forged click by someone else learns nothing about the approval's state.
        if (!(await decider.mayDecide(target))) return { refusal: 'NOT_THE_APPROVER' };
        if (version !== latest.version) return { refusal: 'NOT_LATEST_VERSION', latest };
        if (latest.decision) return { refusal: 'ALREADY_DECIDED', latest };
        if (decision === 'changes' && !comment) return { commentMissing: latest };

        const kind = decision === 'approve' ? 'approved' : 'changesRequested';
        const by = await decider.party();
        const decided: ApprovalVersion = {
          ...latest,
          decision: { kind, by, at: now.toISOString(), comment: comment || undefined },
        };
        const record = { ...stored.value, versions: [...stored.value.versions.slice(0, -1), decided] };
        await this.deps.approvals.save(record, stored.eTag);
        await this.afterDecision(remiss, decided, now);
        return { decided };
      },
      { attempts: DECISION_ATTEMPTS, exhausted: () => ({ conflicted: true }) },
    );
  }

  /**
   * "Ångra": the decision taken at `decidedAt` is removed while the window is open and filing has not claimed
   * the version (a conditional write on the same record as filing's claim, so exactly one of the two wins).
   */
  async undo(remiss: Remiss, version: number, decidedAt: string, decider: Decider, now: Date): Promise<UndoOutcome> {
    const { dnr } = remiss;
    return retryOnConflict<UndoOutcome>(
      async () => {
        const stored = await this.deps.approvals.get(dnr);
        const target = stored?.value.versions.find((v) => v.version === version);
        if (!stored || !target) return { refusal: 'APPROVAL_NOT_FOUND' };
        if (!(await decider.mayDecide(target))) return { refusal: 'NOT_THE_APPROVER' };
        if (version !== latestVersion(stored.value)?.version) return { refusal: 'NOT_LATEST_VERSION' };
        // A forged or old card names a decision that is not the stored one: the same refusal as a late one.
        if (target.decision?.at !== decidedAt || !undoable(target, now, this.deps.undoWindowMs))
          return { refusal: 'UNDO_EXPIRED' };
        const undecided: ApprovalVersion = { ...target, decision: undefined };
        const record = { ...stored.value, versions: [...stored.value.versions.slice(0, -1), undecided] };
        await this.deps.approvals.save(record, stored.eTag);
        const by = await decider.party();
        await changeStatus(this.deps.register, dnr, 'För godkännande', { at: now.toISOString(), by: who(by) });
        const draft = await this.updateDraft(dnr, (dr) => ({ ...dr, approval: { awaitingVersion: version } }));
        await this.deps.notices.undone(remiss, undecided, draft, by);
        return { undone: undecided };
      },
      { attempts: DECISION_ATTEMPTS, exhausted: () => ({ conflicted: true }) },
    );
  }

  /** A sent version with its stored Word document, for "Ladda ned version N". */
  async storedVersion(dnr: string, version: number): Promise<StoredVersionOutcome> {
    const entry = (await this.record(dnr))?.versions.find((v) => v.version === version);
    const found = await this.deps.register.get(dnr);
    const doc = entry && (await this.deps.approvals.getDocument(dnr, version));
    if (!entry || !found) return { refusal: 'APPROVAL_NOT_FOUND' };
    if (!doc) return { refusal: 'DOCUMENT_NOT_FOUND' };
    return { remiss: found.remiss, entry, document: doc.bytes };
  }

  /** The register's status and the draft follow the decision; then the others are told. */
  private async afterDecision(remiss: Remiss, decided: ApprovalVersion, now: Date): Promise<void> {
    const d = decided.decision!;
    const approved = d.kind === 'approved';
    const at = now.toISOString();
    const { version, hash } = decided;
    const by = who(d.by);
    await this.setStatus(
      remiss.dnr,
      approved ? 'Godkänd' : 'Ändringar begärda',
      approved
        ? { at, kind: 'approved', version, hash, by }
        : { at, kind: 'changesRequested', version, hash, by, comment: d.comment ?? '' },
    );
    const draft = await this.updateDraft(remiss.dnr, (dr) => ({
      ...dr,
      approval: approved
        ? { approvedVersion: decided.version }
        : { changesRequested: { version, comment: d.comment ?? '', by, at } },
    }));
    await this.deps.notices.decided(remiss, decided, draft);
  }

  private async updateDraft(dnr: string, change: (d: Draft) => Draft): Promise<Draft | undefined> {
    return retryOnConflict(
      async () => {
        const stored = await this.deps.drafts.get(dnr);
        if (!stored) return undefined;
        const next = {
          ...change(stored.value),
          revision: stored.value.revision + 1,
          updatedAt: this.deps.clock().toISOString(),
        };
        await this.deps.drafts.replace(next, stored.eTag, { stepChanged: true });
        return next;
      },
      { exhausted: () => undefined },
    );
  }

  private setStatus(dnr: string, status: RemissStatus, entry: Remiss['history'][number]): Promise<void> {
    return changeStatus(this.deps.register, dnr, status, {
      at: entry.at,
      by: 'by' in entry && entry.by ? entry.by : '',
      entry,
    });
  }
}
