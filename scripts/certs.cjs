// Dev HTTPS certificates for https://localhost:3000, from office-addin-dev-certs. Office refuses an add-in served
// with an untrusted certificate (a blank task pane, #NAME? in the cells), so on Windows and macOS this takes
// office-addin-dev-certs' own path that generates the files and installs the CA into the user's trust store (as
// Microsoft's add-in templates do; Windows shows a confirmation dialog, macOS asks for the login password). On
// Linux, in CI, or with OFFICE_ADDIN_CERT_DIR it only generates the files. Either way it renews certificates
// that have expired or expire within a day (office-addin-dev-certs 3 writes files only when ca.crt is missing,
// so it would keep serving an expired one), and says in the console what it did.
/* eslint-env node */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { X509Certificate } = require('node:crypto');

const DAY_MS = 86_400_000;

/** Days a generated certificate stays valid (office-addin-dev-certs' default). */
const VALID_DAYS = 30;

/** The certificate folder: OFFICE_ADDIN_CERT_DIR, or ~/.office-addin-dev-certs as office-addin-dev-certs uses. */
function certificateDir(env = process.env) {
  return env.OFFICE_ADDIN_CERT_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
}

/** The paths of the CA certificate, the localhost certificate and its key in `dir`. */
function certificateFiles(dir) {
  return {
    ca: path.join(dir, 'ca.crt'),
    cert: path.join(dir, 'localhost.crt'),
    key: path.join(dir, 'localhost.key'),
  };
}

/** The moment a PEM certificate stops being valid (its notAfter), as a Date. */
function certificateExpiry(pem) {
  return new Date(new X509Certificate(pem).validTo);
}

/**
 * The state of the certificate files at `now` (ms since the epoch): "missing" when a file is absent, "expired"
 * when the CA or the localhost certificate is unreadable or expires within a day of `now`, else "valid".
 * `expiry` is the earlier notAfter of the two (when readable).
 */
function certificateState(files, now = Date.now()) {
  if (![files.ca, files.cert, files.key].every((f) => fs.existsSync(f))) return { state: 'missing' };
  let expiry;
  try {
    const ca = certificateExpiry(fs.readFileSync(files.ca));
    const cert = certificateExpiry(fs.readFileSync(files.cert));
    expiry = ca < cert ? ca : cert;
  } catch {
    return { state: 'expired' };
  }
  return { state: expiry.getTime() - now < DAY_MS ? 'expired' : 'valid', expiry };
}

/**
 * Whether to install the CA into the trust store: on Windows and macOS, except in CI (CI set and not "false"),
 * with a custom OFFICE_ADDIN_CERT_DIR (office-addin-dev-certs installs only from its default folder), or with
 * SALESOPS_TRUST_CERTS=0. Returns `{ trust, why }`, `why` saying why not.
 */
function trustPolicy(platform, env = process.env) {
  if (platform !== 'win32' && platform !== 'darwin') {
    return { trust: false, why: `${platform} has no desktop Excel to sideload into` };
  }
  if (env.CI && env.CI !== 'false') return { trust: false, why: 'running in CI' };
  if (env.OFFICE_ADDIN_CERT_DIR) return { trust: false, why: 'OFFICE_ADDIN_CERT_DIR is set' };
  if (env.SALESOPS_TRUST_CERTS === '0') return { trust: false, why: 'SALESOPS_TRUST_CERTS=0' };
  return { trust: true };
}

const HOW_TO_TRUST =
  'To trust it: `npx office-addin-dev-certs install` (asks for admin rights), or accept the browser warning ' +
  'for https://localhost:3000 (Excel itself does not offer to accept it).';

/**
 * Returns `{ ca, cert, key }` (file contents) for the dev server: generated, renewed when expired, and trusted
 * where `trustPolicy` says so. `options` (for tests): platform, env, now (ms), dir (the folder, default
 * certificateDir(env)), devCerts (the office-addin-dev-certs module) and log (a console.log-like function).
 */
async function ensureCertificates(options = {}) {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now();
  const log = options.log ?? ((line) => console.log(line));
  const devCerts = options.devCerts ?? require('office-addin-dev-certs');
  const dir = options.dir ?? certificateDir(env);
  const files = certificateFiles(dir);
  const { state, expiry } = certificateState(files, now);
  const { trust, why } = trustPolicy(platform, env);

  // `npm start` checked (and trusted) the certificate a moment ago, before starting the dev server: not again.
  const checked = state === 'valid' && env.SALESOPS_CERTS_CHECKED === '1';
  if (state === 'expired') {
    const when = expiry ? `expired on ${expiry.toISOString()}` : 'cannot be read';
    log(`certs: the dev certificate in ${dir} ${when}; making a new one.`);
    for (const f of Object.values(files)) fs.rmSync(f, { force: true });
  }
  if (trust && !checked) {
    try {
      // Verifies the files and the installed CA; when either is missing or stale it removes the old CA,
      // regenerates the files and installs the new CA (one confirmation by the user).
      await devCerts.ensureCertificatesAreInstalled(VALID_DAYS);
      log(`certs: the dev certificate in ${dir} is trusted by this ${platform === 'win32' ? 'Windows' : 'Mac'} user.`);
    } catch (e) {
      log(
        `certs: could NOT trust the dev certificate (${e instanceof Error ? e.message.split('\n')[0] : String(e)}). ` +
          'Until it is trusted Office refuses the add-in: a blank task pane, #NAME? in SALESOPS cells. ' +
          HOW_TO_TRUST,
      );
      if (certificateState(files, now).state !== 'valid') await generate(devCerts, files);
    }
  } else if (state === 'valid') {
    if (!checked) log(`certs: using the dev certificate in ${dir}, valid until ${expiry.toISOString().slice(0, 10)}.`);
  } else {
    await generate(devCerts, files);
    const until = certificateState(files, now).expiry;
    log(
      `certs: generated a dev certificate in ${dir}, valid until ${until ? until.toISOString().slice(0, 10) : '?'}; ` +
        `not installed as trusted (${why}). ${HOW_TO_TRUST}`,
    );
  }
  return {
    ca: fs.readFileSync(files.ca),
    cert: fs.readFileSync(files.cert),
    key: fs.readFileSync(files.key),
  };
}

async function generate(devCerts, files) {
  for (const f of Object.values(files)) fs.rmSync(f, { force: true });
  await devCerts.generateCertificates(files.ca, files.cert, files.key, VALID_DAYS);
}

module.exports = {
  VALID_DAYS,
  certificateDir,
  certificateFiles,
  certificateExpiry,
  certificateState,
  trustPolicy,
  ensureCertificates,
};
