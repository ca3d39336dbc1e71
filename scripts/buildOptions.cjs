/* eslint-env node */
// What the build reads from the environment, as pure functions (tested in test/scripts/buildOptions.test.ts):
// the URL the production manifest points at, and where the task pane loads Office.js from.

/** The URL of the dev server, which manifest.xml names; a production build replaces it. */
const DEV_URL = 'https://localhost:3000/';

/** Microsoft's CDN copy of Office.js: the default, and the only choice for production. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Where OFFICE_JS=local serves the npm copy of Office.js (@microsoft/office-js), relative to the pages. */
const OFFICE_JS_LOCAL_DIR = 'office-js';

/**
 * The base URL the built manifest points at, ending in exactly one "/". Development: the dev server. Production:
 * ADDIN_PUBLIC_URL, required (an https:// URL without query or fragment); a missing or bad one throws, so that
 * no build ever ships a placeholder or a URL glued to a file name without its "/".
 */
function publicUrl({ production, env }) {
  if (!production) return DEV_URL;
  const raw = (env.ADDIN_PUBLIC_URL || '').trim();
  const how =
    'Set ADDIN_PUBLIC_URL to the https:// address the add-in is hosted at, e.g. ' +
    '`ADDIN_PUBLIC_URL=https://example.com/salesops/ npm run build` (for a local check: https://localhost:3000/).';
  if (raw === '') throw new Error(`A production build needs ADDIN_PUBLIC_URL. ${how}`);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: ${JSON.stringify(raw)}. ${how}`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_PUBLIC_URL must use https:// (Office loads add-ins only over HTTPS), got ${raw}. ${how}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_PUBLIC_URL must be a plain base address (no query, fragment or credentials): ${raw}.`);
  }
  return url.href.replace(/\/+$/, '') + '/';
}

/** manifest.xml with every dev-server URL replaced by `base` (which ends in "/"). */
function rewriteManifest(xml, base) {
  if (!base.endsWith('/')) throw new Error(`base URL must end in "/": ${base}`);
  return xml.split(DEV_URL).join(base);
}

/**
 * Where taskpane.html loads Office.js from: `{ src, local }`. OFFICE_JS=local (development only, e.g. behind a
 * firewall that blocks the CDN) serves the npm copy from OFFICE_JS_LOCAL_DIR; unset or "cdn", the CDN. A
 * production build with OFFICE_JS=local, or any other value, throws.
 */
function officeJsSource({ production, env }) {
  const mode = (env.OFFICE_JS || 'cdn').trim().toLowerCase();
  if (mode === 'cdn') return { src: OFFICE_JS_CDN, local: false };
  if (mode !== 'local')
    throw new Error(`OFFICE_JS must be "cdn" (the default) or "local", got ${JSON.stringify(env.OFFICE_JS)}.`);
  if (production) {
    throw new Error(
      'OFFICE_JS=local is for development only: a production add-in must load Office.js from ' +
        `Microsoft's CDN (${OFFICE_JS_CDN}). Unset OFFICE_JS for \`npm run build\`.`,
    );
  }
  return { src: `${OFFICE_JS_LOCAL_DIR}/office.js`, local: true };
}

/**
 * Whether the local copy of Office.js keeps `file` (a path inside @microsoft/office-js/dist/): what an Excel task
 * pane loads (office.js, the Excel host scripts, the locale strings, custom-functions-runtime), not the other
 * hosts' scripts nor the debug builds (about 64 MB of the 87 MB).
 */
function keepOfficeJsFile(file) {
  const name = file.split(/[\\/]/).pop();
  if (/\.debug\.js$|\.d\.ts$|^office-vsdoc\.js$/.test(name)) return false;
  return !/^(access|onenote|outlook|powerpoint|project|visio|word)/i.test(name);
}

module.exports = {
  DEV_URL,
  OFFICE_JS_CDN,
  OFFICE_JS_LOCAL_DIR,
  keepOfficeJsFile,
  publicUrl,
  rewriteManifest,
  officeJsSource,
};
