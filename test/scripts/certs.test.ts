/**
 * The dev certificate: generated where missing, renewed when expired (office-addin-dev-certs 3 alone would keep
 * serving an expired one: it writes files only when ca.crt is missing), trusted through office-addin-dev-certs on
 * Windows and macOS, generate-only on Linux and in CI, with a console line saying which. Certificates are real,
 * made by office-addin-dev-certs itself (an expired one with a validity of -1 day); the trust store is never
 * touched: on the "Windows" and "macOS" paths office-addin-dev-certs is replaced by a recording fake.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const certs = require('../../scripts/certs.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const devCerts = require('office-addin-dev-certs');

const DAY = 86_400_000;
let dir: string;
let logs: string[];
const log = (line: string) => logs.push(line);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-certs-'));
  logs = [];
  jest.spyOn(console, 'log').mockImplementation(() => undefined); // office-addin-dev-certs' own lines
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a CA, a localhost certificate and its key into `dir`, valid for `days` from now (negative: expired). */
async function makeCertificates(days: number): Promise<void> {
  const f = certs.certificateFiles(dir);
  await devCerts.generateCertificates(f.ca, f.cert, f.key, days);
}

/** office-addin-dev-certs with ensureCertificatesAreInstalled recorded (and generating into `dir`, or failing). */
function fakeDevCerts(fail?: string) {
  const calls: string[] = [];
  return {
    calls,
    generateCertificates: async (...a: unknown[]) => {
      calls.push('generate');
      return devCerts.generateCertificates(...a);
    },
    ensureCertificatesAreInstalled: async (days: number) => {
      calls.push(`ensureCertificatesAreInstalled(${days})`);
      if (fail) throw new Error(fail);
      if (certs.certificateState(certs.certificateFiles(dir)).state !== 'valid') await makeCertificates(days);
    },
  };
}

describe('certificate expiry', () => {
  it('reads notAfter: missing, expired (yesterday), expiring within a day, valid', async () => {
    const files = certs.certificateFiles(dir);
    expect(certs.certificateState(files)).toEqual({ state: 'missing' });
    await makeCertificates(-1);
    const expired = certs.certificateState(files);
    expect(expired.state).toBe('expired');
    expect(expired.expiry.getTime()).toBeLessThan(Date.now());
    expect(expired.expiry.getTime()).toBeGreaterThan(Date.now() - 2 * DAY);

    fs.rmSync(files.ca);
    await makeCertificates(30);
    const valid = certs.certificateState(files);
    expect(valid.state).toBe('valid');
    // 30 days from now, give or take the generation time.
    expect(Math.abs(valid.expiry.getTime() - (Date.now() + 30 * DAY))).toBeLessThan(DAY);
    // The same files 29.5 days later expire within a day: renewed then, before Office sees an expired one.
    expect(certs.certificateState(files, Date.now() + 29.5 * DAY).state).toBe('expired');
  });

  it('treats an unreadable certificate as expired', () => {
    const files = certs.certificateFiles(dir);
    for (const f of [files.ca, files.cert, files.key]) fs.writeFileSync(f, 'not a certificate');
    expect(certs.certificateState(files).state).toBe('expired');
  });
});

describe('who trusts the CA', () => {
  it('Windows and macOS install it; Linux, CI and a custom folder only generate', () => {
    expect(certs.trustPolicy('win32', {})).toEqual({ trust: true });
    expect(certs.trustPolicy('darwin', { CI: 'false' })).toEqual({ trust: true });
    expect(certs.trustPolicy('linux', {})).toMatchObject({ trust: false, why: expect.stringMatching(/linux/) });
    expect(certs.trustPolicy('win32', { CI: 'true' })).toMatchObject({ trust: false, why: 'running in CI' });
    expect(certs.trustPolicy('darwin', { OFFICE_ADDIN_CERT_DIR: '/x' }).trust).toBe(false);
    expect(certs.trustPolicy('win32', { SALESOPS_TRUST_CERTS: '0' }).trust).toBe(false);
  });
});

describe('ensureCertificates', () => {
  it('on Linux renews an expired certificate and says it is not trusted', async () => {
    await makeCertificates(-1);
    const before = fs.readFileSync(path.join(dir, 'localhost.crt'), 'utf8');
    const out = await certs.ensureCertificates({ platform: 'linux', env: { OFFICE_ADDIN_CERT_DIR: dir }, log });
    const after = fs.readFileSync(path.join(dir, 'localhost.crt'), 'utf8');
    expect(after).not.toBe(before);
    expect(String(out.cert)).toBe(after);
    expect(certs.certificateExpiry(after).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(logs.join('\n')).toMatch(/expired on \d{4}-\d\d-\d\d/);
    expect(logs.join('\n')).toMatch(/not installed as trusted \(linux.*office-addin-dev-certs install/s);
  });

  it('keeps a valid certificate as it is, says so and generates nothing', async () => {
    await makeCertificates(30);
    const before = fs.readFileSync(path.join(dir, 'localhost.key'), 'utf8');
    const fake = fakeDevCerts();
    const out = await certs.ensureCertificates({ platform: 'linux', env: {}, dir, devCerts: fake, log });
    expect(fake.calls).toEqual([]);
    expect(logs).toEqual([
      expect.stringMatching(/^certs: using the dev certificate in .*, valid until \d{4}-\d\d-\d\d\.$/),
    ]);
    expect(String(out.key)).toBe(before);
  });

  it('on Windows removes an expired certificate and lets office-addin-dev-certs regenerate and trust it', async () => {
    await makeCertificates(-1);
    const fake = fakeDevCerts();
    const out = await certs.ensureCertificates({ platform: 'win32', env: {}, dir, devCerts: fake, log });
    expect(fake.calls).toEqual(['ensureCertificatesAreInstalled(30)']);
    expect(certs.certificateExpiry(out.cert).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(logs.join('\n')).toMatch(/expired on .*\n.*trusted by this Windows user/s);
  });

  it('does not check the trust store again right after npm start did (SALESOPS_CERTS_CHECKED=1)', async () => {
    await makeCertificates(30);
    const fake = fakeDevCerts();
    const env = { SALESOPS_CERTS_CHECKED: '1' };
    await certs.ensureCertificates({ platform: 'win32', env, dir, devCerts: fake, log });
    expect(fake.calls).toEqual([]);
    // …but an expired certificate is still renewed and trusted.
    fs.rmSync(path.join(dir, 'ca.crt'));
    await makeCertificates(-1);
    await certs.ensureCertificates({ platform: 'win32', env, dir, devCerts: fake, log });
    expect(fake.calls).toEqual(['ensureCertificatesAreInstalled(30)']);
  });

  it('on a Mac in CI only generates', async () => {
    const fake = fakeDevCerts();
    await certs.ensureCertificates({ platform: 'darwin', env: { CI: 'true' }, dir, devCerts: fake, log });
    expect(fake.calls).toEqual(['generate']);
    expect(logs.join('\n')).toMatch(/not installed as trusted \(running in CI\)/);
  });

  it('when trusting fails, says what the user will see and how to fix it, and still serves a certificate', async () => {
    const fake = fakeDevCerts('The operation was canceled by the user.');
    const out = await certs.ensureCertificates({ platform: 'darwin', env: {}, dir, devCerts: fake, log });
    expect(fake.calls).toEqual(['ensureCertificatesAreInstalled(30)', 'generate']);
    expect(String(out.ca)).toMatch(/BEGIN CERTIFICATE/);
    const said = logs.join('\n');
    expect(said).toMatch(/could NOT trust .*canceled by the user/);
    expect(said).toMatch(/blank task pane, #NAME\?/);
    expect(said).toMatch(/npx office-addin-dev-certs install/);
  });
});
