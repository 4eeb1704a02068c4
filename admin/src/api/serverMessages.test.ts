import { expect } from 'chai';
import { HttpError } from 'react-admin';
import type { ErrorBody } from '../../../server/contract/errorCodes';
import { localizeHttpError, localizeMessage, translateCode } from './serverMessages';

describe("the API's error codes in the console (Dutch)", () => {
  it('formats amounts in euros and dates as the locale writes them', () => {
    expect(translateCode('tranche.exceeds_commitment', { availableCents: 400_000, scheduledCents: 600_000, amountCents: 100_000_000 }, 'english')).to.equal(
      'Hoogstens €\u00a04.000,00: de andere tranches plannen al €\u00a06.000,00 van €\u00a01.000.000,00',
    );
    expect(translateCode('tranche.ends_after_commitment', { startDate: '2027-01-01', endDate: '2027-12-31' }, 'english')).to.equal(
      'Moet op of voor 31-12-2027 liggen: de toezegging loopt van 01-01-2027 t/m 31-12-2027',
    );
  });

  it("names the other field by its label in the resource's language", () => {
    expect(translateCode('field.on_or_after', { field: 'periodStart' }, 'must be on or after periodStart', 'tranches')).to.equal('Moet op of na ‘Periode van’ liggen');
  });

  it('shows the English text only for a code it does not know', () => {
    expect(translateCode('field.from_the_future', {}, 'must be from the future')).to.equal('must be from the future');
    expect(translateCode(undefined, undefined, 'no code at all')).to.equal('no code at all');
  });

  it('puts the field reasons under their inputs and the message in the notification; a stale version only there', () => {
    const body: ErrorBody = {
      message: 'This budgets record was changed by someone else (version 3, you sent 2). Reload it and try again.',
      code: 'conflict.version',
      errors: { version: 'is stale: reload the record', year: 'already has a budget for this initiative' },
      codes: { version: { code: 'version.stale', params: {} }, year: { code: 'budget.duplicate', params: { year: 2027 } } },
    };
    const localized = localizeHttpError(new HttpError(body.message, 409, body), 'budgets') as HttpError;
    expect(localized.message).to.equal('Iemand anders heeft dit intussen gewijzigd. Herlaad de pagina en probeer het opnieuw.');
    expect(localized.status).to.equal(409);
    expect((localized.body as ErrorBody).errors).to.deep.equal({ year: 'Dit initiatief heeft voor 2027 al een begroting' });
  });

  it('translates a refused login by its code, with the seconds to wait', () => {
    expect(localizeMessage({ message: 'Too many login attempts. Try again in 42 seconds.', code: 'auth.too_many_attempts', params: { retryAfter: 42 } }, 'x')).to.equal(
      'Te veel aanmeldpogingen. Probeer het over 42 seconden opnieuw.',
    );
    expect(localizeMessage({}, 'ra.auth.sign_in_error')).to.equal('ra.auth.sign_in_error');
  });
});
