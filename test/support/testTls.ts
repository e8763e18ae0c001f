/**
 * The self-signed certificate the HTTPS fakes (Graph, the Entra token endpoint, OpenID metadata) serve on
 * localhost and 127.0.0.1. Node trusts it only through NODE_EXTRA_CA_CERTS, read when a process starts, so
 * `npm test` creates it before jest starts and the jest global setup exports it to the workers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const TEST_TLS_DIR = path.resolve(__dirname, '../../build/test-tls');
export const TEST_CERT_PATH = path.join(TEST_TLS_DIR, 'localhost.crt');
export const TEST_KEY_PATH = path.join(TEST_TLS_DIR, 'localhost.key');
export const TEST_CA_BUNDLE = path.join(TEST_TLS_DIR, 'extra-ca.crt');

export function ensureTestCertificate(): { cert: string; key: string } {
  if (!existsSync(TEST_CERT_PATH) || !existsSync(TEST_KEY_PATH)) {
    mkdirSync(TEST_TLS_DIR, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-days',
        '3650',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        TEST_KEY_PATH,
        '-out',
        TEST_CERT_PATH,
      ],
      { stdio: 'ignore' },
    );
  }
  return { cert: readFileSync(TEST_CERT_PATH, 'utf8'), key: readFileSync(TEST_KEY_PATH, 'utf8') };
}

/**
 * The file for NODE_EXTRA_CA_CERTS: the test certificate, after the machine's own extra CAs (if any), so
 * setting it takes nothing away.
 */
export function trustTestCertificate(existing: string | undefined): string {
  const { cert } = ensureTestCertificate();
  const machine = existing && existing !== TEST_CA_BUNDLE && existsSync(existing) ? readFileSync(existing, 'utf8') : '';
  writeFileSync(TEST_CA_BUNDLE, `${machine}\n${cert}`);
  return TEST_CA_BUNDLE;
}

/** Said when a test process was started without trusting the certificate (a single file run in band). */
export const UNTRUSTED_HINT =
  `This test process does not trust the fakes' certificate. Run it through npm test, or ` +
  `start jest with NODE_EXTRA_CA_CERTS=${path.relative(process.cwd(), TEST_CA_BUNDLE)}`;

if (require.main === module) process.stdout.write(trustTestCertificate(process.env.NODE_EXTRA_CA_CERTS) + '\n');
