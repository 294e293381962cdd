import { startFirestoreEmulator } from './server';

/**
 * The emulator as its own process (forked by process.ts): in production Firestore is another
 * service, so locally it gets its own event loop and core instead of sharing the functions' one.
 * It lives exactly as long as its parent: it leaves when the IPC channel closes (the parent stopped or
 * was killed) and ignores the terminal's Ctrl-C, which the parent answers by stopping it last.
 */
const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0 || !process.send) {
  console.error('usage: forked with an IPC channel and the port as its one argument');
  process.exit(2);
}
process.on('SIGINT', () => undefined);
process.on('disconnect', () => process.exit(0));
const emulator = await startFirestoreEmulator(port);
process.on('SIGTERM', () => {
  emulator.stop();
  process.exit(0);
});
process.send({ ready: emulator.host });
