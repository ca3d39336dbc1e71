/** @jest-environment jsdom */
/**
 * The territory wizard's new options, field by field: each bad pick shows its message on the field it concerns
 * and nothing reaches the solver; the reps range's Share column (with or without a header) still works.
 */
import '@testing-library/jest-dom';
import './support/dom';
import { renderWizard } from './support/render';
import { next } from './support/next';
import { fireEvent, screen } from '@testing-library/react';
import type { CellValue } from '../../src/shared/cells';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { TerritoryWizard } from '../../taskpane/wizards/territory/TerritoryWizard';
import { solveRequests } from './support/solveSpy';

jest.mock('@fluentui/react-charts', () => jest.requireActual('./support/chartsMock'));
// jsdom has no Worker: the wizard runs the core inline.
jest.mock('../../taskpane/wizards/territory/spawnWorker', () => ({ spawnWorker: () => undefined }));
// Record what the wizard hands to the solver; the real runner still solves.
jest.mock('../../taskpane/wizards/territory/solve', () => jest.requireActual('./support/solveSpy').solveModule);
beforeEach(() => {
  solveRequests.length = 0;
});

const ACCOUNTS: CellValue[][] = [
  ['Account', 'Potential', 'Region', 'Lat', 'Lon'],
  ['A1', 40, 'East', 40.7, -74],
  ['A2', 30, 'West', 34, -118],
  ['A3', 20, 'North', 47.6, -122.3],
  ['A4', 10, 'East', 42.4, -71.1],
];

/** The wizard on the options step, with `reps` as the reps range (A1 to its last cell). */
async function toOptions(reps: CellValue[][]) {
  const wb = new MemoryWorkbook({ Accounts: ACCOUNTS, Reps: reps });
  const { user } = renderWizard(TerritoryWizard, wb);
  const last = `${String.fromCharCode(64 + reps[0].length)}${reps.length}`;
  fireEvent.change(screen.getByRole('textbox', { name: /Accounts range/ }), { target: { value: 'Accounts!A1:E5' } });
  fireEvent.change(screen.getByRole('textbox', { name: /Reps range/ }), { target: { value: `Reps!A1:${last}` } });
  await next(user);
  return user;
}

async function chooseMetric() {
  fireEvent.click(await screen.findByRole('checkbox', { name: 'Potential' }));
}

const pick = (name: string, value: string) =>
  fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } });
const type = (name: RegExp, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });

const KEYED_REPS: CellValue[][] = [
  ['Rep', 'Keys'],
  ['Ann', 'East, North'],
  ['Bob', 'West'],
];

describe('territory wizard options', () => {
  it('a latitude column without a longitude column is refused on the longitude field', async () => {
    const user = await toOptions(KEYED_REPS);
    await chooseMetric();
    pick('Latitude column', 'Lat');
    await next(user, 'Run');
    const longitude = screen.getByRole('combobox', { name: 'Longitude column' });
    expect(longitude).toHaveAccessibleDescription(
      'Choose the longitude column too: coordinates need both latitude and longitude.',
    );
    expect(solveRequests).toHaveLength(0);
    // with both, the run goes ahead and the coordinates reach the solver
    pick('Longitude column', 'Lon');
    expect(longitude).not.toHaveAccessibleDescription(/Choose the longitude/);
    await next(user, 'Run');
    await screen.findByText(/^Accounts moved: /);
    expect(solveRequests[0].problem.coordinates).toEqual({
      lat: [40.7, 34, 47.6, 42.4],
      lon: [-74, -118, -122.3, -71.1],
    });
  });

  it('an account coordinate out of range names its row and column', async () => {
    const user = await toOptions(KEYED_REPS);
    await chooseMetric();
    // Longitude -118 read as a latitude: out of -90…90 in range row 3 (A2)
    pick('Latitude column', 'Lon');
    pick('Longitude column', 'Lat');
    await next(user, 'Run');
    expect(screen.getByRole('combobox', { name: 'Latitude column' })).toHaveAccessibleDescription(
      'Accounts: row 3, column "Lon": expected a number from -90 to 90, got -118.',
    );
    expect(solveRequests).toHaveLength(0);
  });

  it('an account key that no rep covers is named, with its row, on the eligibility field before running', async () => {
    const reps = [
      ['Rep', 'Keys'],
      ['Ann', 'East'],
      ['Bob', 'West'],
    ];
    const user = await toOptions(reps);
    await chooseMetric();
    pick('Eligibility column', 'Region');
    await next(user, 'Run');
    // A3 (range row 4) is "North"; Ann covers East, Bob West
    expect(screen.getByRole('combobox', { name: 'Eligibility column' })).toHaveAccessibleDescription(
      expect.stringContaining(
        'Accounts: row 4 has the key "North", which no rep covers; add it to a rep\'s Keys in the reps range.',
      ),
    );
    expect(solveRequests).toHaveLength(0);
  });

  it('with every key covered the keys reach the solver, and each account goes to a rep covering its key', async () => {
    const user = await toOptions(KEYED_REPS);
    await chooseMetric();
    pick('Eligibility column', 'Region');
    await next(user, 'Run');
    await screen.findByText(/^Accounts moved: /);
    expect(solveRequests[0].problem.accountKeys).toEqual(['East', 'West', 'North', 'East']);
    expect(solveRequests[0].problem.reps.map((r) => r.keys)).toEqual([['East', 'North'], ['West']]);
    // Only Bob covers West and only Ann covers East and North, so the plan is forced: Ann 40 + 20 + 10 = 70, Bob 30.
    expect(screen.getByText('Accounts moved: 0. Largest deviation: 40.0%.')).toBeInTheDocument(); // |70 − 50| / 50
  });

  it('says when the reps range has no Keys column (eligibility would then restrict nothing)', async () => {
    await toOptions([['Rep'], ['Ann'], ['Bob']]);
    await chooseMetric();
    expect(screen.getByRole('combobox', { name: 'Eligibility column' })).toHaveAccessibleDescription(
      'The reps range has no Keys column: any rep may take any account.',
    );
  });

  it.each([
    ['150%', 'Most of a metric moved: type a fraction like 0.05 or a percent like 5% (at most 100%).'],
    ['ten', 'Most of a metric moved: "ten" is not a number.'],
    ['-5%', 'Most of a metric moved must be at least 0.'],
  ])('a bad percent (%s) is refused on its field', async (text, message) => {
    const user = await toOptions(KEYED_REPS);
    await chooseMetric();
    type(/Most of a metric moved/, text);
    await next(user, 'Run');
    expect(screen.getByRole('textbox', { name: /Most of a metric moved/ })).toHaveAccessibleDescription(
      expect.stringContaining(message),
    );
    expect(solveRequests).toHaveLength(0);
  });

  it('a fraction typed as 0.25 limits the first chosen metric, with no account limit', async () => {
    const user = await toOptions(KEYED_REPS);
    await chooseMetric();
    type(/Most of a metric moved/, '0.25');
    await next(user, 'Run');
    await screen.findByText(/^Accounts moved: /);
    expect(solveRequests[0].problem.moveBudget).toEqual({ maxMetricFraction: { metric: 0, fraction: 0.25 } });
  });

  it('a bad rep latitude is named by row and column on the reps range, before the options', async () => {
    const reps = [
      ['Rep', 'Latitude', 'Longitude'],
      ['Ann', 40.7, -74],
      ['Bob', 'north', -118],
    ];
    await toOptions(reps);
    expect(
      await screen.findByText('reps: row 3, column "Latitude": expected a number from -90 to 90, got "north".'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Potential' })).not.toBeInTheDocument();
  });

  it('reads homes, shares and account bounds from a reps table', async () => {
    const reps = [
      ['Rep', 'Share', 'Lat', 'Lng', 'Min accounts', 'Max accounts'],
      ['Ann', 3, 40.7, -74, 1, 3],
      ['Bob', 1, null, null, null, null],
    ];
    const user = await toOptions(reps);
    await chooseMetric();
    await next(user, 'Run');
    await screen.findByText(/^Accounts moved: /);
    expect(solveRequests[0].problem.reps).toEqual([
      { name: 'Ann', share: 3, home: { lat: 40.7, lon: -74 }, minAccounts: 1, maxAccounts: 3 },
      { name: 'Bob', share: 1 },
    ]);
  });

  it.each([
    [
      'with a header',
      [
        ['Rep', 'Share'],
        ['Ann', 3],
        ['Bob', 1],
      ],
    ],
    [
      'without a header (as SALESOPS.TERRITORY reads two columns)',
      [
        ['Ann', 3],
        ['Bob', 1],
      ],
    ],
  ])('two-column reps (name, share) %s still set the shares', async (_, reps) => {
    const user = await toOptions(reps);
    await chooseMetric();
    await next(user, 'Run');
    await screen.findByText(/^Accounts moved: /);
    expect(solveRequests[0].problem.reps).toEqual([
      { name: 'Ann', share: 3 },
      { name: 'Bob', share: 1 },
    ]);
    // Total 100, shares 3 : 1 → targets 75 | 25. No subset of {40, 30, 20, 10} sums to 75; the nearest splits are
    // 70 | 30 and 80 | 20, both off by 5: deviation max(5/75, 5/25) = 20%. (Equal shares would give 0%: 50 | 50.)
    expect(screen.getByText('Accounts moved: 0. Largest deviation: 20.0%.')).toBeInTheDocument();
  });
});
