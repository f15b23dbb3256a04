import { HubError } from '../../../contract/errors';
import type { Site } from '../../../contract/queue';
import { runsOnSampleData } from '../../core/site-identity';
import { SqlStore } from './sql-store';

/** Site-wide settings as JSON values by key. */
export class SiteStore extends SqlStore {

  get<T>(key: string): T | null {
    const row = this.sql<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
    return row ? (JSON.parse(row.value) as T) : null;
  }

  set(key: string, value: unknown): void {
    this
      .sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  site(): Site {
    const site = this.get<Site>('site');
    // First start until the admin completes the setup wizard (or chooses the sample data).
    if (!site) throw new HubError('SETUP_NEEDED');
    return { ...site, sampleData: runsOnSampleData(site) };
  }
}
