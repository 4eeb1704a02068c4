import { expect } from 'chai';
import { cofunders } from './cofunders.js';
import { commitment, funder, initiative, spread, tranche } from './testFactories.js';
import type { LoadedCommitment } from './types.js';

const AS_OF = '2027-07-01';

describe('cofunders', () => {
  const of = (funderId: number, c: LoadedCommitment): LoadedCommitment => ({ ...c, funderId });
  const subject = initiative({
    funders: new Map([1, 2, 3, 4, 5, 6].map((id) => [id, funder(id, id === 3 ? 'foundation' : 'municipality')])),
    commitments: [
      // 1: € 12.000 over 2027 evenly; a withdrawn application counts nowhere.
      of(1, spread('2027-01-01', '2027-12-31', 1_200_000)),
      of(1, spread('2028-01-01', '2028-12-31', 900_000, 'withdrawn')),
      // 2: finished the day before asOf, and has applied again.
      of(2, spread('2027-01-01', '2027-06-30', 181_000, 'completed')),
      of(2, spread('2028-01-01', '2028-12-31', 366_000, 'requested')),
      // 3: only asked so far.
      of(3, spread('2028-01-01', '2028-12-31', 500_000, 'requested')),
      of(3, spread('2029-01-01', '2029-06-30', 100_000, 'conditional')),
      // 4: tranches, one cancelled, the last one reaching past the window.
      of(
        4,
        commitment({
          startDate: '2027-01-01',
          endDate: '2030-12-31',
          amountCents: 400_000,
          tranches: [
            tranche('2027-01-01', '2027-12-31', 100_000),
            tranche('2028-01-01', '2029-12-31', 100_000, 'cancelled'),
            tranche('2030-01-01', '2030-12-31', 200_000),
          ],
        }),
      ),
      // 5: committed, starting after asOf.
      of(5, spread('2029-01-01', '2029-12-31', 365_000)),
      // 6: declined only: not a funder of this initiative.
      of(6, spread('2027-01-01', '2027-12-31', 1_000_000, 'declined')),
    ],
  });

  it('gives each funder its group, statuses, committed money in the window and end date', () => {
    // The window: 36 months from July 2027, so 2027-07-01..2030-06-30.
    expect(cofunders(subject, AS_OF, 36)).to.deep.equal([
      // 1_200_000 × 184/365 (July–December 2027) = 604_931.51
      { id: 1, name: 'Funder 1', type: 'municipality', group: 'current', statuses: [{ status: 'committed', count: 1 }], committedCents: 604_932, endDate: '2027-12-31' },
      // wholly inside the window
      { id: 5, name: 'Funder 5', type: 'municipality', group: 'current', statuses: [{ status: 'committed', count: 1 }], committedCents: 365_000, endDate: '2029-12-31' },
      // 100_000 × 184/365 + 200_000 × 181/365 (January–June 2030) = 50_410.96 + 99_178.08; the cancelled tranche carries nothing
      { id: 4, name: 'Funder 4', type: 'municipality', group: 'current', statuses: [{ status: 'committed', count: 1 }], committedCents: 149_589, endDate: '2030-12-31' },
      {
        id: 3,
        name: 'Funder 3',
        type: 'foundation',
        group: 'pipeline',
        statuses: [
          { status: 'conditional', count: 1 },
          { status: 'requested', count: 1 },
        ],
        committedCents: 0,
        endDate: '2029-06-30',
      },
      // Past although it applied again: its end date is that of its money, not of its application.
      {
        id: 2,
        name: 'Funder 2',
        type: 'municipality',
        group: 'past',
        statuses: [
          { status: 'completed', count: 1 },
          { status: 'requested', count: 1 },
        ],
        committedCents: 0,
        endDate: '2027-06-30',
      },
    ]);
  });

  it('counts a commitment ending on asOf as current, and one ending the day before as past', () => {
    const groups = (asOf: string) => cofunders(subject, asOf, 36).find((f) => f.id === 2)?.group;
    expect(groups('2027-06-30')).to.equal('current');
    expect(groups('2027-07-01')).to.equal('past');
  });

  it('starts the window on the first day of the month of asOf and ends it after `months` months', () => {
    // asOf 2027-07-20 still counts all of July; 12 months end with June 2028, before funder 5 starts.
    const figures = cofunders(subject, '2027-07-20', 12).map((f) => [f.id, f.committedCents]);
    expect(figures).to.deep.equal([
      [1, 604_932],
      [4, 50_411],
      [5, 0],
      [3, 0],
      [2, 0],
    ]);
  });

  it('has nobody without commitments that count', () => {
    expect(cofunders(initiative(), AS_OF, 36)).to.deep.equal([]);
  });
});
