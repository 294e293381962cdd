/**
 * The emulator walks project → database → collection → document → … through immer on every write and
 * every read: each step runs `produce` on its parent's whole record just to find out that the child is
 * already there (six drafts per document path, ~20 % of the emulator's CPU in a pairing burst). A child
 * that exists is returned directly here; a missing one still goes through the package's own code, so it
 * is created, recorded and announced exactly as before.
 */
type Lookup = (this: Record<string, Record<string, unknown>>, name: string) => unknown;

export interface EmulatorStateClasses {
  FirestoreState: { prototype: object };
  FirestoreStateProject: { prototype: object };
  FirestoreStateDatabase: { prototype: object };
  FirestoreStateCollection: { prototype: object };
  FirestoreStateDocument: { prototype: object };
}

/** [class, method, the record it looks the child up in] for every step of a path. */
const STEPS = [
  ['FirestoreState', 'getProject', 'projects'],
  ['FirestoreStateProject', 'getDatabase', 'databases'],
  ['FirestoreStateDatabase', 'getCollection', 'collections'],
  ['FirestoreStateCollection', 'getDocument', 'documents'],
  ['FirestoreStateDocument', 'getCollection', 'collections'],
] as const;

const patched = new WeakSet<object>();

export function directChildLookups(classes: EmulatorStateClasses): void {
  for (const [cls, method, record] of STEPS) {
    const proto = classes[cls].prototype as Record<string, Lookup>;
    if (patched.has(proto[method]!)) continue;
    const original = proto[method];
    if (typeof original !== 'function')
      throw new Error(`the emulator's ${cls}.${method} is gone: update ${import.meta.url}`);
    const direct: Lookup = function (name) {
      const children = this[record]!;
      return Object.hasOwn(children, name) ? children[name] : original.call(this, name);
    };
    patched.add(direct);
    proto[method] = direct;
  }
}
