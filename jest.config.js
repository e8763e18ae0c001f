// The HTTPS fakes' certificate must be trusted by every jest process from its start (Node reads
// NODE_EXTRA_CA_CERTS only then), and jest may run tests in this very process. So when the variable does not
// name the test bundle yet, jest is started again with it (test/support/testTls.ts makes the bundle).
if (!process.env.NODE_EXTRA_CA_CERTS?.endsWith('extra-ca.crt')) {
  const { execFileSync, spawnSync } = require('node:child_process');
  const bundle = execFileSync(
    process.execPath,
    ['--import', 'tsx', require('node:path').join(__dirname, 'test/support/testTls.ts')],
    { encoding: 'utf8' },
  ).trim();
  const rerun = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: bundle },
  });
  process.exit(rerun.status ?? 1);
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^adaptivecards$': 'adaptivecards/dist/adaptivecards.js',
    // Sources import './x.js' (nodenext); jest resolves the .ts file.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 30000,
};
