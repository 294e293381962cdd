/** The push route screening events arrive on (Pub/Sub, served by the session function). */
export const SAFETY_PATHS = { screen: '/events/safety/screen' } as const;

/** The customer's crisis resources (SPEC §15): under customers/{uid}, which only that customer reads. */
export const safetyDocPath = (customerId: string) => `customers/${customerId}/safety/current`;
