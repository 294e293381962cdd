import { z } from 'zod';
import type { PublishedDocument } from '../realtime';

/**
 * `users/{uid}`: the Firestore access epoch every rule compares the token's `epoch` claim with (SPEC §13).
 * No app reads it (the rules do), but the outbox writes it, so it is published like every other write:
 * an unpublished path fails the tests, and the apps learn why their listeners can be refused.
 */
export const UserAccessDocSchema = () =>
  z.strictObject({
    epoch: z.number().int().min(1).describe('grows at each end of Firestore access (0, the start, is never written)'),
  });

export type UserAccessDoc = z.infer<ReturnType<typeof UserAccessDocSchema>>;

export const PUBLISHED_DOCUMENTS: PublishedDocument[] = [
  {
    name: 'UserAccessDoc',
    address: 'users/{uid}',
    parameters: {
      uid: { description: 'the Firebase uid: `c_` and the customer id, or `m_` and the mitra id' },
    },
    schema: UserAccessDocSchema,
    readers: [],
    writes: 'whole',
    summary: 'The user’s Firestore access epoch, which every security rule checks.',
    description:
      'Rewritten whole when the user’s Firestore access ends (logout of the last session, a ban, a ' +
      'deactivation). From then every listener opened with an older Firebase token is refused ' +
      '(`permission-denied`): the app gets a new Firebase token (`POST /api/shared/auth/firebase-token`) and ' +
      'listens again, which succeeds only while it still holds a session.',
  },
];
