/**
 * A referral and a referredBy read from outside (the SharePoint register's Historik column, which anyone who may
 * edit the list can change): the valid value whole, or nothing; never a part of a hostile one.
 */
import {
  MAX_REFERRAL_MESSAGE_LENGTH,
  MAX_REFERRED_UNITS,
  parseReferral,
  parseReferredBy,
  type Referral,
} from '../../src/domain/referral.js';
import { KANSLI_DNR, referredUnit, unitDocument } from '../support/referralFixtures.js';

const answered = {
  ...referredUnit('social', { message: 'Svara gärna före jul.' }),
  answer: { at: '2026-12-10T14:00:00.000Z', position: 'tillstyrker', document: unitDocument('KS 2026/1234-SOCIAL') },
};
const valid: Referral = {
  units: [
    answered as Referral['units'][number],
    { ...referredUnit('sbr'), answer: { at: '2026-12-11T08:00:00.000Z', position: 'avstar' } },
    referredUnit('norrmalm'),
  ],
};
/** The valid referral with the first unit changed. */
const withFirst = (change: Record<string, unknown>) => ({
  units: [{ ...answered, ...change }, ...valid.units.slice(1)],
});
const withAnswer = (change: Record<string, unknown>) => withFirst({ answer: { ...answered.answer, ...change } });
const withDocument = (change: Record<string, unknown>) =>
  withAnswer({ document: { ...answered.answer.document, ...change } });

describe('parseReferral', () => {
  test('a valid referral reads whole, through JSON as the register keeps it', () => {
    expect(parseReferral(JSON.parse(JSON.stringify(valid)))).toStrictEqual(valid);
    expect(parseReferral({ units: [] })).toStrictEqual({ units: [] });
    for (const position of ['tillstyrker', 'avstyrker', 'synpunkter', 'avstar'])
      expect(parseReferral(withAnswer({ position }))?.units[0]?.answer?.position).toBe(position);
    const withoutDocument = { units: [{ ...answered, answer: { at: answered.answer.at, position: 'synpunkter' } }] };
    expect(parseReferral(withoutDocument)).toStrictEqual(withoutDocument);
  });

  test.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', JSON.stringify(valid)],
    ['a number', 42],
    ['the units alone', valid.units],
    ['units that are no list', { units: { 0: answered } }],
    ['no units', {}],
    ['a unit that is no object', { units: [...valid.units, 'norrmalm'] }],
    ['a unit without organisation', withFirst({ organisation: '' })],
    ['a unit without dnr', withFirst({ dnr: undefined })],
    ['a dnr of 301 characters', withFirst({ dnr: 'K'.repeat(301) })],
    ['an organisation id of 101 characters', withFirst({ organisation: 'o'.repeat(101) })],
    ['a svarsdatum that is no date', withFirst({ dueDate: '2026-02-30' })],
    ['a svarsdatum as an instant', withFirst({ dueDate: '2026-12-18T00:00:00Z' })],
    ['a number for sentAt', withFirst({ sentAt: 1765000000 })],
    ['a sentAt of 41 characters', withFirst({ sentAt: '2'.repeat(41) })],
    ['a sender of 401 characters', withFirst({ by: `${'b'.repeat(393)}@stad.se` })],
    ['a message too long', withFirst({ message: 'm'.repeat(MAX_REFERRAL_MESSAGE_LENGTH + 1) })],
    ['a position of none', withAnswer({ position: 'kanske' })],
    ['the position avstår with its å', withAnswer({ position: 'avstår' })],
    ['an answer without its time', withAnswer({ at: undefined })],
    ['a hash in capitals', withDocument({ hash: 'A'.repeat(64) })],
    ['a hash too short', withDocument({ hash: 'a'.repeat(63) })],
    ['version 0', withDocument({ version: 0 })],
    ['version 1.5', withDocument({ version: 1.5 })],
    ['version as text', withDocument({ version: '2' })],
    ['a document without dnr', withDocument({ dnr: '' })],
    ['a url of 2001 characters', withDocument({ url: `https://x.se/${'u'.repeat(1988)}` })],
    ['a name of 401 characters', withDocument({ name: 'n'.repeat(401) })],
    ['one unit too many', { units: Array.from({ length: MAX_REFERRED_UNITS + 1 }, (_, i) => referredUnit(`u${i}`)) }],
  ])('%s is refused whole', (_what, value) => {
    expect(parseReferral(value)).toBeUndefined();
  });

  test('as many units as may be sent to are read', () => {
    const most = { units: Array.from({ length: MAX_REFERRED_UNITS }, (_, i) => referredUnit(`u${i}`)) };
    expect(parseReferral(most)?.units).toHaveLength(MAX_REFERRED_UNITS);
    const longest = withFirst({ message: 'm'.repeat(MAX_REFERRAL_MESSAGE_LENGTH) });
    expect(parseReferral(longest)?.units[0]?.message).toHaveLength(MAX_REFERRAL_MESSAGE_LENGTH);
  });

  test('keys it does not know are dropped, __proto__ included, and nothing is polluted', () => {
    const hostile = JSON.parse(
      '{"units":[{"organisation":"social","dnr":"KS 1-SOF","dueDate":"2026-12-18","sentAt":"x","by":"y",' +
        '"__proto__":{"polluted":true},"admin":true,"answer":{"at":"z","position":"avstar","extra":1}}],' +
        '"__proto__":{"polluted":true},"more":[1]}',
    ) as unknown;
    expect(parseReferral(hostile)).toStrictEqual({
      units: [
        {
          organisation: 'social',
          dnr: 'KS 1-SOF',
          dueDate: '2026-12-18',
          sentAt: 'x',
          by: 'y',
          answer: { at: 'z', position: 'avstar' },
        },
      ],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseReferredBy', () => {
  const by = { dnr: KANSLI_DNR, organisation: 'kansliet', message: 'Svara gärna före jul.' };

  test('a valid one reads whole; without a message or with an empty organisation too', () => {
    expect(parseReferredBy(by)).toStrictEqual(by);
    expect(parseReferredBy({ dnr: KANSLI_DNR, organisation: 'kansliet' })).toStrictEqual({
      dnr: KANSLI_DNR,
      organisation: 'kansliet',
    });
    expect(parseReferredBy({ dnr: KANSLI_DNR, organisation: '' })).toStrictEqual({ dnr: KANSLI_DNR, organisation: '' });
    expect(parseReferredBy({ ...by, __proto__: null, role: 'admin' })).toStrictEqual(by);
  });

  test.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['the dnr alone', KANSLI_DNR],
    ['a list', [by]],
    ['no dnr', { organisation: 'kansliet' }],
    ['an empty dnr', { ...by, dnr: '' }],
    ['a dnr of 201 characters', { ...by, dnr: 'K'.repeat(201) }],
    ['no organisation', { dnr: KANSLI_DNR }],
    ['an organisation that is no text', { ...by, organisation: ['kansliet'] }],
    ['an organisation of 101 characters', { ...by, organisation: 'k'.repeat(101) }],
    ['a message too long', { ...by, message: 'm'.repeat(MAX_REFERRAL_MESSAGE_LENGTH + 1) }],
    ['a message that is no text', { ...by, message: { text: 'x' } }],
  ])('%s is refused', (_what, value) => {
    expect(parseReferredBy(value)).toBeUndefined();
  });
});
