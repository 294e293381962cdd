/**
 * Who may read what in Firestore. Only the backend writes (its credentials bypass the rules).
 * `terraform/firestore.rules` is rendered from this table and the tests hold the two equal,
 * because the local emulator does not evaluate rules.
 */
export type Reader =
  /** Backend-only: what the rules themselves read (users/{uid}.epoch); no app reads it. */
  | { kind: 'nobody' }
  | { kind: 'signed-in' }
  | { kind: 'owner'; idVar: string; uidPrefix: 'c_' | 'm_' }
  | { kind: 'participant'; idVar: string };

export const REALTIME_ACCESS: ReadonlyArray<{ match: string; reader: Reader }> = [
  { match: 'config/public', reader: { kind: 'signed-in' } },
  { match: 'customers/{customerId}/{document=**}', reader: { kind: 'owner', idVar: 'customerId', uidPrefix: 'c_' } },
  { match: 'mitras/{mitraId}/{document=**}', reader: { kind: 'owner', idVar: 'mitraId', uidPrefix: 'm_' } },
  // A session's participants read its doc, its messages and the typing flags; nothing else under it.
  { match: 'sessions/{sessionId}', reader: { kind: 'participant', idVar: 'sessionId' } },
  { match: 'sessions/{sessionId}/messages/{messageId}', reader: { kind: 'participant', idVar: 'sessionId' } },
  { match: 'sessions/{sessionId}/typing/{userType}', reader: { kind: 'participant', idVar: 'sessionId' } },
  { match: 'users/{uid}', reader: { kind: 'nobody' } },
];

/** Firebase uid of a backend user, as minted into the Firebase custom token. */
export const firebaseUid = (userType: 'customer' | 'mitra', id: string) =>
  `${userType === 'customer' ? 'c_' : 'm_'}${id}`;

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const s = path.split('/');
  const vars: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    if (part === '{document=**}') return vars; // rules_version 2: zero or more segments
    if (s[i] === undefined) return undefined;
    if (part.startsWith('{')) vars[part.slice(1, -1)] = s[i]!;
    else if (part !== s[i]) return undefined;
  }
  return s.length === p.length ? vars : undefined;
}

/**
 * A Firebase session's Firestore access epoch (SPEC §13): the `epoch` claim of its custom token, and the
 * one stored in `users/{uid}` (absent until the first bump: 0). They must match for any read.
 */
export interface EpochCheck {
  token: number | undefined;
  stored: number | undefined;
}

/** The model of the rules: may this Firebase uid, with this epoch, read the document at path? */
export function mayRead(
  path: string,
  uid: string | undefined,
  sessionParticipants: (sessionId: string) => string[] = () => [],
  epoch: EpochCheck = { token: 0, stored: undefined },
): boolean {
  if (!uid) return false;
  if (epoch.token !== (epoch.stored ?? 0)) return false;
  for (const { match, reader } of REALTIME_ACCESS) {
    const vars = matchPath(match, path);
    if (!vars) continue;
    if (reader.kind === 'nobody') return false;
    if (reader.kind === 'signed-in') return true;
    if (reader.kind === 'owner') return uid === reader.uidPrefix + vars[reader.idVar];
    return sessionParticipants(vars[reader.idVar]!).includes(uid);
  }
  return false;
}

export function renderFirestoreRules(): string {
  const condition = (r: Reader) => {
    if (r.kind === 'nobody') return 'false';
    if (r.kind === 'signed-in') return 'request.auth != null && epochCurrent()';
    if (r.kind === 'owner')
      return `request.auth != null && epochCurrent() && request.auth.uid == '${r.uidPrefix}' + ${r.idVar}`;
    return `request.auth != null && epochCurrent() && request.auth.uid in get(/databases/$(database)/documents/sessions/$(${r.idVar})).data.participants`;
  };
  const blocks = REALTIME_ACCESS.map(
    ({ match, reader }) => `    match /${match} {\n      allow read: if ${condition(reader)};\n    }`,
  );
  return [
    "rules_version = '2';",
    '// Generated from shared/realtime/access.ts (REALTIME_ACCESS); a test keeps them equal.',
    '// Only the backend writes (Admin credentials bypass rules); apps read what the table allows.',
    'service cloud.firestore {',
    '  match /databases/{database}/documents {',
    "    // SPEC §13: the token's epoch claim must be the user's current one (users/{uid}, 0 until first bumped).",
    '    function epochCurrent() {',
    '      let user = /databases/$(database)/documents/users/$(request.auth.uid);',
    '      return request.auth.token.epoch == (exists(user) ? get(user).data.epoch : 0);',
    '    }',
    ...blocks,
    '    match /{document=**} {',
    '      allow read, write: if false;',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}
