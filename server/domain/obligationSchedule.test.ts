// Every expected date below is worked out by hand in the comment beside it.
import { expect } from 'chai';
import { dueAfter, generateObligations, lateness, obligationAlert } from './obligationSchedule.js';

type Row = [kind: string, periodStart: string, periodEnd: string, dueOn: string];
const rows = (obligations: ReturnType<typeof generateObligations>): Row[] => obligations.map((o) => [o.kind, o.periodStart, o.periodEnd, o.dueOn]);

describe('obligation schedules', () => {
  describe('due dates', () => {
    it('keeps a month end a month end', () => {
      // 31 May + 3 months: 31 August; 30 November + 3: February's last day (2027 no leap year, 2028 one).
      expect(dueAfter('2027-05-31', 3)).to.equal('2027-08-31');
      expect(dueAfter('2026-11-30', 3)).to.equal('2027-02-28');
      expect(dueAfter('2027-11-30', 3)).to.equal('2028-02-29');
      // 30 April is April's last day: due 31 July, not 30 July.
      expect(dueAfter('2027-04-30', 3)).to.equal('2027-07-31');
      // 31 December + 3: 31 March.
      expect(dueAfter('2027-12-31', 3)).to.equal('2028-03-31');
    });

    it('keeps the day of the month otherwise, clamped to a shorter month', () => {
      expect(dueAfter('2028-03-14', 3)).to.equal('2028-06-14');
      // 29 November 2026 + 3: February 2027 has 28 days.
      expect(dueAfter('2026-11-29', 3)).to.equal('2027-02-28');
      expect(dueAfter('2027-06-15', 0)).to.equal('2027-06-15');
    });
  });

  it('makes nothing on `none`', () => {
    expect(generateObligations({ startDate: '2027-01-01', endDate: '2027-12-31', tranches: [] }, 'none')).to.deep.equal([]);
  });

  it('makes yearly reports for a 2-year commitment from 15 March, due 3 months after each year', () => {
    // 2027-03-15 + 12 months = 2028-03-15: year 1 is 2027-03-15..2028-03-14, year 2 2028-03-15..2029-03-14
    // (the end date). Each is due 3 months after its end: 2028-06-14 and 2029-06-14.
    const obligations = generateObligations({ startDate: '2027-03-15', endDate: '2029-03-14', tranches: [] }, 'yearly', 3);
    expect(rows(obligations)).to.deep.equal([
      ['activity_report', '2027-03-15', '2028-03-14', '2028-06-14'],
      ['financial_report', '2027-03-15', '2028-03-14', '2028-06-14'],
      ['activity_report', '2028-03-15', '2029-03-14', '2029-06-14'],
      ['financial_report', '2028-03-15', '2029-03-14', '2029-06-14'],
    ]);
    expect(obligations.map((o) => o.title)).to.deep.equal(['Inhoudelijk verslag jaar 1', 'Financieel verslag jaar 1', 'Inhoudelijk verslag jaar 2', 'Financieel verslag jaar 2']);
  });

  it('cuts the last year at the end date', () => {
    // 2027-07-01..2028-06-30, then 2028-07-01 cut at 2028-12-31: due 2028-09-30 and 2029-03-31.
    expect(rows(generateObligations({ startDate: '2027-07-01', endDate: '2028-12-31', tranches: [] }, 'yearly', 3))).to.deep.equal([
      ['activity_report', '2027-07-01', '2028-06-30', '2028-09-30'],
      ['financial_report', '2027-07-01', '2028-06-30', '2028-09-30'],
      ['activity_report', '2028-07-01', '2028-12-31', '2029-03-31'],
      ['financial_report', '2028-07-01', '2028-12-31', '2029-03-31'],
    ]);
  });

  it('makes a final activity and financial report over a period ending 31 December', () => {
    // 31 December 2027 + 3 months: 31 March 2028; with 6 months: 30 June 2028.
    expect(rows(generateObligations({ startDate: '2026-01-01', endDate: '2027-12-31', tranches: [] }, 'final'))).to.deep.equal([
      ['activity_report', '2026-01-01', '2027-12-31', '2028-03-31'],
      ['financial_report', '2026-01-01', '2027-12-31', '2028-03-31'],
    ]);
    expect(generateObligations({ startDate: '2026-01-01', endDate: '2027-12-31', tranches: [] }, 'final', 6).map((o) => o.dueOn)).to.deep.equal(['2028-06-30', '2028-06-30']);
  });

  it('makes an activity report per quarterly tranche, in period order', () => {
    // Quarters of 2027: due 3 months after each quarter's last day (all month ends).
    const tranches = [
      { periodStart: '2027-07-01', periodEnd: '2027-09-30' },
      { periodStart: '2027-01-01', periodEnd: '2027-03-31' },
      { periodStart: '2027-04-01', periodEnd: '2027-06-30' },
      { periodStart: '2027-10-01', periodEnd: '2027-12-31' },
    ];
    const obligations = generateObligations({ startDate: '2027-01-01', endDate: '2027-12-31', tranches }, 'per_tranche', 3);
    expect(rows(obligations)).to.deep.equal([
      ['activity_report', '2027-01-01', '2027-03-31', '2027-06-30'],
      ['activity_report', '2027-04-01', '2027-06-30', '2027-09-30'],
      ['activity_report', '2027-07-01', '2027-09-30', '2027-12-31'],
      ['activity_report', '2027-10-01', '2027-12-31', '2028-03-31'],
    ]);
    expect(obligations[3]!.title).to.equal('Inhoudelijk verslag tranche 4');
  });

  describe('overdue', () => {
    it('is overdue from the day after the due date, while open or rejected', () => {
      expect(lateness('open', '2027-03-31', '2027-03-31')).to.deep.equal({ overdue: false, daysOverdue: 0 });
      expect(lateness('open', '2027-03-31', '2027-04-01')).to.deep.equal({ overdue: true, daysOverdue: 1 });
      // 31 March to 1 May: 30 days of April and 1.
      expect(lateness('rejected', '2027-03-31', '2027-05-01')).to.deep.equal({ overdue: true, daysOverdue: 31 });
    });

    it('is never overdue once submitted, accepted or waived', () => {
      for (const status of ['submitted', 'accepted', 'waived'] as const) expect(lateness(status, '2027-03-31', '2028-01-01').overdue).to.equal(false);
    });
  });

  describe('alerts', () => {
    it('tells an open obligation due within 14 days as due soon, and one past its due date as overdue', () => {
      // asOf 2027-03-17: 14 days on is 2027-03-31.
      expect(obligationAlert('open', '2027-03-31', '2027-03-17')).to.equal('due_soon');
      expect(obligationAlert('open', '2027-04-01', '2027-03-17')).to.equal(null);
      expect(obligationAlert('open', '2027-03-17', '2027-03-17')).to.equal('due_soon');
      expect(obligationAlert('open', '2027-03-16', '2027-03-17')).to.equal('overdue');
      expect(obligationAlert('rejected', '2027-03-16', '2027-03-17')).to.equal('overdue');
      // A rejected one is not "due soon": it was already sent once.
      expect(obligationAlert('rejected', '2027-03-20', '2027-03-17')).to.equal(null);
      expect(obligationAlert('submitted', '2027-03-16', '2027-03-17')).to.equal(null);
    });
  });
});
