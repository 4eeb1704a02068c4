import { expect } from 'chai';
import { z } from 'zod';
import { RESOURCES } from '../resources/index.js';
import { scanSchema } from './figures.js';
import { filterSchema, optionalInputs, readOnlyFields, readSchema } from './resources.js';

const jsonOf = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: 'any' });

describe('contract: resource shapes from their definitions', () => {
  it("answers a scan in the scans resource's fields exactly as the contract's Scan", () => {
    expect(jsonOf(readSchema(RESOURCES.scans!))).to.deep.equal(jsonOf(scanSchema));
  });

  it('reads a field as nullable when its definition or its input lets it be unset', () => {
    const commitment = readSchema(RESOURCES.commitments!).shape;
    expect(commitment.reference!.safeParse(null).success).to.equal(true);
    expect(commitment.decisionDate!.safeParse(null).success).to.equal(true);
    expect(commitment.title!.safeParse(null).success).to.equal(false);
    expect(commitment.amountCents!.safeParse(1.5).success).to.equal(false);
  });

  it('lets a create leave out the fields with a default or an "absent means not set"', () => {
    const optional = optionalInputs(RESOURCES.commitments!);
    expect(optional).to.include.members(['renewable', 'decisionDate', 'trancheSchedule', 'reference']);
    expect(optional).to.not.include.members(['title', 'initiativeId', 'startDate']);
  });

  it('counts computed fields, id and version as read-only', () => {
    expect(readOnlyFields(RESOURCES.commitments!)).to.have.members(['id', 'scheduledCents', 'receivedCents', 'unscheduledCents', 'remainingCents', 'version']);
  });

  it('takes only filterable fields and their range operators in a filter', () => {
    const filter = filterSchema(RESOURCES.tranches!);
    expect(filter.safeParse({ status: ['planned', 'received'], periodStart_gte: '2027-01-01', dueOn: null }).success).to.equal(true);
    expect(filter.safeParse({ version: 3 }).success).to.equal(false);
  });
});
