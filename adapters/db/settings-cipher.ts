import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets in stored settings (SMTP passwords), encrypted with AES-256-GCM under a key
 * from the environment (SETTINGS_KEY), so a copy of the database alone does not
 * give them away. The format names its version, for a future key rotation.
 */
export interface SettingsCipher {
  seal(plain: string): string;
  /** Throws a readable error when the text was sealed under another key (SETTINGS_KEY changed). */
  open(sealed: string): string;
}

const PREFIX = 'enc:v1:';

/** A 32-byte key, given as 64 hex digits or 44 base64 characters. */
export function parseSettingsKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('SETTINGS_KEY must be 32 bytes: 64 hex digits or 44 base64 characters (openssl rand -base64 32)');
  return key;
}

export const newSettingsKey = (): string => randomBytes(32).toString('base64');

export function createSettingsCipher(key: Buffer): SettingsCipher {
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
    },
    open(sealed) {
      const [iv, tag, body] = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split(':') : [];
      if (!iv || !tag || body === undefined) throw new Error('a stored SMTP password is not in the encrypted format');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('a stored SMTP password cannot be decrypted: SETTINGS_KEY is not the key it was saved with');
      }
    },
  };
}
