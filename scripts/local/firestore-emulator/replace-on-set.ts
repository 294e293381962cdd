import { clearFields, type FirestoreState } from './package';

/** The generated Write message's getters this reads. */
interface PlainWrite {
  has_update: boolean;
  has_update_mask: boolean;
  has_current_document: boolean;
  update: { name: string };
}

/**
 * The package merges on every set; Firestore replaces the document on a set without a field mask or a
 * precondition (a merge set carries a mask, update() carries a mask and `exists`). Emptying the stored
 * fields first gives that, in the same write and the same change event, with the document's create time
 * kept (a delete and a set would give it a new one).
 */
export function replaceOnPlainSet(state: FirestoreState): void {
  const write = state.writeV1Document.bind(state);
  state.writeV1Document = (date, w) => {
    const plain = w as unknown as PlainWrite;
    if (plain.has_update && !plain.has_update_mask && !plain.has_current_document) {
      const doc = state.getDocument(plain.update.name);
      if (doc.metadata.hasExist) clearFields(doc);
    }
    return write(date, w);
  };
}
