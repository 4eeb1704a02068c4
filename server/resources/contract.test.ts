import { expect } from 'chai';
import { z } from 'zod';
import { RESOURCES } from './index.js';
import { commitments } from '../contract/commitments.js';
import { RESOURCE_CONTRACTS } from '../contract/index.js';
import { columnOf, inputFields } from '../contract/resource.js';
import { filterSchema } from '../contract/resources.js';
import { tranches } from '../contract/tranches.js';
import { users } from '../contract/users.js';

const optionalOnCreate = (schema: z.ZodType) => {
  const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((name) => shape[name]!.safeParse(undefined).success);
};

describe('contract: resource shapes', () => {
  it('reads a field as nullable exactly when the contract says so', () => {
    const commitment = commitments.record.shape;
    expect(commitment.reference.safeParse(null).success).to.equal(true);
    expect(commitment.decisionDate.safeParse(null).success).to.equal(true);
    expect(commitment.title.safeParse(null).success).to.equal(false);
    expect(commitment.amountCents.safeParse(1.5).success).to.equal(false);
  });

  it('lets a create leave out the fields with a default or an "absent means not set"', () => {
    const optional = optionalOnCreate(commitments.create);
    expect(optional).to.include.members(['renewable', 'decisionDate', 'trancheSchedule', 'reference']);
    expect(optional).to.not.include.members(['title', 'initiativeId', 'startDate']);
  });

  it("requires a user's password on create and keeps it optional on update", () => {
    expect(optionalOnCreate(users.create)).to.not.include('password');
    expect(optionalOnCreate(users.update)).to.include('password');
  });

  it('takes a tranche schedule on create only', () => {
    expect(inputFields(commitments.create)).to.include('trancheSchedule');
    expect(inputFields(commitments.update)).to.not.include('trancheSchedule');
  });

  it('takes only filterable fields and their range operators in a filter', () => {
    const filter = filterSchema(tranches);
    expect(filter.safeParse({ status: ['planned', 'received'], periodStart_gte: '2027-01-01', dueOn: null }).success).to.equal(true);
    expect(filter.safeParse({ version: 3 }).success).to.equal(false);
  });
});

describe('resource definitions: derived from the contract', () => {
  it('defines exactly the resources the contract has', () => {
    expect(Object.keys(RESOURCES)).to.have.members(RESOURCE_CONTRACTS.map((c) => c.name));
  });

  it('reads each stored field from the column named after it, and writes the ones an input takes', () => {
    const startDate = RESOURCES.commitments!.fields.startDate!;
    expect([startDate.sql, startDate.column]).to.deep.equal(['commitments.start_date', 'start_date']);
    expect(RESOURCES['audit-events']!.fields.recordId!.sql).to.equal('audit_events.record_id');
    for (const contract of RESOURCE_CONTRACTS) {
      const def = RESOURCES[contract.name]!;
      for (const [name, facts] of Object.entries(contract.fields)) {
        const spec = def.fields[name]!;
        if (!facts.computed) expect(spec.sql, `${contract.name}.${name}`).to.equal(`${def.table}.${columnOf(name)}`);
        expect(spec.sortable, `${contract.name}.${name}`).to.equal(facts.sortable);
        expect(spec.filterable, `${contract.name}.${name}`).to.equal(facts.filterable);
      }
    }
  });

  it('counts computed fields, id and version as read-only', () => {
    const readOnly = Object.entries(RESOURCES.commitments!.fields).filter(([, spec]) => !spec.column).map(([name]) => name);
    expect(readOnly).to.have.members(['id', 'scheduledCents', 'receivedCents', 'unscheduledCents', 'remainingCents', 'version']);
    expect(RESOURCES.commitments!.fields.scheduledCents!.sql).to.equal('tranche_totals.scheduled');
  });

  it('takes what a write takes beyond the record as extra input, and what only a create takes as create-only', () => {
    expect(RESOURCES.commitments!.extraInput).to.deep.equal(['trancheSchedule', 'reportingSchedule', 'reportDueMonths']);
    expect(RESOURCES.commitments!.createOnly).to.deep.equal(['trancheSchedule', 'reportingSchedule', 'reportDueMonths']);
    expect(RESOURCES.users!.extraInput).to.deep.equal(['password']);
    expect(RESOURCES.users!.createOnly).to.deep.equal([]);
  });
});
