import { expect } from 'chai';
import type { GapKind } from './enums.js';
import { matchGaps, sameJson, type OpenGap } from './gapMatching.js';
import type { GapDetails } from './gapDetails.js';
import type { FoundGap } from './gaps.js';
import type { IsoDate } from './types.js';

/** Matching compares details as opaque JSON, so the tests give only the keys that matter to them. */
type Fields = Partial<Omit<FoundGap, 'details'>> & { details?: object };

function found(kind: GapKind, periodStart: IsoDate, periodEnd: IsoDate, { details = {}, ...fields }: Fields = {}): FoundGap {
  return { kind, periodStart, periodEnd, shortfallCents: 0, severity: 'high', details: details as GapDetails, subjectId: 0, commitmentId: null, ...fields };
}

function withDetails(gap: FoundGap, details: object): FoundGap {
  return { ...gap, details: details as GapDetails };
}

function open(id: number, gap: FoundGap): OpenGap {
  const { commitmentId: _ignored, ...stored } = gap;
  return { id, ...stored };
}

describe('matchGaps', () => {
  it('updates the open gap of the same kind whose period overlaps', () => {
    const now = found('shortfall', '2026-03-01', '2026-12-31', { shortfallCents: 291_000 });
    const result = matchGaps([now], [open(1, found('shortfall', '2026-04-01', '2026-12-31', { shortfallCents: 275_000 }))]);
    expect(result).to.deep.equal({ toOpen: [], toUpdate: [{ id: 1, gap: now }], unchanged: [], toResolve: [] });
  });

  it('leaves a gap that still says the same alone, whatever the key order of its details', () => {
    const now = found('cliff', '2026-04-01', '2026-04-30', { details: { endingCommitmentIds: [3], previousFundingCents: 10, fundingCents: 0 } });
    const stored = open(4, withDetails(now, { fundingCents: 0, endingCommitmentIds: [3], previousFundingCents: 10 }));
    expect(matchGaps([now], [stored])).to.deep.equal({ toOpen: [], toUpdate: [], unchanged: [4], toResolve: [] });
  });

  it('opens a gap that overlaps nothing and resolves the open gap nothing matched', () => {
    const now = found('shortfall', '2027-01-01', '2027-03-31');
    const result = matchGaps([now], [open(1, found('shortfall', '2026-01-01', '2026-12-31'))]);
    expect(result).to.deep.equal({ toOpen: [now], toUpdate: [], unchanged: [], toResolve: [1] });
  });

  it('does not match across kinds', () => {
    const now = found('cliff', '2026-04-01', '2026-04-30');
    const result = matchGaps([now], [open(1, found('shortfall', '2026-04-01', '2026-04-30'))]);
    expect(result).to.deep.equal({ toOpen: [now], toUpdate: [], unchanged: [], toResolve: [1] });
  });

  it('matches an expiring gap by its commitment, even when the period moved', () => {
    const moved = found('expiring', '2026-01-01', '2026-06-30', { subjectId: 8, commitmentId: 8, details: { commitmentId: 8, funderId: 2 } });
    const other = found('expiring', '2025-07-01', '2026-03-31', { subjectId: 9, commitmentId: 9, details: { commitmentId: 9, funderId: 3 } });
    const result = matchGaps(
      [moved, other],
      [open(1, { ...moved, periodStart: '2024-01-01', periodEnd: '2024-12-31' }), open(2, withDetails({ ...other, subjectId: 10 }, { commitmentId: 10, funderId: 3 }))],
    );
    expect(result).to.deep.equal({ toOpen: [other], toUpdate: [{ id: 1, gap: moved }], unchanged: [], toResolve: [2] });
  });

  it('keeps the limits of two funders apart', () => {
    const funder7 = found('funder_limit', '2027-03-01', '2030-12-31', { subjectId: 7, details: { funderId: 7 } });
    const funder8 = found('funder_limit', '2027-06-01', '2030-12-31', { subjectId: 8, details: { funderId: 8 } });
    const result = matchGaps([funder7, funder8], [open(5, funder8)]);
    expect(result).to.deep.equal({ toOpen: [funder7], toUpdate: [], unchanged: [5], toResolve: [] });
  });

  it('merges two old runs into the one that overlaps most and resolves the other', () => {
    // found March–May: the January–March gap shares 31 days (March), the April–June gap 61 (April, May)
    const now = found('shortfall', '2026-03-01', '2026-05-31');
    const result = matchGaps(
      [now],
      [open(1, found('shortfall', '2026-01-01', '2026-03-31')), open(2, found('shortfall', '2026-04-01', '2026-06-30'))],
    );
    expect(result).to.deep.equal({ toOpen: [], toUpdate: [{ id: 2, gap: now }], unchanged: [], toResolve: [1] });
  });

  it('lets an open gap match only one found gap', () => {
    // an old run of January–June split in two: the first part keeps the record, the second opens
    const first = found('shortfall', '2026-01-01', '2026-02-28');
    const second = found('shortfall', '2026-05-01', '2026-06-30');
    const result = matchGaps([first, second], [open(1, found('shortfall', '2026-01-01', '2026-06-30'))]);
    expect(result).to.deep.equal({ toOpen: [second], toUpdate: [{ id: 1, gap: first }], unchanged: [], toResolve: [] });
  });

  it('compares JSON by value', () => {
    expect(sameJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).to.equal(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).to.equal(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).to.equal(false);
    expect(sameJson([], {})).to.equal(false);
  });
});
