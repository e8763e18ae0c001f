/**
 * Every card the bot sends, built by the real feature code from realistic data (including the longest
 * texts the import allows), for rendering tests and screenshots.
 */
import { distributionCard } from '../../src/features/distribution/distributionCards.js';
import { ActingOrganisations } from '../../src/features/due/actingOrganisation.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { messageCard } from '../../src/cards/messageCard.js';
import { helpCard, notUnderstoodCard, welcomeCard } from '../../src/features/commands/commandsCard.js';
import { DueRoutes } from '../../src/features/due/dueRoutes.js';
import type { AdaptiveCard, FeatureContext } from '../../src/features/featureContext.js';
import { LocalRemissRepository } from '../../src/register/localRemissRepository.js';
import { FileStore } from '../../src/storage/fileStore.js';
import type { Answer, AnswerSections } from '../../src/domain/answer.js';
import type { Draft } from '../../src/domain/draft.js';
import { DraftRepository } from '../../src/features/answer/draftRepository.js';
import { formCard } from '../../src/features/answer/formView.js';
import { exampleAnswer, exampleAvstar, exampleOrganisation } from './answerFixtures.js';
import { writeDialogCard } from '../../src/features/answer/answerDialog.js';
import { referralFormExamples } from './referralExampleCards.js';
import type { ApprovalVersion } from '../../src/domain/approval.js';
import { approverCard, composeCard, requesterStatusCard } from '../../src/features/approval/approvalCards.js';
import { approverReading } from '../../src/features/approval/approvalReading.js';
import { registratorCard } from '../../src/features/filing/filingCards.js';
import type { FilingRecord } from '../../src/features/filing/filingRecords.js';
import { remiss } from './remissFixtures.js';
import { featureContextStub } from './featureContextStub.js';

import { overviewCards, personalDigestCard } from '../../src/features/digest/digestCards.js';
import { readMissive } from '../../src/domain/missiveText.js';
import { intakeCard } from '../../src/features/intake/intakeView.js';
import { valuesOf } from '../../src/features/intake/registrationInput.js';
import { messages } from '../../src/i18n/messages.js';
import { FINANSDEPARTEMENTET } from './missiveTexts.js';
import { referralDigestExamples } from './referralDigestCards.js';
import { referralSendExamples } from './referralSendCards.js';

const NOW = new Date('2026-11-24T09:00:00Z');

/** The registration form: read from a missive with an error beside a field, a taken dnr with Visa, and saved. */
function intakeExamples(): { name: string; card: AdaptiveCard }[] {
  const facts = readMissive(FINANSDEPARTEMENTET);
  const values = valuesOf({
    diarienummer: 'SOF 2026/0088',
    remittentens_dnr: facts.remittentDnr,
    titel: facts.title,
    remittent: facts.remittent,
    inkom: '2026-11-24',
    svarsdatum: facts.dueDate,
    missiv: 'http://www.regeringen.se/remisser/2026/12/remiss-fi2026-03121/',
    instanser: facts.instanser,
  });
  const base = { language: 'sv' as const, organisation: { id: 'sof', name: 'Socialförvaltningen' }, values };
  const t = messages('sv');
  return [
    {
      name: 'intake-read',
      card: intakeCard({
        ...base,
        showOrganisation: true,
        notice: {
          text: t.intakeRead('remittentens dnr, titel, remittent, svarsdatum, remissinstanser'),
          style: 'accent',
        },
        errors: { missiv: t.intakeNotHttps },
      }),
    },
    {
      name: 'intake-exists',
      card: intakeCard({
        ...base,
        showOrganisation: false,
        notice: { text: t.intakeExists('SOF 2026/0088'), style: 'attention', refusal: 'REMISS_EXISTS' },
        show: 'SOF 2026/0088',
      }),
    },
    {
      name: 'intake-saved-en',
      card: intakeCard({
        ...base,
        language: 'en',
        showOrganisation: true,
        notice: { text: messages('en').intakeSaved('SOF 2026/0088', facts.title!), style: 'good' },
        show: 'SOF 2026/0088',
        saved: true,
      }),
    },
  ];
}

export async function exampleCards(): Promise<{ name: string; card: AdaptiveCard }[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-cards-'));
  try {
    const register = new LocalRemissRepository(new FileStore(dir));
    const anna = { email: 'anna.lindqvist@stad.example.se', name: 'Anna Lindqvist' };
    const examples = [
      remiss({
        dnr: 'KS 2026/0412',
        title: 'Stockholms stads trygghetsprogram 2027–2030',
        remittent: 'Kommunstyrelsen',
        dueDate: '2026-11-21',
        handlaggare: anna,
        status: 'Pågår',
      }),
      remiss({
        dnr: 'SBR 201.3.1-389/2026',
        title: 'Näringslivspolicy för Stockholms stad',
        remittent: 'Stockholms Stadshus AB',
        dueDate: '2026-11-24',
        handlaggare: anna,
      }),
      remiss({
        dnr: 'KS 2026/0611',
        title: 'Betänkandet En ny lag om kommunal vuxenutbildning (SOU 2026:41)',
        remittent: 'Utbildningsdepartementet',
        remittentDnr: 'U2026/05177/S',
        links: {
          missive: 'https://www.regeringen.se/remisser/2026/10/remiss-av-sou-2026-41/',
          document: 'https://www.regeringen.se/contentassets/sou-2026-41/sou-2026-41.pdf',
        },
        instanser: ['Skolverket', 'Skolinspektionen', 'Stockholms kommun', 'Sveriges Kommuner och Regioner'].join('\n'),
        dueDate: '2026-12-06',
        meetingDate: '2026-12-01',
        handlaggare: { email: 'erik.sandberg@stad.example.se', name: 'Erik Sandberg' },
      }),
      remiss({
        dnr: 'KS 2026/0702',
        title: 'Riktlinjer för stadens arbete med digitalisering',
        remittent: 'Kommunstyrelsen',
        dueDate: '2026-12-25',
      }),
      remiss({
        dnr: 'LÅNG 2026/' + '9'.repeat(180),
        title:
          'Ett mycket långt ärende: ' +
          'Förslag till ändrade föreskrifter om ansvar, samverkan och uppföljning i stadens gemensamma verksamheter. '
            .repeat(4)
            .slice(0, 475),
        remittent: 'R'.repeat(200),
        dueDate: '2027-01-15',
        handlaggare: { email: 'a'.repeat(60) + '@stad.example.se' },
      }),
      ...Array.from({ length: 14 }, (_, i) =>
        remiss({
          dnr: `KS 2027/${100 + i}`,
          title: `Remiss nummer ${i + 1}`,
          dueDate: `2027-02-${String(i + 1).padStart(2, '0')}`,
        }),
      ),
    ];
    await Promise.all(examples.map((r) => register.save(r)));
    await register.save({
      ...examples[0]!,
      dnr: 'KS 2026/0001',
      history: [
        { at: '2026-10-01T08:00:00Z', kind: 'created', source: 'import' },
        { at: '2026-10-05T08:00:00Z', kind: 'statusChanged', from: 'Inkommen', to: 'Fördelad' },
        { at: '2026-10-20T08:00:00Z', kind: 'dueDateChanged', from: '2026-11-15', to: '2026-11-21', source: 'import' },
        { at: '2026-11-02T13:03:00Z', kind: 'updated', fields: ['title', 'remittent'], source: 'import' },
      ],
    });
    const store = new FileStore(path.join(dir, 'drafts'));
    const drafts = new DraftRepository(store);
    const organisation = exampleOrganisation('forvaltning');
    // The förvaltning's own words, its Bakgrund suggested for the remiss shown.
    const fullAnswer = exampleAnswer('forvaltning', examples[0]!);
    const draft: Draft = {
      schemaVersion: 1,
      dnr: 'KS 2026/0412',
      owner: { teamsUserId: '29:anna', name: anna.name, email: anna.email },
      step: 4,
      revision: 3,
      answer: fullAnswer,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    };
    await drafts.create(draft);
    const progress = {
      marker: () => drafts.marker(),
      progress: async (dnr: string) => ((await drafts.get(dnr)) ? { step: 4, total: 7 } : undefined),
    };
    const acting = new ActingOrganisations(new FileStore(path.join(dir, 'acting')));
    const due = new DueRoutes(register, progress, 10, acting);
    const ctx = (language: 'sv' | 'en'): FeatureContext =>
      featureContextStub({ teamsUserId: '29:anna', ...anna }, { language, now: NOW }).ctx;
    const remissOf = examples[0]!;
    const approvalVersion: ApprovalVersion = {
      version: 2,
      hash: 'a'.repeat(64),
      documentDate: '2026-11-24',
      sentAt: NOW.toISOString(),
      sentBy: { name: anna.name, email: anna.email },
      approver: { name: 'Cecilia Holm', email: 'cecilia.holm@stad.example.se' },
      message: 'Hej Cecilia! Kan du titta på svaret före fredag? '.repeat(10).slice(0, 2000),
    };
    const filed = {
      docx: {
        id: 'x',
        url: 'https://stad.sharepoint.com/sites/remisser/Svar/2026/KS%202026-0412/svar.docx',
        hash: 'a',
        name: 'svar.docx',
      },
      pdf: {
        id: 'y',
        url: 'https://stad.sharepoint.com/sites/remisser/Svar/2026/KS%202026-0412/svar.pdf',
        hash: 'b',
        name: 'svar.pdf',
      },
    } as FilingRecord;
    const form = (step: number, extra: Partial<Parameters<typeof formCard>[3]> = {}, answer: Answer = draft.answer) =>
      formCard(
        organisation,
        remissOf,
        { ...draft, step, answer },
        { language: 'sv', documentDate: '2026-11-24', ...extra },
      );
    const longText = Array.from(
      { length: 40 },
      (_, i) => `Stycke ${i + 1}. ${'Förvaltningen tillstyrker förslaget i avsnitt 3.2. '.repeat(20)}`,
    ).join('\n\n');
    return [
      { name: 'due-list', card: await due.list(ctx('sv'), 'due') },
      { name: 'due-list-en', card: await due.list(ctx('en'), 'mine') },
      {
        name: 'due-list-empty',
        card: await new DueRoutes(
          new LocalRemissRepository(new FileStore(path.join(dir, 'empty'))),
          progress,
          10,
          acting,
        ).list(ctx('sv'), 'due'),
      },
      { name: 'remiss-detail', card: await due.show(ctx('sv'), 'KS 2026/0001') },
      { name: 'remiss-detail-long', card: await due.show(ctx('sv'), examples[4]!.dnr) },
      { name: 'remiss-detail-links', card: await due.show(ctx('sv'), examples[2]!.dnr) },
      ...intakeExamples(),
      {
        name: 'distribution-assign',
        card: distributionCard(remissOf, 'assign', 'sv', {
          choices: [
            { title: 'Anna Lindqvist (anna.lindqvist@stad.example.se)', value: 'anna.lindqvist@stad.example.se' },
            { title: 'erik.sandberg@stad.example.se', value: 'erik.sandberg@stad.example.se' },
          ],
          errors: { person: 'Välj en handläggare eller skriv en e-postadress.' },
        }),
      },
      {
        name: 'distribution-extension',
        card: distributionCard(remissOf, 'extension', 'sv', {
          errors: { agreedBy: 'Skriv vem hos remittenten som beviljade anståndet.' },
          typed: { granted: '2027-01-31' },
        }),
      },
      { name: 'distribution-hand-back', card: distributionCard(remissOf, 'handBack', 'en') },
      { name: 'welcome', card: welcomeCard('sv') },
      { name: 'help', card: helpCard('sv', { mayRegister: true }) },
      { name: 'not-understood-en', card: notUnderstoodCard('en') },
      {
        name: 'form-details',
        card: form(1, {
          errors: { email: 'Skriv en giltig e-postadress.' },
          typed: { name: anna.name, email: 'anna@', phone: '08-508 000 00', meeting: '2026-12-15', adjust: 'true' },
        }),
      },
      { name: 'form-section', card: form(4, { notice: { text: 'Sparat.', style: 'good' } }) },
      {
        name: 'form-section-long',
        card: form(5, {}, {
          ...fullAnswer,
          sections: { ...(fullAnswer as { sections: AnswerSections }).sections, analys: longText.slice(0, 20_000) },
        } as Answer),
      },
      { name: 'form-preview', card: form(7) },
      {
        name: 'form-preview-long',
        card: form(7, {}, {
          ...fullAnswer,
          sections: {
            sammanfattning: longText.slice(0, 20_000),
            bakgrund: longText.slice(0, 20_000),
            arendet: longText.slice(0, 20_000),
            analys: longText.slice(0, 20_000),
            bilagor: longText.slice(0, 20_000),
          },
        } as Answer),
      },
      {
        name: 'form-download',
        card: form(7, {
          notice: { text: 'Utkastet är klart. Länken gäller i 15 minuter.', style: 'good' },
          link: { url: 'https://remissbot.example.se/files/x', title: 'Öppna dokumentet' },
        }),
      },
      // Someone else's draft: the header says whose, with no step or writing guidance.
      { name: 'form-readonly', card: form(4, { readOnly: true }) },
      {
        name: 'form-required',
        card: form(
          4,
          {
            notice: {
              text: 'Ärendet är tomt men ska fyllas i innan förhandsgranskningen. Du kan skriva det nu eller senare.',
              style: 'warning',
            },
            continueAnyway: { to: 5, force: true },
          },
          {
            ...fullAnswer,
            sections: { ...(fullAnswer as { sections: AnswerSections }).sections, arendet: '' },
          } as Answer,
        ),
      },
      {
        name: 'answer-dialog',
        card: writeDialogCard(organisation, { remiss: remissOf, draft }, {}, 'sv'),
      },
      { name: 'form-avstar', card: form(1, {}, exampleAvstar('forvaltning')) },
      ...referralFormExamples(form, fullAnswer),
      {
        name: 'approval-compose',
        card: composeCard('sv', {
          remiss: remissOf,
          draft,
          approvers: organisation.approvers ?? [],
          defaultApprover: organisation.defaultApprover ?? '',
          approverValue: '',
          message: '',
          error: '',
        }),
      },
      {
        name: 'approval-request',
        card: approverCard('sv', remissOf, approvalVersion, approverReading(organisation, remissOf, draft.answer)),
      },
      {
        // Every section at its longest: the whole answer is cut to Teams' 28 KB with a note.
        name: 'approval-request-long',
        card: approverCard(
          'sv',
          remissOf,
          approvalVersion,
          approverReading(organisation, remissOf, {
            ...fullAnswer,
            sections: Object.fromEntries(
              Object.keys((fullAnswer as { sections: AnswerSections }).sections).map((k) => [
                k,
                longText.slice(0, 20_000),
              ]),
            ) as AnswerSections,
          } as Answer),
        ),
      },
      {
        name: 'approval-decided',
        card: approverCard(
          'sv',
          remissOf,
          {
            ...approvalVersion,
            decision: { kind: 'approved', by: { name: 'Cecilia Holm' }, at: '2026-11-24T13:03:00Z' },
          },
          approverReading(organisation, remissOf, draft.answer),
        ),
      },
      {
        name: 'approval-status',
        card: requesterStatusCard('sv', remissOf, {
          schemaVersion: 1,
          dnr: remissOf.dnr,
          versions: [approvalVersion],
        }),
      },
      { name: 'registrator', card: registratorCard('sv', remissOf, filed, 1, '') },
      {
        name: 'message',
        card: messageCard('Jag hittar ingen remiss med det diarienumret.', { backLabel: 'Tillbaka till listan' }),
      },
      {
        name: 'digest-personal',
        card: personalDigestCard(
          examples.slice(0, 2),
          '2026-11-24',
          { horizonDays: 14, handlingStopDays: 10 },
          'sv',
          new Map([['KS 2026/0412', { step: 4, total: 7 }]]),
        ),
      },
      {
        name: 'digest-overview',
        card: overviewCards(
          [
            ...examples,
            { ...examples[1]!, dnr: 'KS 2026/0900', title: 'Väntar på godkännande', status: 'För godkännande' },
          ],
          '2026-11-24',
          'sv',
          10,
        )[0]!,
      },
      { name: 'digest-overview-en', card: overviewCards(examples, '2026-11-24', 'en', 10)[0]! },
      ...referralDigestExamples(),
      ...(await referralSendExamples(register)),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
