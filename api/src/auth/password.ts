import { hash, verify } from '@node-rs/argon2';

// argon2id at OWASP's recommended floor: 19 MiB of memory, 2 iterations, 1 lane.
// Algorithm is an ambient const enum upstream, so its value (2 = Argon2id) is written here.
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
