import { describe, expect, it } from '@jest/globals';
import { displayUri, Redactor, secretForms, uriCredentials } from '../src/secrets';

const password = 'p@ss:w/rd%20x';
const encoded = encodeURIComponent(password);
const uri = `mongodb+srv://backup:${encoded}@cluster0.abcde.mongodb.net/shop?retryWrites=true&w=majority`;

describe('secretForms of a MongoDB URI', () => {
  it('lists the URI, the password, its percent-encoded form and user:password', () => {
    const forms = secretForms(uri);
    expect(forms).toEqual(
      expect.arrayContaining([uri, password, encoded, `backup:${password}`, `backup:${encoded}`]),
    );
  });

  it('works for multi-host URIs that URL cannot parse', () => {
    const multi = `mongodb://app:${encoded}@h1:27017,h2:27017,h3:27017/?replicaSet=rs0`;
    expect(uriCredentials(multi)).toEqual({ username: 'app', password, rawUserInfo: `app:${encoded}` });
    expect(secretForms(multi)).toContain(password);
  });

  it('adds nothing but the URI itself when there is no password', () => {
    expect(secretForms('mongodb://127.0.0.1:27017/')).toEqual(['mongodb://127.0.0.1:27017/']);
  });

  it('masks secret query values such as a deploy hook key', () => {
    const hook = 'https://api.render.com/deploy/srv-abc123?key=Zx9SecretHookKey';
    expect(secretForms(hook)).toContain('Zx9SecretHookKey');
    expect(displayUri(hook)).toBe('https://api.render.com/deploy/srv-abc123?key=****');
  });
});

describe('Redactor', () => {
  it('removes every form from any text, longest first, and tells the runner each form', () => {
    const told: string[] = [];
    const redactor = new Redactor((form) => told.push(form));
    redactor.add(uri);
    redactor.add(undefined);
    const text = `connecting to ${uri}; auth with ${password} (${encoded}) as backup:${password}`;
    const clean = redactor.redact(text);
    expect(clean).not.toContain(password);
    expect(clean).not.toContain(encoded);
    expect(clean).toContain('connecting to ***');
    expect(told).toEqual(expect.arrayContaining([uri, password, encoded]));
  });

  it('shows URIs without their password', () => {
    expect(displayUri(uri)).toBe(
      'mongodb+srv://backup:****@cluster0.abcde.mongodb.net/shop?retryWrites=true&w=majority',
    );
    expect(displayUri(uri)).not.toContain(encoded);
  });

  it('ignores secrets too short to mask without blanking ordinary text', () => {
    const redactor = new Redactor();
    redactor.add('ab');
    expect(redactor.redact('about a tab')).toBe('about a tab');
  });
});
