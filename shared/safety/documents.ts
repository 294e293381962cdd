import { z } from 'zod';
import type { PublishedDocument } from '../realtime';

/** The customer's crisis resources document (SPEC §15), as views.ts builds it. Built on first use. */
function build() {
  const HotlineSchema = z.strictObject({
    name: z.string(),
    phone: z.string().optional().describe('to dial as written'),
    extension: z.string().optional(),
    url: z.string().optional(),
    hours: z.string().optional().describe('when it answers, e.g. "24 jam"'),
    description: z.string().optional(),
  });
  return {
    CrisisResourcesDocSchema: z.strictObject({
      session_id: z.uuid().describe('the session the crisis sign was seen in'),
      category: z.enum(['self_harm']),
      message: z.string().describe('what to show above the lines (config `crisis_resources.message`)'),
      crisis_resources: z.array(HotlineSchema).min(1).describe('the configured crisis lines, in order'),
      shown_at: z.iso.datetime(),
    }),
  };
}

let built: ReturnType<typeof build> | undefined;
export const safetySchemas = () => (built ??= build());
export type CrisisResourcesDoc = z.infer<ReturnType<typeof build>['CrisisResourcesDocSchema']>;

export const PUBLISHED_DOCUMENTS: PublishedDocument[] = [
  {
    name: 'CrisisResourcesDoc',
    address: 'customers/{customerId}/safety/current',
    parameters: { customerId: { description: 'the customer’s user id (UUID)' } },
    schema: () => safetySchemas().CrisisResourcesDocSchema,
    readers: ['customer'],
    writes: 'whole',
    summary: 'Crisis lines for a customer whose message showed a sign of crisis.',
    description:
      'Written once per session, after screening finds a crisis sign in a message the customer sent (a ' +
      '`safety_resources` push says the same in the background). Names the session, never the message. ' +
      'The app shows the lines prominently, with a way to call or open each, and keeps the chat open.',
  },
];
