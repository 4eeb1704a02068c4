import { expect } from 'chai';
import { formatCentsForInput, formatEuro, parseEuroCents } from './money';

describe('euro amounts in the console', () => {
  it('parses Dutch and English notations to exact cents', () => {
    expect(parseEuroCents('1.234,56')).to.equal(123456);
    expect(parseEuroCents('1234.56')).to.equal(123456);
    expect(parseEuroCents('1,234.56')).to.equal(123456);
    expect(parseEuroCents('12.345,67')).to.equal(1234567);
    expect(parseEuroCents('€ 1.234')).to.equal(123400);
    expect(parseEuroCents('0,1')).to.equal(10);
    expect(parseEuroCents('1234567,89')).to.equal(123456789);
    expect(parseEuroCents('1.234.567')).to.equal(123456700);
  });

  it('never loses a cent to floating point', () => {
    for (const [text, cents] of [
      ['0,29', 29],
      ['1,15', 115],
      ['4,35', 435],
      ['1.005,57', 100557],
      ['90.071.992.547.409,91', 9007199254740991],
    ] as const) {
      expect(parseEuroCents(text)).to.equal(cents);
    }
  });

  it('refuses what is not an amount, or more precise than a cent', () => {
    for (const text of ['', 'abc', '1,2,3', '12,345,6', '1.23.456', '1,234.5.6', '12.3456', '--1', '1 2 3 4,5x']) {
      expect(parseEuroCents(text), text).to.equal(null);
    }
  });

  it('reads a lone separator before three digits as a thousands separator', () => {
    expect(parseEuroCents('1,999')).to.equal(199900);
    expect(parseEuroCents('1.999')).to.equal(199900);
  });

  it('formats cents for reading and for editing', () => {
    expect(formatEuro(123456, 'nl').replace(/\s/g, ' ')).to.equal('€ 1.234,56');
    expect(formatEuro(123456, 'en')).to.equal('€1,234.56');
    expect(formatCentsForInput(1234567, 'nl')).to.equal('12.345,67');
    expect(formatCentsForInput(1234567, 'en')).to.equal('12,345.67');
    expect(formatCentsForInput(5, 'nl')).to.equal('0,05');
  });
});
