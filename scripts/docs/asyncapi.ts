import { stringify } from 'yaml';
import { z } from 'zod';
import { API_VERSION } from '../../shared/http/function-app';
import { publishedPushes, type PublishedPush } from '../../shared/push';
import { addressParameters, type AppName, type PublishedDocument } from '../../shared/realtime';
import { publishedDocuments } from './published-documents';

/**
 * docs/asyncapi.yaml: what the apps receive outside HTTP — a channel per Firestore document they
 * listen to and one per push type — generated from the zod schemas the code builds them with
 * (PUBLISHED_DOCUMENTS of each feature, the push catalogue). The document describes the apps: every
 * operation is one they `receive`.
 */

export type JsonSchema = Record<string, unknown>;

export interface AsyncApiDoc {
  asyncapi: '3.0.0';
  channels: Record<string, AsyncApiChannel>;
  components: { schemas: Record<string, JsonSchema>; messages: Record<string, unknown>; tags: Record<string, unknown> };
  [key: string]: unknown;
}

export interface AsyncApiChannel {
  address: string | null;
  parameters?: Record<string, { description: string; enum?: string[] }>;
  /** Firestore channels: whether a write may set only some fields. */
  'x-writes'?: PublishedDocument['writes'];
  /** Push channels: the FCM `data.type`. */
  'x-push-type'?: string;
  [key: string]: unknown;
}

/** What zod spells as a regex beside a format: UTC only, in the form `Date.toISOString()` writes. */
const UTC_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$';

/**
 * zod writes a long regex beside each format and the safe-integer range on every integer; a reader of
 * the published schema needs neither. A date-time keeps a short pattern: the `Z` is the contract (UTC).
 */
function readable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(readable);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'properties' ? readableProps(v) : readable(v);
  if (typeof out.format === 'string' && typeof out.pattern === 'string') {
    if (out.format === 'date-time') out.pattern = UTC_DATE_TIME;
    else delete out.pattern;
  }
  if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;
  if (out.minimum === Number.MIN_SAFE_INTEGER) delete out.minimum;
  return out;
}
const readableProps = (props: unknown) =>
  Object.fromEntries(Object.entries(props as Record<string, unknown>).map(([k, v]) => [k, readable(v)]));

/** JSON Schema draft-07 (what AsyncAPI 3.0's default schema format extends). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'throw' });
  return readable(rest) as JsonSchema;
}

const appTags = (apps: readonly AppName[]) => apps.map((app) => ({ $ref: `#/components/tags/${app}-app` }));
const audienceApps = (to: PublishedPush['to']): AppName[] => (to === 'either' ? ['customer', 'mitra'] : [to]);
const pascal = (type: string) => type.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());
export const pushChannelName = (type: string) => `Push${pascal(type)}`;

const WRITES = {
  whole: 'Every write replaces the whole document.',
  merged: 'A write may set only some top-level fields (a Firestore merge): the listener sees their union.',
};

function documentChannel(doc: PublishedDocument) {
  const names = addressParameters(doc.address);
  const missing = names.filter((n) => !doc.parameters[n]);
  if (missing.length) throw new Error(`${doc.name}: no description for {${missing.join('}, {')}}`);
  const parameters = Object.fromEntries(
    names.map((n) => {
      const p = doc.parameters[n]!;
      return [n, { description: p.description, ...(p.values ? { enum: [...p.values] } : {}) }];
    }),
  );
  const readers = doc.readers.length ? doc.readers.map((r) => `the ${r} app`).join(' and ') : 'no app';
  return {
    channel: {
      address: doc.address,
      title: doc.name,
      summary: doc.summary,
      description: `${doc.description}\n\nRead by ${readers} (terraform/firestore.rules). ${WRITES[doc.writes]}`,
      servers: [{ $ref: '#/servers/firestore' }],
      ...(names.length ? { parameters } : {}),
      messages: { [doc.name]: { $ref: `#/components/messages/${doc.name}` } },
      'x-writes': doc.writes,
    } satisfies AsyncApiChannel,
    operation: {
      action: 'receive',
      channel: { $ref: `#/channels/${doc.name}` },
      summary: `Listen to ${doc.address} (onSnapshot)`,
      messages: [{ $ref: `#/channels/${doc.name}/messages/${doc.name}` }],
      tags: appTags(doc.readers),
    },
    message: {
      name: doc.name,
      title: doc.name,
      summary: doc.summary,
      contentType: 'application/json',
      payload: { $ref: `#/components/schemas/${doc.name}` },
    },
  };
}

function pushDescription(p: PublishedPush): string {
  const thread = `\`data.${p.thread}\``;
  const lines =
    p.kind === 'alert'
      ? [
          'Alert: FCM draws it even when the app is closed (`notification` + `data`). Android priority high,',
          `channel \`halobestie_chat_v2\`, tag ${thread}; iOS apns-priority 10, push-type alert, thread-id ${thread}.`,
          'A tap opens the screen of the session or request it names; in the foreground, show it in-app.',
        ]
      : [
          'Background: data only, never drawn by the system; the app’s background handler runs and syncs from',
          `Firestore or the REST API. Android priority ${p.urgent ? 'high (the app must react at once)' : 'normal'};`,
          'iOS apns-priority 5, push-type background, content-available 1.',
        ];
  if (p.expires)
    lines.push('Expires with what it announces (Android ttl, iOS apns-expiration): a late one is dropped.');
  if (p.example) lines.push('', `Text, e.g.: «${p.example.title}» — «${p.example.body}»`);
  return lines.join('\n');
}

function pushChannel(p: PublishedPush) {
  const name = pushChannelName(p.type);
  const to = p.to === 'either' ? 'either side of a session' : `the ${p.to}`;
  return {
    name,
    channel: {
      address: null,
      title: p.type,
      summary: `${p.kind} push to ${to}`,
      description: pushDescription(p),
      servers: [{ $ref: '#/servers/fcm' }],
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
      'x-push-type': p.type,
      'x-kind': p.kind,
    } satisfies AsyncApiChannel,
    operation: {
      action: 'receive',
      channel: { $ref: `#/channels/${name}` },
      summary: `Receive the ${p.type} push`,
      messages: [{ $ref: `#/channels/${name}/messages/${name}` }],
      tags: appTags(audienceApps(p.to)),
    },
    message: {
      name: p.type,
      title: p.type,
      summary: `data.type = ${p.type}`,
      contentType: 'application/json',
      payload: { $ref: `#/components/schemas/${name}` },
    },
  };
}

const INFO_DESCRIPTION = `What the Halo Bestie apps receive outside HTTP: the Firestore documents they listen to and
the FCM pushes they get. Generated from the schemas the backend builds them with (\`npm run openapi\`);
the tests check every document the backend writes and every push it sends against this file.

Conventions: times are ISO-8601 UTC strings (server time: compare with server times, not the device
clock), ids are UUIDs, unknown fields never appear. Sign-in, Firebase tokens, which screen listens to what
and how to handle each push: docs/mobile.md. The HTTP API: docs/openapi.mobile.json.`;

export async function buildAsyncApi(): Promise<AsyncApiDoc> {
  const channels: Record<string, AsyncApiChannel> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const doc of await publishedDocuments()) {
    if (channels[doc.name]) throw new Error(`two published documents are named ${doc.name}`);
    const c = documentChannel(doc);
    channels[doc.name] = c.channel;
    operations[`listen${doc.name}`] = c.operation;
    messages[doc.name] = c.message;
    schemas[doc.name] = jsonSchemaOf(doc.schema());
  }
  for (const p of publishedPushes()) {
    const c = pushChannel(p);
    channels[c.name] = c.channel;
    operations[`receive${c.name}`] = c.operation;
    messages[c.name] = c.message;
    schemas[c.name] = jsonSchemaOf(p.schema);
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Halo Bestie realtime documents and pushes',
      version: API_VERSION,
      description: INFO_DESCRIPTION,
    },
    defaultContentType: 'application/json',
    servers: {
      firestore: {
        host: 'firestore.googleapis.com',
        protocol: 'https',
        description:
          'Cloud Firestore, through the Firebase SDK signed in with the custom token from ' +
          '`POST /api/shared/auth/firebase-token`. Locally: the emulator `npm start` prints.',
      },
      fcm: {
        host: 'fcm.googleapis.com',
        protocol: 'https',
        description:
          'Firebase Cloud Messaging, to the device tokens the app registered (`PUT /api/shared/device-token`).',
      },
    },
    channels,
    operations,
    components: {
      schemas,
      messages,
      tags: {
        'customer-app': { name: 'customer-app', description: 'Received by the customer app' },
        'mitra-app': { name: 'mitra-app', description: 'Received by the mitra app' },
      },
    },
  };
}

export async function asyncApiYaml(): Promise<string> {
  const header = '# Generated from the published zod schemas by `npm run openapi`. Do not edit.\n';
  return header + stringify(await buildAsyncApi(), { lineWidth: 0, aliasDuplicateObjects: false });
}
