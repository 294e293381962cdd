/**
 * The emulator walks project → database → collection → document → … through immer on every write and
 * every read: each step runs `produce` on its parent's whole record just to find out that the child is
 * already there (six drafts per document path, ~20 % of the emulator's CPU in a pairing burst). A child
 * that exists is returned directly here; a missing one still goes through the package's own code, so it
 * is created, recorded and announced exactly as before, except a document: the package announces none,
 * and copying its collection's whole record to add one made each new document cost O(collection).
 * A document path is split once, not reversed, joined and split again.
 */
type Lookup = (this: Record<string, Record<string, unknown>>, name: string) => unknown;

type Constructor = new (...args: unknown[]) => object;

export interface EmulatorStateClasses {
  FirestoreState: { prototype: object };
  FirestoreStateProject: { prototype: object };
  FirestoreStateDatabase: { prototype: object };
  FirestoreStateCollection: { prototype: object };
  FirestoreStateDocument: { prototype: object } & Constructor;
}

/** [class, method, the record it looks the child up in] for every step of a path but the document. */
const STEPS = [
  ['FirestoreState', 'getProject', 'projects'],
  ['FirestoreStateProject', 'getDatabase', 'databases'],
  ['FirestoreStateDatabase', 'getCollection', 'collections'],
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
  directDocumentCreation(classes);
  directDocumentPaths(classes);
}

interface CollectionNode {
  emitter: unknown;
  database: unknown;
  documents: Record<string, unknown>;
}

function directDocumentCreation(classes: EmulatorStateClasses) {
  const proto = classes.FirestoreStateCollection.prototype as Record<string, Lookup>;
  const original = proto.getDocument!;
  if (patched.has(original)) return;
  if (typeof original !== 'function')
    throw new Error(`the emulator's FirestoreStateCollection.getDocument is gone: update ${import.meta.url}`);
  const Document = classes.FirestoreStateDocument;
  // The package's own construction (FirestoreStateCollection.getDocument), recorded in place; a name
  // that would set the record's prototype instead stays with the package.
  const lookup = function (this: CollectionNode, name: string) {
    if (Object.hasOwn(this.documents, name)) return this.documents[name];
    if (name === '__proto__') return original.call(this as never, name);
    const doc = new Document(this.emitter, this.database, this, name, {}, {});
    this.documents[name] = doc;
    return doc;
  };
  patched.add(lookup as unknown as Lookup);
  proto.getDocument = lookup as unknown as Lookup;
}

interface Walk {
  getProject(name: string): { getDatabase(name: string): Walk };
  getCollection(name: string): Walk;
  getDocument(name: string): Walk;
}

function directDocumentPaths(classes: EmulatorStateClasses) {
  const proto = classes.FirestoreState.prototype as { getDocument(this: Walk, path: string): Walk };
  const original = proto.getDocument;
  if (patched.has(original)) return;
  if (typeof original !== 'function')
    throw new Error(`the emulator's FirestoreState.getDocument is gone: update ${import.meta.url}`);
  // projects/{p}/databases/{d}/documents/{collection}/{id}[/{collection}/{id}…]; anything else (and its
  // error) is left to the package.
  const direct = function (this: Walk, path: string): Walk {
    const parts = path.split('/');
    if (parts.length < 7 || parts.length % 2 === 0 || parts[0] !== 'projects' || parts[2] !== 'databases')
      return original.call(this, path);
    if (parts[4] !== 'documents') return original.call(this, path);
    let node: Walk = this.getProject(parts[1]!).getDatabase(parts[3]!);
    for (let i = 5; i < parts.length; i += 2) node = node.getCollection(parts[i]!).getDocument(parts[i + 1]!);
    return node;
  };
  patched.add(direct);
  proto.getDocument = direct;
}
