import {
  formatReference,
  parseReference,
  quoteSheet,
  referencesIn,
  resolveReference,
  valuesOf,
  type WorkbookSnapshot,
} from '../../src/share';

const book: WorkbookSnapshot = {
  sheets: [
    {
      name: 'Comp plan',
      values: [
        ['Bound', 'Rate'],
        [0, 0.05],
        [1000, 0.1],
      ],
      formulas: [],
    },
    { name: 'Reps', values: [[1500]], formulas: [] },
  ],
  names: { Tiers: "'Comp plan'!$A$2:$B$3" },
  tables: [{ name: 'Plan', sheet: 'Comp plan', address: 'A1:B3', columns: ['Bound', 'Rate'] }],
};

describe('parseReference / formatReference', () => {
  it('reads cells, ranges, whole columns and rows, with sheets and $ flags', () => {
    expect(parseReference('B2')).toMatchObject({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseReference('$A$2:$B$6')).toMatchObject({ top: 1, left: 0, bottom: 5, right: 1 });
    expect(parseReference('A:B')).toMatchObject({ top: 0, left: 0, bottom: 1_048_575, right: 1 });
    expect(parseReference('$2:$3')).toMatchObject({ top: 1, left: 0, bottom: 2, right: 16_383 });
    expect(parseReference("'It''s here'!C3")).toMatchObject({ sheet: "It's here", top: 2, left: 2 });
    expect(parseReference('Sheet1!A1:B2')).toMatchObject({ sheet: 'Sheet1', bottom: 1, right: 1 });
    for (const bad of ['SUM', '12', 'A', 'A1:B', 'XFE1', 'A0', '"A1"', 'A1:B2:C3']) {
      expect(parseReference(bad)).toBeUndefined();
    }
  });

  it('formats back what it read', () => {
    for (const t of ['B2', '$A$2:$B$6', "'Comp plan'!A1:$B$3", "'It''s'!C3", 'Reps!$A1']) {
      expect(formatReference(parseReference(t)!)).toBe(t);
    }
    expect(quoteSheet('Reps')).toBe('Reps');
    expect(quoteSheet('A1')).toBe("'A1'");
    expect(quoteSheet('Comp plan')).toBe("'Comp plan'");
  });
});

describe('resolveReference', () => {
  it('resolves A1 references on the formula sheet, defined names and structured references', () => {
    expect(resolveReference(book, 'Reps', 'A1')).toMatchObject({ sheet: 'Reps', top: 0, left: 0 });
    expect(resolveReference(book, 'Reps', "'comp plan'!A2")).toMatchObject({ sheet: 'Comp plan', top: 1 });
    expect(resolveReference(book, 'Reps', 'tiers')).toMatchObject({ sheet: 'Comp plan', top: 1, bottom: 2, right: 1 });
    expect(resolveReference(book, 'Reps', 'Plan[Rate]')).toMatchObject({ top: 1, bottom: 2, left: 1, right: 1 });
    expect(resolveReference(book, 'Reps', 'Plan[[#Data],[Bound]]')).toMatchObject({
      top: 1,
      bottom: 2,
      left: 0,
      right: 0,
    });
    expect(resolveReference(book, 'Reps', 'Plan[[#All],[Bound]:[Rate]]')).toMatchObject({
      top: 0,
      bottom: 2,
      left: 0,
      right: 1,
    });
    expect(resolveReference(book, 'Reps', 'Plan[]')).toMatchObject({ top: 1, bottom: 2, left: 0, right: 1 });
    expect(resolveReference(book, 'Reps', 'Nowhere!A1')).toBeUndefined();
    expect(resolveReference(book, 'Reps', 'Plan[Nope]')).toBeUndefined();
    expect(resolveReference(book, 'Reps', 'A1*2')).toBeUndefined();
  });

  it('reads values, blank past the data, whole columns cut at the data', () => {
    const ref = resolveReference(book, 'Reps', "'Comp plan'!A:B")!;
    expect(valuesOf(book, ref)).toEqual([
      ['Bound', 'Rate'],
      [0, 0.05],
      [1000, 0.1],
    ]);
    expect(valuesOf(book, resolveReference(book, 'Reps', 'A1:B2')!)).toEqual([
      [1500, null],
      [null, null],
    ]);
  });

  it('lists the references a formula reads, in order, skipping strings and functions', () => {
    const refs = referencesIn(
      book,
      'Reps',
      '=SALESOPS.COMMISSION(A1, Tiers, "B2") + SUM(Plan[Rate]) + \'Comp plan\'!A1',
    );
    expect(refs.map((r) => [r.sheet, r.top, r.left, r.bottom, r.right])).toEqual([
      ['Reps', 0, 0, 0, 0],
      ['Comp plan', 1, 0, 2, 1],
      ['Comp plan', 1, 1, 2, 1],
      ['Comp plan', 0, 0, 0, 0],
    ]);
  });
});
