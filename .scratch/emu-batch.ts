import { Firestore } from '@google-cloud/firestore';
import { startFirestoreEmulatorProcess } from '../scripts/local/firestore-process';
import { freePort } from '../scripts/local/free-port';
const emu = await startFirestoreEmulatorProcess(await freePort());
process.env.FIRESTORE_EMULATOR_HOST = emu.host;
const fs = new Firestore({ projectId: 'scratch' });
const doc = { request_id: 'x', status: 'offered', customer_display_name: 'Anon 123', topic_sensitivity: 'regular', tier_id: 'tier_30', expires_at: new Date().toISOString(), offered_at: new Date().toISOString(), respond_by: new Date().toISOString(), active_session_count: 0 };
for (const withDelete of [true, false, true, false]) {
  const t = performance.now();
  for (let b = 0; b < 10; b++) {
    const batch = fs.batch();
    for (let i = 0; i < 200; i++) { const ref = fs.doc(`mitras/m${i % 60}/offers/r${b}-${i}-${withDelete}`); if (withDelete) batch.delete(ref); batch.set(ref, doc); }
    await batch.commit();
  }
  console.log(withDelete ? 'delete+set' : 'set', ((performance.now() - t) / 10).toFixed(1), 'ms per 200-doc batch');
}
await fs.terminate(); await emu.stop();
