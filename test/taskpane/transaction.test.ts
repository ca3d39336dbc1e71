import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import type { WritePlan } from '../../taskpane/workbook/port';
import { findConflicts, uniqueSheetName, uniqueTableName, writePlan } from '../../taskpane/workbook/transaction';

describe('writePlan (the one wizard write path)', () => {
  const seed = (): MemoryWorkbook =>
    new MemoryWorkbook({
      Data: [
        ['Rep', 'Quota'],
        ['Ann', 100],
        [null, null],
        ['Cy', null],
      ],
    });
  const plan: WritePlan = { blocks: [{ sheet: 'Data', at: 'C1', cells: [['Owner'], ['Bob'], ['Bob'], ['Ann']] }] };

  it('writes at once into empty cells without asking', async () => {
    const wb = seed();
    const confirm = jest.fn().mockResolvedValue(false);
    const apply = jest.spyOn(wb, 'apply');
    expect(await writePlan(wb, plan, confirm)).toEqual({ status: 'written' });
    expect(confirm).not.toHaveBeenCalled();
    expect(apply).toHaveBeenCalledTimes(1);
    expect(wb.getCell('Data', 'C4').value).toBe('Ann');
  });

  it('asks before overwriting non-empty cells and writes nothing on no', async () => {
    const wb = seed();
    const p: WritePlan = { blocks: [{ sheet: 'Data', at: 'B1', cells: [['X'], [1], [2], [3]] }] };
    const confirm = jest.fn().mockResolvedValue(false);
    const apply = jest.spyOn(wb, 'apply');
    const out = await writePlan(wb, p, confirm);
    // B1 "Quota" and B2 100 are non-empty; B3 and B4 are blank
    expect(confirm).toHaveBeenCalledWith([{ sheet: 'Data', range: 'B1:B4', cells: ['B1', 'B2'] }]);
    expect(out.status).toBe('cancelled');
    expect(apply).not.toHaveBeenCalled();
    expect(wb.getCell('Data', 'B2').value).toBe(100);
  });

  it('overwrites after an explicit yes, in one apply', async () => {
    const wb = seed();
    const p: WritePlan = { blocks: [{ sheet: 'Data', at: 'B1', cells: [['X'], [1], [2], [3]] }] };
    const apply = jest.spyOn(wb, 'apply');
    expect(await writePlan(wb, p, () => Promise.resolve(true))).toEqual({ status: 'written' });
    expect(apply).toHaveBeenCalledTimes(1);
    expect(wb.getCell('Data', 'B2').value).toBe(1);
  });

  it('a cell filled in while the confirmation was open stops the write: nothing is written', async () => {
    const wb = seed();
    const p: WritePlan = { blocks: [{ sheet: 'Data', at: 'B1', cells: [['X'], [1], [2], [3]] }] };
    // The user agrees to overwrite B1 and B2, but meanwhile types into B3 (blank when the check ran).
    const confirm = jest.fn(() => {
      wb.setCell('Data', 'B3', 'typed meanwhile');
      return Promise.resolve(true);
    });
    await expect(writePlan(wb, p, confirm)).rejects.toThrow(
      'Data!B3 was filled in after the overwrite check; nothing was written. Write again to review the cells it would overwrite.',
    );
    expect(wb.getCell('Data', 'B1').value).toBe('Quota');
    expect(wb.getCell('Data', 'B2').value).toBe(100);
    expect(wb.getCell('Data', 'B3').value).toBe('typed meanwhile');
    // Writing again asks about all three cells, and a yes then writes.
    const again = jest.fn().mockResolvedValue(true);
    expect(await writePlan(wb, p, again)).toEqual({ status: 'written' });
    expect(again).toHaveBeenCalledWith([{ sheet: 'Data', range: 'B1:B4', cells: ['B1', 'B2', 'B3'] }]);
    expect(wb.getCell('Data', 'B3').value).toBe(2);
  });

  it('does not check blocks on new sheets, and refuses a new sheet whose name is taken', async () => {
    const wb = seed();
    const nonEmpty = jest.spyOn(wb, 'nonEmptyCells');
    expect(await findConflicts(wb, { newSheets: ['Out'], blocks: [{ sheet: 'Out', at: 'A1', cells: [[1]] }] })).toEqual(
      [],
    );
    expect(nonEmpty).not.toHaveBeenCalled();
    await expect(writePlan(wb, { newSheets: ['data'] }, () => Promise.resolve(true))).rejects.toThrow(/already exists/);
  });

  it('rejects an invalid plan before reading the workbook', async () => {
    const wb = seed();
    const list = jest.spyOn(wb, 'listSheets');
    await expect(
      writePlan(wb, { blocks: [{ sheet: 'Data', at: 'A1', cells: [] }] }, () => Promise.resolve(true)),
    ).rejects.toThrow(/empty/);
    expect(list).not.toHaveBeenCalled();
  });

  it('does not ask about pre-approved cells but still asks about the others, and hands all to apply', async () => {
    const wb = seed();
    const p: WritePlan = { blocks: [{ sheet: 'Data', at: 'B1', cells: [['X'], [1]] }] };
    const apply = jest.spyOn(wb, 'apply');
    // B2 (100) is the cell the action replaces by choice; B1 ("Quota") is not: only B1 is asked about.
    const no = jest.fn().mockResolvedValue(false);
    expect((await writePlan(wb, p, no, { preApproved: [{ sheet: 'data', cells: ['b2'] }] })).status).toBe('cancelled');
    expect(no).toHaveBeenCalledWith([{ sheet: 'Data', range: 'B1:B2', cells: ['B1'] }]);
    expect(apply).not.toHaveBeenCalled();
    // With B1 pre-approved too, nothing is asked and the apply carries both non-empty cells as approved.
    const ask = jest.fn();
    await writePlan(wb, p, ask, { preApproved: [{ sheet: 'Data', cells: ['B1', 'B2'] }] });
    expect(ask).not.toHaveBeenCalled();
    expect(apply).toHaveBeenCalledWith(p, [{ sheet: 'Data', cells: ['B1', 'B2'] }]);
    expect(wb.getCell('Data', 'B2').value).toBe(1);
  });

  it('refuses a copy of a missing sheet or onto a taken name before asking', async () => {
    const wb = seed();
    const ask = jest.fn();
    await expect(writePlan(wb, { copySheets: [{ from: 'Nope', to: 'Nope 2' }] }, ask)).rejects.toThrow(
      /Sheet "Nope" does not exist/,
    );
    await expect(writePlan(wb, { copySheets: [{ from: 'Data', to: 'DATA' }] }, ask)).rejects.toThrow(
      /"DATA" already exists/,
    );
    expect(ask).not.toHaveBeenCalled();
  });

  it('finds free sheet and table names', () => {
    expect(uniqueSheetName(['Comp plan', 'comp plan 2'], 'Comp plan')).toBe('Comp plan 3');
    expect(uniqueSheetName(['Forecast'], 'Other')).toBe('Other');
    const long = 'x'.repeat(31);
    expect(uniqueSheetName([long], long)).toBe(`${'x'.repeat(29)} 2`);
    expect(uniqueTableName(['CompPlan'], 'CompPlan')).toBe('CompPlan2');
  });
});
