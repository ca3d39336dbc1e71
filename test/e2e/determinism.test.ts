/**
 * Determinism between Node and the browser: the sample company computed by the playground in Chromium (the
 * production bundle) gives the same values, bit for bit, as the same workbook computed in Node by the same code:
 * every SALESOPS result (payouts, ramped quotas, capacity, hires, forecasts, pipeline, territory assignment and
 * balance). Values are compared as JSON text, which writes each double's shortest round-trip form, so equal text
 * means equal bits.
 */
import type { Page } from 'playwright-core';
import { type PlaygroundPage, openPlayground } from './page';
import { buildSampleWorkbook } from '../../sample/workbook';
import { loadSample, workbookSnapshot } from '../../taskpane/playground/loadSample';

jest.setTimeout(900_000);

describe('the same workbook computes to the same bits in Node and in Chromium', () => {
  let playground: PlaygroundPage;
  let page: Page;

  beforeAll(async () => {
    playground = await openPlayground({ waitFor: 'handle' });
    ({ page } = playground);
  });

  afterAll(async () => {
    await playground?.close();
  });

  test('every sheet of the sample company', async () => {
    const inBrowser = await page.evaluate(async () =>
      JSON.stringify(
        await (
          globalThis as unknown as { salesOpsPlayground: { snapshot: () => Promise<unknown> } }
        ).salesOpsPlayground.snapshot(),
      ),
    );
    const { workbook } = loadSample(buildSampleWorkbook());
    const inNode = JSON.stringify(await workbookSnapshot(workbook));
    const parsed = JSON.parse(inNode) as Record<string, unknown[][]>;
    // The comparison covers real results, not just inputs: the sample has hundreds of computed formulas.
    expect(workbook.formulaCells().length).toBeGreaterThan(300);
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining(['Payouts', 'Capacity', 'Forecast', 'Territory']));
    if (inBrowser !== inNode) {
      const b = JSON.parse(inBrowser) as Record<string, unknown[][]>;
      const diffs: string[] = [];
      for (const sheet of Object.keys(parsed)) {
        parsed[sheet].forEach((row, r) =>
          row.forEach((v, c) => {
            if (JSON.stringify(v) !== JSON.stringify(b[sheet]?.[r]?.[c]))
              diffs.push(
                `${sheet} r${r + 1} c${c + 1}: node ${JSON.stringify(v)} browser ${JSON.stringify(b[sheet]?.[r]?.[c])}`,
              );
          }),
        );
      }
      throw new Error(`Node and browser differ in ${diffs.length} cells:\n${diffs.slice(0, 20).join('\n')}`);
    }
  });
});
