/** The outbox: effects recorded with a state change, and the relay that delivers them. */
export { commitStatementWithEffects, commitWithEffects, type Tx, type Wakeable } from './commit';
export { effect, entry, type OutboxEntry, type OutboxItem } from './effects';
export type { StatementWithEffects } from './enqueue';
export { MAX_EVENT_ITEMS } from './relay-events';
export { OutboxRelay, type OutboxRelayDeps } from './relay';
export { backlogAgeSeconds, deadLetters } from './backlog';
export { newestOutboxId, purgeDeliveredBefore, scrubDeliveredMentions } from './retention';
