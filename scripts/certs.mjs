// Dev HTTPS certificates from office-addin-dev-certs, generated without sudo. Trusting the CA (so that Excel
// and browsers accept https://localhost:3000) is the user's step: `npx office-addin-dev-certs install`.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The certificate folder: OFFICE_ADDIN_CERT_DIR, or ~/.office-addin-dev-certs as office-addin-dev-certs uses. */
export function certificateDir() {
  return process.env.OFFICE_ADDIN_CERT_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
}

/** Returns `{ ca, cert, key }` for the dev server, generating the files when they are missing or expire within a day. */
export async function ensureCertificates() {
  const dir = certificateDir();
  const files = {
    ca: path.join(dir, 'ca.crt'),
    cert: path.join(dir, 'localhost.crt'),
    key: path.join(dir, 'localhost.key'),
  };
  if (!Object.values(files).every((f) => fs.existsSync(f)) || expiresSoon(files.cert)) {
    const devCerts = require('office-addin-dev-certs');
    await devCerts.generateCertificates(files.ca, files.cert, files.key, 30);
  }
  return {
    ca: fs.readFileSync(files.ca),
    cert: fs.readFileSync(files.cert),
    key: fs.readFileSync(files.key),
  };
}

function expiresSoon(certPath) {
  try {
    const { X509Certificate } = require('node:crypto');
    const cert = new X509Certificate(fs.readFileSync(certPath));
    return new Date(cert.validTo).getTime() - Date.now() < 86_400_000;
  } catch {
    return true;
  }
}
