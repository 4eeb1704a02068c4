import { expect } from 'chai';
import { readBool, readDate, readEuros, readLabel, readLabelList, readWholeNumber, type Read } from './cellValues.js';

const value = <T>(r: Read<T>) => (r.ok ? r.value : `error ${r.reason.code}`);

describe('cell values as people type them', () => {
  it('reads euros in Dutch and English writing, and Excel numbers, as whole cents', () => {
    const cases: [string | number, number | string][] = [
      ['1.234,56', 123456],
      ['€ 1.234', 123400],
      ['€\u00a01.234,5', 123450],
      ['1234.56', 123456],
      ['1234,56', 123456],
      ['1,234.56', 123456],
      ['1.234.567', 123456700],
      ['EUR 12', 1200],
      [1234.56, 123456],
      [0.1 + 0.2, 30],
      ['12,345', 1234500],
      ['veel', 'error import.euros'],
      ['1.23.4', 'error import.euros'],
    ];
    for (const [input, expected] of cases) expect(value(readEuros(input)), String(input)).to.equal(expected);
  });

  it('reads dates as Excel serials, dd-mm-yyyy, dd/mm/yyyy and ISO, refusing what no calendar has', () => {
    const cases: [string | number, string][] = [
      ['31-12-2027', '2027-12-31'],
      ['1/2/2027', '2027-02-01'],
      ['2027-12-31', '2027-12-31'],
      ['2027-12-31T00:00:00+01:00', '2027-12-31'],
      [46387, '2026-12-31'],
      ['31-02-2027', 'error field.calendar_date'],
      ['0000-01-01', 'error import.date'],
      ['morgen', 'error import.date'],
    ];
    for (const [input, expected] of cases) expect(value(readDate(input)), String(input)).to.equal(expected);
  });

  it('reads yes and no in Dutch and English, whole numbers, and labels in Dutch or as API values', () => {
    expect(['ja', 'Nee', 'yes', 'FALSE', true].map((b) => value(readBool(b)))).to.deep.equal([true, false, true, false, true]);
    expect(value(readBool('misschien'))).to.equal('error import.bool');
    expect(value(readWholeNumber('2027'))).to.equal(2027);
    expect(value(readWholeNumber('99999999999'))).to.equal('error import.whole_number');
    expect(value(readLabel('Fondsbijdrage', 'commitmentKind'))).to.equal('grant');
    expect(value(readLabel('in_kind', 'commitmentKind'))).to.equal('in_kind');
    expect(value(readLabel('in natura', 'commitmentKind'))).to.equal('in_kind');
    expect(value(readLabel('health insurer', 'funderType'))).to.equal('health_insurer');
    expect(value(readLabelList('welzijn, Voedsel;care', 'domain'))).to.deep.equal(['welfare', 'food', 'care']);
  });
});
