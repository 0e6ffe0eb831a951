import { DataSource } from 'typeorm';
import { messagingEntities } from '../messaging.entities';
import { MessagingTables1763769600000 } from '../migrations/1763769600000-messaging-tables';

/** A data source with only the backbone's tables, migrated into `schema` (created if missing). */
export async function openMessagingDataSource(url: string, schema: string): Promise<DataSource> {
  const admin = new DataSource({ type: 'postgres', url });
  await admin.initialize();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await admin.destroy();
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    schema,
    entities: messagingEntities,
    migrations: [MessagingTables1763769600000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
