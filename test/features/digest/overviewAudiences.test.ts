/** Who gets which overview in a city: each organisation's managers and channel, one overview for a manager of two. */
import { parseOrganisation } from '../../../src/domain/organisation.js';
import { OrganisationDirectory } from '../../../src/domain/organisations.js';
import { overviewAudiences } from '../../../src/features/digest/overviewAudiences.js';
import { exampleOrganisation } from '../../support/answerFixtures.js';
import { remiss } from '../../support/remissFixtures.js';

const target = (conversationId: string) => ({
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  conversationId,
  botId: '28:bot',
});
const org = (kind: 'bolag' | 'forvaltning' | 'kontor', extra: Record<string, unknown>) =>
  parseOrganisation({ ...exampleOrganisation(kind), ...extra });

const kansli = org('kontor', { id: 'kansliet', seesAll: true, managers: ['helena@stad.se'] });
const sof = org('forvaltning', {
  id: 'sof',
  managers: ['fatima@stad.se', 'dubbel@stad.se'],
  channel: 'channel:19:team@thread.tacv2/19:sof@thread.tacv2',
});
const sbr = org('bolag', { id: 'sbr', members: { chef: ['cecilia@stad.se', 'Dubbel@stad.se'] } });
const city = new OrganisationDirectory([kansli, sof, sbr]);
const ofSof = remiss({ dnr: 'SOF 1', dueDate: '2027-01-10', organisation: 'sof' });
const ofSbr = remiss({ dnr: 'SBR 1', dueDate: '2027-01-10', organisation: 'sbr' });

test('each manager gets the overview of their organisations, the kansli of all, a channel of its own', async () => {
  const installed = [target('19:sof@thread.tacv2'), target('19:okand@thread.tacv2')];
  const audiences = await overviewAudiences(city, installed);
  const seen = (who: string) => {
    const audience = audiences.find(
      (a) => a.managers.includes(who) || a.channels.some((c) => c.conversationId === who),
    );
    return [ofSof, ofSbr].filter((r) => !audience?.sees || audience.sees(r)).map((r) => r.dnr);
  };
  expect(seen('helena@stad.se')).toEqual(['SOF 1', 'SBR 1']);
  expect(seen('fatima@stad.se')).toEqual(['SOF 1']);
  expect(seen('cecilia@stad.se')).toEqual(['SBR 1']);
  // A manager of two organisations is in one audience: one overview of both.
  expect(audiences.filter((a) => a.managers.includes('dubbel@stad.se'))).toHaveLength(1);
  expect(seen('dubbel@stad.se')).toEqual(['SOF 1', 'SBR 1']);
  expect(seen('19:sof@thread.tacv2')).toEqual(['SOF 1']);
  // A channel no organisation names gets nothing where there are several.
  expect(audiences.some((a) => a.channels.some((c) => c.conversationId === '19:okand@thread.tacv2'))).toBe(false);
});

test('a single organisation: its managers (or approvers) and every channel the bot is in, everything', async () => {
  const single = new OrganisationDirectory([exampleOrganisation('bolag')]);
  const audiences = await overviewAudiences(single, [target('19:a@thread.tacv2'), target('19:b@thread.tacv2')]);
  expect(audiences).toHaveLength(1);
  expect(audiences[0]!.sees).toBeUndefined();
  expect(audiences[0]!.channels.map((c) => c.conversationId)).toEqual(['19:a@thread.tacv2', '19:b@thread.tacv2']);
  expect(audiences[0]!.managers).toEqual(['cecilia.holm@stad.example.se']);
});
