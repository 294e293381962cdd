import { AppError } from '../errors';

export const BCRYPT_COST = 12;
// A real cost-12 hash of 32 random bytes nobody kept: an unknown email pays the same bcrypt time as a
// wrong password. Precomputed, so nothing slow runs at module load (cold start).
const DUMMY_HASH = '$2b$12$0JAkIlp3S2WndMMlSTPZpuWPsDOstqMezSzeg4eZ0jpUX52gx0TAq';

// Only operators' logins hash passwords; loading the native addon (and node-gyp-build's search for it)
// at start-up cost every auth instance ~10 ms of cold start for a route most instances never serve.
let bcryptModule: Promise<typeof import('bcrypt')> | undefined;
const bcrypt = () => (bcryptModule ??= import('bcrypt').then((m) => m.default));

export function assertPasswordComplexity(password: string): void {
  if (password.length < 8) throw new AppError('PASSWORD_TOO_SHORT');
  if (!/\d/.test(password)) throw new AppError('PASSWORD_MISSING_DIGIT');
  if (!/[A-Z]/.test(password)) throw new AppError('PASSWORD_MISSING_UPPERCASE');
  if (!/[a-z]/.test(password)) throw new AppError('PASSWORD_MISSING_LOWERCASE');
}

export const hashPassword = async (password: string) => (await bcrypt()).hash(password, BCRYPT_COST);

/** bcrypt's compare is constant-time in the hash; with no user we still compare against a dummy. */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const ok = await (await bcrypt()).compare(password, hash ?? DUMMY_HASH);
  return ok && hash !== undefined;
}
