/** Jest global setup: the fakes' certificate exists, and the workers (started after this) trust it. */
import { TEST_CERT_PATH, ensureTestCertificate } from './testTls';

export default function globalSetup(): void {
  ensureTestCertificate();
  process.env.NODE_EXTRA_CA_CERTS ??= TEST_CERT_PATH;
}
