import pg from 'pg';

export type Db = pg.Pool;
/** Anything that runs a statement: the pool, a client, a transaction that records effects. */
export type Queryable = Pick<pg.PoolClient, 'query'>;

// Timestamps come back as Date, bigint counters as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(20, (v) => Number(v));

const IDLE_TIMEOUT_MS = 10_000;

const quiet = (pool: Db): Db =>
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Nothing to do per request.
  });

export function createPool(connectionString: string, max = 10): Db {
  return quiet(new pg.Pool({ connectionString, max, idleTimeoutMillis: IDLE_TIMEOUT_MS }));
}

export interface ConnectionSource {
  /** Options every connection needs and only an asynchronous call can give (e.g. a socket factory). */
  prepare(): Promise<Partial<pg.PoolConfig>>;
  /** Called once the pool has ended. */
  close(): void;
}

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * A pool that asks `source` for its connection options on its first connection, not when it is made: a
 * function starts (and the image build warms it up) without reaching the database, as with a URL. A
 * failed `prepare` is retried by the next connection.
 */
class PreparedPool extends pg.Pool {
  #ready: Promise<void> | undefined;

  constructor(
    config: pg.PoolConfig,
    private readonly source: ConnectionSource,
  ) {
    super(config);
  }

  #prepared(): Promise<void> {
    this.#ready ??= this.source.prepare().then(
      (extra) => void Object.assign(this.options, extra),
      (err: unknown) => {
        this.#ready = undefined;
        throw err;
      },
    );
    return this.#ready;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) return this.#prepared().then(() => super.connect());
    this.#prepared().then(
      () => super.connect(callback),
      (err: Error) => callback(err, undefined, () => undefined),
    );
  }

  override end(): Promise<void>;
  override end(callback: () => void): void;
  override end(callback?: () => void): Promise<void> | void {
    const ended = super.end().finally(() => this.source.close());
    if (!callback) return ended;
    void ended.then(callback, callback);
  }
}

export function createPreparedPool(config: pg.PoolConfig, source: ConnectionSource): Db {
  return quiet(new PreparedPool({ idleTimeoutMillis: IDLE_TIMEOUT_MS, ...config }, source));
}
