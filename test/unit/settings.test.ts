import { loadSettings, SettingsError } from '../../src/config/settings.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadSettings(env);
  } catch (err) {
    if (err instanceof SettingsError) return err.problems;
    throw err;
  }
  return [];
}

test('defaults: local anonymous mode on port 3978 with Swedish replies', () => {
  const s = loadSettings({});
  expect(s).toMatchObject({ PORT: 3978, DATA_DIR: './data', BOT_LANGUAGE: 'sv', REMISS_SOURCE: 'local', anonymous: true, allowedTenants: [] });
});

test('an app id defaults the app type to SingleTenant, which needs a tenant id', () => {
  expect(problems({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' })).toEqual([
    'MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant (the default)',
  ]);
  const s = loadSettings({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't1' });
  expect(s.MicrosoftAppType).toBe('SingleTenant');
  expect(s.allowedTenants).toEqual(['t1']);
  expect(s.anonymous).toBe(false);
});

test('production refuses anonymous mode and needs the allowed tenants', () => {
  expect(problems({ NODE_ENV: 'production' })).toEqual([
    'MicrosoftAppId: required in production: anonymous mode accepts unauthenticated requests',
    'ALLOWED_TENANTS: required in production (or set MicrosoftAppTenantId)',
    'FILE_LINK_SECRET: required in production (download links must survive restarts and work across instances)',
    'BOT_PUBLIC_URL: required in production (the host of download links)',
  ]);
});

test('each bad setting is named', () => {
  const found = problems({ PORT: 'abc', BOT_LANGUAGE: 'de', MicrosoftAppType: 'Weird' });
  expect(found.map((p) => p.split(':')[0])).toEqual(['PORT', 'MicrosoftAppType', 'BOT_LANGUAGE']);
});

test('ALLOWED_TENANTS is a comma-separated list', () => {
  expect(loadSettings({ ALLOWED_TENANTS: ' a , b,,c ' }).allowedTenants).toEqual(['a', 'b', 'c']);
});
