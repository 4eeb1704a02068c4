import { expect } from 'chai';
import { csvValue } from './sheets.js';

describe('export: values as Dutch Excel reads them in CSV', () => {
  it('writes euros from cents with a decimal comma and no thousands separator', () => {
    expect(csvValue('money', 123_456_78)).to.equal('123456,78');
    expect(csvValue('money', 5)).to.equal('0,05');
    expect(csvValue('money', -1_250)).to.equal('-12,50');
  });

  it('writes dates as dd-mm-yyyy and moments in Dutch time, summer and winter', () => {
    expect(csvValue('date', '2027-12-31')).to.equal('31-12-2027');
    expect(csvValue('month', '2027-03')).to.equal('03-2027');
    expect(csvValue('timestamp', '2026-07-01T22:30:00Z')).to.equal('02-07-2026 00:30');
    expect(csvValue('timestamp', new Date('2026-11-30T09:05:00Z'))).to.equal('30-11-2026 10:05');
  });

  it('writes shares as percentages and other numbers with a decimal comma', () => {
    expect(csvValue('ratio', 0.4567)).to.equal('45,7%');
    expect(csvValue('number', 2.5)).to.equal('2,50');
    expect(csvValue('number', 3)).to.equal('3');
    expect(csvValue('int', 42)).to.equal('42');
  });

  it('leaves what is not set empty', () => {
    expect(csvValue('money', null)).to.equal('');
    expect(csvValue('date', undefined)).to.equal('');
  });
});
