import { Writable } from 'node:stream';
import { expect } from 'chai';
import { csvValue, writeXlsx, type Cell } from './sheets.js';

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

describe('export: an xlsx streams', () => {
  it('sends the workbook while its rows are still being read, holding little of it in memory', async function () {
    this.timeout(60_000);
    let sent = 0;
    const client = new Writable({
      write(chunk: Buffer, _encoding, done) {
        sent += chunk.length;
        setImmediate(done);
      },
    });
    const ROWS = 100_000;
    const sentWhileReading: number[] = [];
    const buffersAtStart = process.memoryUsage().arrayBuffers;
    let mostBuffered = 0;
    async function* rows(): AsyncIterable<readonly Cell[]> {
      for (let i = 0; i < ROWS; i++) {
        if (i % 25_000 === 0) sentWhileReading.push(sent);
        if (i % 1_000 === 0) mostBuffered = Math.max(mostBuffered, process.memoryUsage().arrayBuffers - buffersAtStart);
        yield [i, `Toezegging nummer ${i} voor het initiatief`, 123_456, new Date(Date.UTC(2027, 0, 1 + (i % 365))), 'toegezegd'];
      }
    }
    const columns = [
      { header: 'Nr.', kind: 'int' },
      { header: 'Titel', kind: 'text' },
      { header: 'Bedrag', kind: 'money' },
      { header: 'Begindatum', kind: 'date' },
      { header: 'Status', kind: 'text' },
    ] as const;
    await writeXlsx(client, [{ name: 'Toezeggingen', columns, rows: rows() }]);
    // Before the last quarter of the rows, most of the file has left compressed already ...
    expect(sentWhileReading[3]).to.be.above(sent / 2);
    // ... and the worksheet's XML waiting for the zip stayed small (unbounded, it is tens of MB here).
    expect(mostBuffered).to.be.below(8_000_000);
  });
});
