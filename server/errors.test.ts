import { expect } from 'chai';
import { z } from 'zod';
import { zodReason } from './contract/errorCodes.js';
import { ApiError, reason, zodReasons } from './errors.js';

describe('field reasons', () => {
  it('make their English text from the code and its parameters', () => {
    expect(reason('field.max_chars', { max: 200 })).to.deep.equal({ code: 'field.max_chars', params: { max: 200 }, text: 'must be at most 200 characters' });
    expect(reason('field.required')).to.deep.equal({ code: 'field.required', params: {}, text: 'is required' });
  });

  it("read a schema's coded messages back from zod's issues", () => {
    const schema = z.object({ title: z.string({ error: zodReason('field.text') }).max(3, { error: zodReason('field.max_chars', { max: 3 }) }), count: z.number().int() }).strict();
    const parsed = schema.safeParse({ title: 'long', count: 1.5, extra: true });
    expect(parsed.success).to.equal(false);
    const fields = zodReasons(parsed.error!, { title: 'long', count: 1.5, extra: true });
    expect(fields).to.deep.equal({
      title: reason('field.max_chars', { max: 3 }),
      // zod's own message is not one of ours: a code all the same, never zod's English.
      count: reason('field.invalid'),
      extra: reason('field.unknown', {}),
    });
  });

  it('call a field that was not sent at all required', () => {
    const parsed = z.object({ title: z.string({ error: zodReason('field.text') }) }).safeParse({});
    expect(zodReasons(parsed.error!, {})).to.deep.equal({ title: reason('field.required') });
  });
});

describe('ApiError', () => {
  it('answers its status from its code, with the English texts and the codes side by side', () => {
    const error = new ApiError('rule', 'No.', { fields: { amountCents: reason('commitment.below_scheduled', { scheduledCents: 900 }) } });
    expect(error.status).to.equal(422);
    expect(error.toBody()).to.deep.equal({
      message: 'No.',
      code: 'rule',
      errors: { amountCents: 'must be at least the scheduled 900 cents' },
      codes: { amountCents: { code: 'commitment.below_scheduled', params: { scheduledCents: 900 } } },
    });
  });
});
