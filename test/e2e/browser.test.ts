import fs from 'node:fs';
import { findBrowser, findChromium } from './browser';

/** Runs `fn` with these environment variables (undefined deletes one) and process.platform/arch, then restores. */
function withMachine<T>(
  machine: { platform?: NodeJS.Platform; arch?: string; env?: Record<string, string | undefined> },
  fn: () => T,
): T {
  const savedEnv = { ...process.env };
  const saved = { platform: process.platform, arch: process.arch };
  for (const [k, v] of Object.entries(machine.env ?? {})) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (machine.platform) Object.defineProperty(process, 'platform', { value: machine.platform });
  if (machine.arch) Object.defineProperty(process, 'arch', { value: machine.arch });
  try {
    return fn();
  } finally {
    process.env = savedEnv;
    Object.defineProperty(process, 'platform', { value: saved.platform });
    Object.defineProperty(process, 'arch', { value: saved.arch });
  }
}

const NO_CHOICE = { CHROMIUM_PATH: undefined, SALESOPS_HIDE_PROGRAMS: undefined, SALESOPS_REQUIRE_BROWSER: undefined };

/** Only these paths exist (every other existsSync is false); isFile holds for them. */
function onlyExisting(...paths: string[]): void {
  jest.spyOn(fs, 'existsSync').mockImplementation((p) => paths.includes(String(p)));
  const statSync = fs.statSync;
  jest
    .spyOn(fs, 'statSync')
    .mockImplementation(((p: fs.PathLike) =>
      paths.includes(String(p)) ? { isFile: () => true } : statSync(p)) as typeof fs.statSync);
}

describe('finding the browser', () => {
  afterEach(() => jest.restoreAllMocks());

  it('fails with every way to get one when no browser is found', () => {
    onlyExisting();
    withMachine({ platform: 'darwin', env: NO_CHOICE }, () => {
      expect(() => findChromium()).toThrow(/npm install.*Chrome.*Edge.*apt-get install chromium.*CHROMIUM_PATH/s);
    });
  });

  it('prefers CHROMIUM_PATH when it exists', () => {
    onlyExisting('/opt/my-chrome', '/usr/bin/chromium');
    withMachine({ env: { ...NO_CHOICE, CHROMIUM_PATH: '/opt/my-chrome' } }, () => {
      expect(findChromium()).toBe('/opt/my-chrome');
      expect(findBrowser().source).toBe('CHROMIUM_PATH');
    });
  });

  it('refuses a CHROMIUM_PATH that names no file rather than quietly using another browser', () => {
    onlyExisting('/usr/bin/chromium');
    withMachine({ env: { ...NO_CHOICE, CHROMIUM_PATH: '/opt/typo' } }, () => {
      expect(() => findChromium()).toThrow('CHROMIUM_PATH is set to /opt/typo, which does not exist');
    });
  });

  it('on Linux x64 uses the Chromium npm installed, even where a system Chromium exists', () => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return; // the package ships a Linux x64 binary only
    withMachine({ env: NO_CHOICE }, () => {
      const choice = findBrowser();
      expect(choice.source).toBe('npm');
      expect(choice.description).toMatch(/^@sparticuz\/chromium \d+\.\d+\.\d+$/);
      expect(fs.statSync(choice.executablePath).mode & 0o100).toBe(0o100); // unpacked and executable
    });
  });

  it('elsewhere on Linux uses the system Chromium from PATH, then the usual places', () => {
    onlyExisting('/opt/bin/chromium', '/usr/bin/chromium');
    withMachine({ platform: 'linux', arch: 'arm64', env: { ...NO_CHOICE, PATH: '/nowhere:/opt/bin' } }, () => {
      expect(findBrowser()).toMatchObject({ source: 'system', executablePath: '/opt/bin/chromium' });
    });
    withMachine({ platform: 'linux', arch: 'arm64', env: { ...NO_CHOICE, PATH: '/nowhere' } }, () => {
      expect(findBrowser()).toMatchObject({ source: 'system', executablePath: '/usr/bin/chromium' });
    });
  });

  it('on macOS uses an installed Chrome, else Edge, through their Playwright channels', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    onlyExisting(chrome, edge);
    withMachine({ platform: 'darwin', env: { ...NO_CHOICE, PATH: '/nowhere' } }, () => {
      expect(findBrowser()).toMatchObject({ source: 'channel', channel: 'chrome', executablePath: chrome });
    });
    jest.restoreAllMocks();
    onlyExisting(edge);
    withMachine({ platform: 'darwin', env: { ...NO_CHOICE, PATH: '/nowhere' } }, () => {
      expect(findBrowser()).toMatchObject({ source: 'channel', channel: 'msedge', executablePath: edge });
    });
  });

  it('on Windows finds Edge under Program Files (x86)', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    onlyExisting(edge);
    const env = { ...NO_CHOICE, LOCALAPPDATA: undefined, PROGRAMFILES: 'C:\\Program Files' };
    withMachine({ platform: 'win32', env: { ...env, 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' } }, () => {
      expect(findBrowser()).toMatchObject({ source: 'channel', channel: 'msedge', executablePath: edge });
    });
  });

  it('SALESOPS_HIDE_PROGRAMS=chromium hides the system Chromium and the channels (a fresh machine)', () => {
    onlyExisting('/usr/bin/chromium', '/opt/google/chrome/chrome');
    const hidden = { ...NO_CHOICE, PATH: '/usr/bin', SALESOPS_HIDE_PROGRAMS: 'soffice, chromium' };
    withMachine({ platform: 'linux', arch: 'arm64', env: hidden }, () => {
      expect(() => findBrowser()).toThrow(/No browser for the browser tests was found/);
    });
    withMachine({ platform: 'linux', arch: 'arm64', env: { ...hidden, SALESOPS_HIDE_PROGRAMS: 'soffice' } }, () => {
      expect(findBrowser().source).toBe('system');
    });
  });

  it('SALESOPS_REQUIRE_BROWSER fails unless the browser found comes from that source', () => {
    onlyExisting('/usr/bin/chromium');
    const env = { ...NO_CHOICE, PATH: '/nowhere' };
    withMachine({ platform: 'linux', arch: 'arm64', env: { ...env, SALESOPS_REQUIRE_BROWSER: 'npm' } }, () => {
      expect(() => findBrowser()).toThrow('SALESOPS_REQUIRE_BROWSER=npm, but the browser found is system Chromium');
    });
    withMachine({ platform: 'linux', arch: 'arm64', env: { ...env, SALESOPS_REQUIRE_BROWSER: 'system' } }, () => {
      expect(findBrowser().source).toBe('system');
    });
  });
});
