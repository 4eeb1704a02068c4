import { expect } from 'chai';
import { digestPeriods, isoWeek, isoWeekday, localDateIn } from './digestPeriods.js';

describe('digest periods', () => {
  it('takes the date in the time zone, not in UTC', () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Amsterdam.
    expect(localDateIn(new Date('2026-11-30T23:30:00Z'), 'Europe/Amsterdam')).to.equal('2026-12-01');
    expect(localDateIn(new Date('2026-11-30T23:30:00Z'), 'UTC')).to.equal('2026-11-30');
  });

  it('numbers weekdays from Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-30')).to.equal(1);
    expect(isoWeekday('2026-12-06')).to.equal(7);
    expect(isoWeekday('1970-01-01')).to.equal(4);
  });

  it('names ISO weeks, also across a year end', () => {
    expect(isoWeek('2026-11-30')).to.equal('2026-W49');
    expect(isoWeek('2026-12-06')).to.equal('2026-W49');
    expect(isoWeek('2027-01-01')).to.equal('2026-W53');
    expect(isoWeek('2029-12-31')).to.equal('2030-W01');
    expect(isoWeek('2021-01-03')).to.equal('2020-W53');
  });

  it('gives weekly users a period only on a Monday', () => {
    expect(digestPeriods(new Date('2026-11-30T06:00:00Z'), 'Europe/Amsterdam')).to.deep.equal({ localDate: '2026-11-30', daily: 'daily:2026-11-30', weekly: 'weekly:2026-W49' });
    expect(digestPeriods(new Date('2026-12-01T06:00:00Z'), 'Europe/Amsterdam')).to.deep.equal({ localDate: '2026-12-01', daily: 'daily:2026-12-01', weekly: null });
  });
});
