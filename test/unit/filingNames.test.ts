import { fitPath, MAX_PATH_LENGTH, safeName, versionedName } from '../../src/domain/filingNames.js';

test.each([
  ['KS 2014/742.912 Plan', 'KS 2014-742.912 Plan'],
  ['a"b*c:d<e>f?g|h\\i', 'abcdefgh-i'],
  ['  ..Remiss..  ', 'Remiss'],
  ['CON', '_CON'],
  ['nul.docx', '_nul.docx'],
  ['_vti_hemligt', 'vti_hemligt'],
  ['rad\u0000ett\ttvå', 'rad ett två'],
  ['', 'namnlös'],
])('%p is filed as %p', (name, expected) => {
  expect(safeName(name)).toBe(expected);
});

test('the whole path stays under 400 characters', () => {
  const { folder, file } = fitPath('/arkiv', '2026', 'x'.repeat(300), `${'y'.repeat(300)}.docx`);
  expect(`/arkiv/2026/${folder}/${file}`.length).toBeLessThanOrEqual(MAX_PATH_LENGTH);
  expect(file.endsWith('.docx')).toBe(true);
});

test('versioned names keep the extension', () => {
  expect(versionedName('Svar.docx', 2)).toBe('Svar (2).docx');
});
