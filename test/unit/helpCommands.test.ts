/**
 * Help lists every command, and every command it lists is understood: the buttons' texts and the typed ones
 * (with a diarienummer filled in, each alternative of "a / b" on its own), in both languages. The manifest's
 * command menu offers only what help lists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { matchIntent } from '../../src/domain/intents.js';
import type { Language } from '../../src/domain/language.js';
import { helpCard } from '../../src/features/commands/commandsCard.js';
import { messages } from '../../src/i18n/messages.js';

const manifestDir = path.resolve(__dirname, '../../manifest');

describe.each<Language>(['sv', 'en'])('help in %s', (language) => {
  const t = messages(language);
  const buttons = [
    t.cmdDue,
    t.cmdAll,
    t.cmdMine,
    t.cmdOverdue,
    t.cmdThisWeek,
    t.cmdNewRemiss,
    t.cmdHelp,
    t.cmdLanguage,
  ];
  const typed = t.typedCommands.flatMap((c) => c.command.split(' / ').map((s) => s.replace('<dnr>', 'KS 2026/0412')));

  test.each(buttons)('the button "%s" is understood', (command) => {
    expect(matchIntent(command)).toBeDefined();
  });

  test.each(typed)('the typed command "%s" is understood', (command) => {
    expect(matchIntent(command)).toBeDefined();
  });

  test('the card shows every button and every typed command', () => {
    // The typed commands are a FactSet, which the connector's card text leaves out: look in the card itself.
    const text = JSON.stringify(helpCard(language, { mayRegister: true }));
    for (const command of [...buttons, ...t.typedCommands.map((c) => c.command)]) expect(text).toContain(command);
  });

  test('"Ny remiss" is a button only for those who may register a remiss, and a typed command for all', () => {
    expect(JSON.stringify(helpCard(language).body)).not.toContain(`"${t.cmdNewRemiss}"`);
    expect(t.typedCommands.map((c) => matchIntent(c.command)?.kind)).toContain('register');
  });

  test('every kind of intent is reachable from help', () => {
    const kinds = new Set([...buttons, ...typed].map((c) => matchIntent(c)!.kind));
    const every = [
      ...['due', 'all', 'mine', 'overdue', 'thisWeek', 'help', 'setLanguage', 'digest', 'answer', 'show'],
      'question',
      'register',
    ];
    expect([...kinds].sort()).toEqual(every.sort());
  });
});

test("the manifest's command menu lists only commands that help shows, in both languages", () => {
  const manifest = JSON.parse(readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'));
  const english = JSON.parse(readFileSync(path.join(manifestDir, 'en.json'), 'utf8'));
  const titles: string[] = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
  const sv = messages('sv');
  const en = messages('en');
  const svButtons = [sv.cmdDue, sv.cmdMine, sv.cmdOverdue, sv.cmdThisWeek, sv.cmdNewRemiss, sv.cmdHelp];
  expect(titles).toEqual(svButtons);
  const enTitles = titles.map((_, i) => english[`bots[0].commandLists[0].commands[${i}].title`]);
  expect(enTitles).toEqual([en.cmdDue, en.cmdMine, en.cmdOverdue, en.cmdThisWeek, en.cmdNewRemiss, en.cmdHelp]);
});
