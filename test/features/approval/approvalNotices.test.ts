/**
 * What approval tells others through the outbox, in process (approvalTestbed.ts): the approver's card
 * delivered once to a chat opened for them, an unreachable approver told to the handläggare once while the
 * job waits, and the note on the approver's card once the answer is filed (what filing calls).
 */
import type { AdaptiveCard } from '../../../src/features/featureContext.js';
import { RecipientUnreachableError } from '../../../src/messaging/messenger.js';
import { RetryLater } from '../../../src/outbox/outbox.js';
import { cardText } from '../../fakes/fakeConnector.js';
import { anna, approvalTestbed, cecilia, DNR, NOW, sv } from './approvalTestbed.js';

const { bed, send, decide, jobs, record } = approvalTestbed();

describe('notices', () => {
  beforeEach(async () => {
    // Known to the bot (she has said hej) but without a stored chat: one is opened for her.
    await bed.people.remember({ teamsUserId: cecilia.teamsUserId, email: cecilia.email, name: cecilia.name }, NOW);
    await send();
  });

  test('the approver’s card is posted once to the chat opened for them, and where it went is recorded', async () => {
    await bed.approval.notices.deliver({ dnr: DNR, version: 1 });
    await bed.approval.notices.deliver({ dnr: DNR, version: 1 });
    expect(bed.posted.map((p) => p.to.conversationId)).toEqual(['a:cecilia']);
    expect(cardText(bed.posted[0]!.card)).toContain(sv.approvalRequestTitle(anna.name!));
    expect((await record())!.versions[0]!.approverCard).toMatchObject({ activityId: 'posted-1' });
  });

  test('an unreachable approver: the handläggare is told once and the job waits', async () => {
    bed.openChat = async () => {
      throw new RecipientUnreachableError('403');
    };
    for (let i = 0; i < 2; i++)
      await expect(bed.approval.notices.deliver({ dnr: DNR, version: 1 })).rejects.toBeInstanceOf(RetryLater);
    expect(bed.texts).toHaveLength(1);
    expect((await record())!.versions[0]!.unreachableToldAt).toBe(NOW.toISOString());
  });

  test('showFiled: the approved version’s card shows where the answer was filed', async () => {
    await bed.approval.notices.deliver({ dnr: DNR, version: 1 });
    await decide(cecilia, 'approve');
    await bed.approval.notices.showFiled(DNR, 1, { url: 'https://arkiv.example/svar.docx', name: 'svar.docx' });
    const updates = (await jobs()).filter((j) => j.kind === 'card.update');
    const shown = updates.map((j) => cardText((j.payload as { card: AdaptiveCard }).card));
    expect(shown.filter((text) => text.includes(sv.filedAs('svar.docx')))).toHaveLength(1);
  });
});
