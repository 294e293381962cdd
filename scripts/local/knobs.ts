/** The local stack's own settings (`npm start` only; the backend's variables are shared/env/index.ts). */
export const LOCAL_STACK_KNOBS = {
  DATA_DIR: { default: '.data', doc: 'where the embedded Postgres keeps its data between runs' },
  PG_PORT: { default: '54329', doc: 'embedded Postgres port' },
  FIRESTORE_PORT: { default: '8681', doc: 'Firestore emulator port' },
  XENDIT_FAKE_PORT: { default: '8682', doc: 'fake Xendit port' },
  PG_BIN_DIR: { default: '', doc: 'Postgres server binaries (found, or installed with apt-get, when unset)' },
} as const;

export const knob = (name: keyof typeof LOCAL_STACK_KNOBS): string =>
  process.env[name] ?? LOCAL_STACK_KNOBS[name].default;
