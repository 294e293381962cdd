import type { Socket } from 'node:net';
import type { ConnectionOptions } from '@google-cloud/cloud-sql-connector';
import { createPreparedPool, type Db } from '../../db/pool';

export interface CloudSqlTarget {
  /** `<project>:<region>:<instance>` */
  instanceConnectionName: string;
  /** The IAM database user: for a service account, its email without `.gserviceaccount.com`. */
  user: string;
  database: string;
}

/** What the pool needs of `Connector` from @google-cloud/cloud-sql-connector. */
export interface SqlConnector {
  getOptions(options: ConnectionOptions): Promise<{ stream: () => Socket }>;
  close(): void;
}

/**
 * The connector's README ("Specifying IP Address Type", "Automatic IAM Database Authentication"): the
 * instance's private IP (Cloud SQL has no public one, terraform/database.tf) and automatic IAM database
 * authentication, so no password exists. The connector opens TLS 1.3 to the instance with an ephemeral
 * certificate checked against the instance's own CA, which is why no `sslmode` is set on the driver.
 */
export function connectorOptions(target: CloudSqlTarget): ConnectionOptions {
  return {
    instanceConnectionName: target.instanceConnectionName,
    ipType: 'PRIVATE' as ConnectionOptions['ipType'],
    authType: 'IAM' as ConnectionOptions['authType'],
  };
}

/** The SDK is loaded when the first connection is made, never at start (docs/decisions.md 37). */
const loadConnector = async (): Promise<SqlConnector> => {
  const { Connector } = await import('@google-cloud/cloud-sql-connector');
  return new Connector();
};

/** A pool whose every connection is a stream the connector opens to the instance; no password is sent. */
export function cloudSqlPool(
  target: CloudSqlTarget,
  max: number,
  newConnector: () => Promise<SqlConnector> = loadConnector,
): Db {
  let connector: SqlConnector | undefined;
  return createPreparedPool(
    { user: target.user, database: target.database, max },
    {
      async prepare() {
        connector ??= await newConnector();
        const { stream } = await connector.getOptions(connectorOptions(target));
        return { stream };
      },
      close: () => connector?.close(),
    },
  );
}
