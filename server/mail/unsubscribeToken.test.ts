import { expect } from 'chai';
import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribeToken.js';

describe('unsubscribe tokens', () => {
  const secret = 'a test secret of some length';

  it('answers the user a token was made for', () => {
    expect(verifyUnsubscribeToken(secret, unsubscribeToken(secret, 42))).to.equal(42);
  });

  it('refuses a token signed with another secret, made for another user, or malformed', () => {
    const token = unsubscribeToken(secret, 42);
    expect(verifyUnsubscribeToken('another secret', token)).to.equal(null);
    expect(verifyUnsubscribeToken(secret, token.replace(/^42\./, '43.'))).to.equal(null);
    const [id, sig] = token.split('.') as [string, string];
    expect(verifyUnsubscribeToken(secret, `${id}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`)).to.equal(null);
    for (const bad of ['', '42', '42.', 'x.y', `0.${token.split('.')[1]}`, 42, null, undefined]) expect(verifyUnsubscribeToken(secret, bad)).to.equal(null);
  });
});
