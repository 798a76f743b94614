import { describe, expect, it } from '@jest/globals';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { chooseIdentity, parseIdentities } from '../src/identity';

describe('identities', () => {
  it('reads keys out of an identity file, comments and all', async () => {
    const [a, b] = [await generateIdentity(), await generateIdentity()];
    const file = `# created: 2026-11-25T03:00:00Z\n# public key: age1xyz\n${a}\n\n# second\n${b}\n`;
    expect(parseIdentities(file)).toEqual([a, b]);
  });

  it('picks the identity whose public key is a recipient', async () => {
    const [a, b] = [await generateIdentity(), await generateIdentity()];
    expect(
      await chooseIdentity(`${a}\n${b}`, [await identityToRecipient(b)], 'decrypt-identity', 'backup X'),
    ).toBe(b);
  });

  it('is not needed for an unencrypted backup, and required for an encrypted one', async () => {
    expect(await chooseIdentity(undefined, [], 'decrypt-identity', 'backup X')).toBeUndefined();
    await expect(chooseIdentity(undefined, ['age1abc'], 'decrypt-identity', 'backup X')).rejects.toThrow(
      "backup X is encrypted with age (to age1abc): give the identity that decrypts it as 'decrypt-identity'.",
    );
  });

  it('refuses text without an identity, naming the input', async () => {
    await expect(chooseIdentity('not a key', [], 'decrypt-identity', 'backup X')).rejects.toThrow(
      "Option 'decrypt-identity' must be an age identity (AGE-SECRET-KEY-1…, as written by age-keygen), or the text of an identity file.",
    );
  });
});
