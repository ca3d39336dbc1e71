import fs from 'node:fs';
import { findChromium } from './browser';

describe('finding Chromium', () => {
  afterEach(() => jest.restoreAllMocks());

  it('fails with how to install it when no browser is found', () => {
    jest.spyOn(fs, 'existsSync').mockReturnValue(false);
    expect(() => findChromium()).toThrow(/apt-get install chromium.*CHROMIUM_PATH/s);
  });

  it('prefers CHROMIUM_PATH when it exists', () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/opt/my-chrome';
    jest.spyOn(fs, 'existsSync').mockImplementation((p) => p === '/opt/my-chrome');
    try {
      expect(findChromium()).toBe('/opt/my-chrome');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
