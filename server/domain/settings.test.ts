import { expect } from 'chai';
import { DEFAULT_SETTINGS, withDefaults } from './settings.js';

describe('settings', () => {
  it('defaults to the thresholds of DESIGN.md', () => {
    expect(DEFAULT_SETTINGS).to.deep.equal({
      horizonMonths: 60,
      expiringWithinMonths: 6,
      cliffPercent: 70,
      riskCoveragePercent: 75,
      riskShortTermPercent: 50,
      riskFromAgeYears: 4,
      riskUntilAgeYears: 6,
      riskWindowMonths: 12,
      shortTermMonths: 24,
      shortfallToleranceCents: 1_000,
      severityHighMonths: 6,
      severityMediumMonths: 12,
    });
  });

  it('replaces only the thresholds given', () => {
    const settings = withDefaults({ cliffPercent: 60, horizonMonths: undefined });
    expect(settings).to.deep.equal({ ...DEFAULT_SETTINGS, cliffPercent: 60 });
    expect(DEFAULT_SETTINGS.cliffPercent).to.equal(70);
  });
});
