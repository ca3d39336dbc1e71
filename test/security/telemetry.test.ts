/**
 * No telemetry: every copy of office-addin-usage-data that the office-addin tools bring must be the version in
 * which usage-data reporting is removed (all methods no-ops, always "off"), even when asked to turn it on.
 */
import fs from 'node:fs';
import path from 'node:path';

function findCopies(dir: string, out: string[] = [], depth = 0): string[] {
  if (depth > 6 || !fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const p = path.join(dir, e.name);
    if (e.name === 'office-addin-usage-data' && fs.existsSync(path.join(p, 'package.json'))) out.push(p);
    else if (
      e.name === 'node_modules' ||
      depth === 0 ||
      e.name.startsWith('office-addin') ||
      e.name.startsWith('custom-functions')
    ) {
      findCopies(p, out, depth + 1);
    }
  }
  return out;
}

const copies = findCopies(path.resolve(__dirname, '..', '..', 'node_modules'));

test('office-addin-usage-data is installed (brought by the office-addin tools)', () => {
  expect(copies.length).toBeGreaterThan(0);
});

test.each(copies.map((c) => [path.relative(process.cwd(), c), c]))('%s never reports usage data', (_name, dir) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(dir);
  const ud = new mod.OfficeAddinUsageData({
    projectName: 'sales-ops-modeler',
    usageDataLevel: 'on',
    instrumentationKey: 'x',
  });
  ud.setUsageDataOn?.();
  expect(ud.isUsageDataOn()).toBe(false);
  expect(ud.getEventsSent()).toBe(0);
});
