import { recipientOf } from '@shipkit/backup';
import { OptionError, ref, say } from '@shipkit/runtime';

const IDENTITY = /AGE-SECRET-KEY-1[0-9A-Z]+/g;

/** The identities in a secret: one key, or the text of an age identity file (comments allowed). */
export function parseIdentities(secret: string): string[] {
  return [...secret.matchAll(IDENTITY)].map((m) => m[0]);
}

/**
 * Picks the identity that decrypts a backup encrypted to `recipients`, so a wrong key is named
 * before anything is downloaded. With no recipients known (a bare archive), the first identity is
 * tried and age itself tells whether it fits.
 */
export async function chooseIdentity(
  secret: string | undefined,
  recipients: readonly string[],
  option: string,
  subject: string,
): Promise<string | undefined> {
  if (!secret) {
    if (recipients.length === 0) return undefined;
    throw OptionError.saying(
      say`${subject} is encrypted with age (to ${recipients.join(', ')}): give the identity that decrypts it as ${ref(option)}.`,
    );
  }
  const identities = parseIdentities(secret);
  if (identities.length === 0) {
    throw new OptionError(
      option,
      'must be an age identity (AGE-SECRET-KEY-1…, as written by age-keygen), or the text of an identity file.',
    );
  }
  if (recipients.length === 0) return identities[0];
  const publicKeys: string[] = [];
  for (const identity of identities) {
    let recipient: string;
    try {
      recipient = await recipientOf(identity);
    } catch {
      throw new OptionError(option, 'holds a malformed age identity (AGE-SECRET-KEY-1…).');
    }
    if (recipients.includes(recipient)) return identity;
    publicKeys.push(recipient);
  }
  throw new OptionError(
    option,
    `(public key ${publicKeys.join(', ')}) cannot decrypt ${subject}: it is encrypted to ${recipients.join(', ')}.`,
  );
}
