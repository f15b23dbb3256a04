import type { Principal } from '../../../contract/access';
import { SqlStore } from './sql-store';

export interface Actor {
  readonly kind: 'staff' | 'device' | 'system' | 'anonymous';
  readonly id: string | null;
}

export function actorOf(p: Principal): Actor {
  return p.kind === 'staff' ? { kind: 'staff', id: p.staffId } : p.kind === 'device' ? { kind: 'device', id: p.deviceId } : { kind: 'anonymous', id: null };
}

/** Who did what, when: append-only (a trigger refuses updates). */
export class AuditStore extends SqlStore {

  record(actor: Actor, action: string, target: { type: string; id: string } | null, details: unknown, now: number): void {
    this
      .sql('INSERT INTO audit_log (at, actor_kind, actor_id, action, target_type, target_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(now, actor.kind, actor.id, action, target?.type ?? null, target?.id ?? null, JSON.stringify(details ?? {}));
  }
}
