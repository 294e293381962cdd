import { readFileSync, writeFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { asyncApiYaml, buildAsyncApi, pushChannelName } from '../../scripts/docs/asyncapi';
import { publishedDocuments } from '../../scripts/docs/published-documents';
import { PUSH_TYPES } from '../../shared/push';
import { addressParameters, firebaseUid, matchAddress, mayRead } from '../../shared/realtime';

// `npm run openapi` rewrites the committed copy; otherwise the test fails when it is stale.
const FILE = 'docs/asyncapi.yaml';
const update = process.env.UPDATE_OPENAPI === '1';

describe('docs/asyncapi.yaml: the Firestore documents and pushes the apps receive', () => {
  it('is the committed file', async () => {
    const text = await asyncApiYaml();
    if (update) writeFileSync(FILE, text);
    expect(readFileSync(FILE, 'utf8'), 'docs/asyncapi.yaml is stale: run `npm run openapi`').toBe(text);
  });

  it('parses with the official AsyncAPI parser, with no error or warning', async () => {
    const { document, diagnostics } = await new Parser().parse(readFileSync(FILE, 'utf8'));
    // Severity 0 is an error, 1 a warning; 2 (information) only says AsyncAPI 3.1 exists, and 3.0 is the brief.
    const findings = diagnostics
      .filter((d) => d.severity < 2)
      .map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
    expect(findings).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    expect(document?.channels().length).toBeGreaterThan(20);
  });

  it('has a channel for every Firestore path the backend writes', async () => {
    const addresses = (await publishedDocuments()).map((d) => d.address);
    // The paths the builders in shared/*/paths.ts and shared/config produce today.
    for (const path of [
      'sessions/s1',
      'sessions/s1/messages/m1',
      'sessions/s1/typing/customer',
      'sessions/s1/typing/mitra',
      'mitras/m1/offers/r1',
      'mitras/m1/sessions/s1',
      'customers/c1/pairing/current',
      'config/public',
      'users/c_1',
    ]) {
      expect(
        addresses.filter((a) => matchAddress(a, path)),
        path,
      ).toHaveLength(1);
    }
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('has one push channel per catalogue type, with its data and (alerts only) its notification', async () => {
    const doc = await buildAsyncApi();
    for (const [type, def] of Object.entries(PUSH_TYPES)) {
      const name = pushChannelName(type);
      expect(doc.channels[name]?.['x-push-type'], type).toBe(type);
      const schema = doc.components.schemas[name] as { properties: Record<string, unknown>; required: string[] };
      expect(schema.required).toEqual(def.kind === 'alert' ? ['data', 'notification'] : ['data']);
    }
  });

  it('names exactly the apps the Firestore rules let read each document', async () => {
    for (const doc of await publishedDocuments()) {
      const path = doc.address.replace(
        /\{([^}]+)\}/g,
        (_m, name: string) => doc.parameters[name]?.values?.[0] ?? `id-${name}`,
      );
      const ids = matchAddress(doc.address, path)!;
      const owner = (app: 'customer' | 'mitra') => {
        // The reader that owns the path is the one whose id sits in it; a session's participants read its docs.
        const own = addressParameters(doc.address).find((p) => p === `${app}Id`);
        return firebaseUid(app, own ? ids[own]! : `id-${app}`);
      };
      const participants = () => [owner('customer'), owner('mitra')];
      for (const app of ['customer', 'mitra'] as const) {
        expect(mayRead(path, owner(app), participants), `${doc.name} by the ${app} app`).toBe(
          doc.readers.includes(app),
        );
      }
    }
  });
});
