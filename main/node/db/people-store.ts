import type { DeviceKind, StaffRole } from '../../../contract/access';
import type { Device, StaffAccount } from '../../../contract/people';
import { SqlStore } from './sql-store';
import { isoOrNull } from '../../core/vn-time';

interface StaffRow {
  id: string; username: string; full_name: string; role: StaffRole; password_hash: string;
  must_change_password: number; can_call_specific: number; active: number; created_at: number;
}
interface DeviceRow {
  id: string; kind: DeviceKind; name: string; token_hash: string; counter_id: string | null;
  paired_at: number; last_seen_at: number | null; revoked_at: number | null;
}
export interface AuthSessionRow {
  id: string; staff_id: string; created_at: number; expires_at: number; last_seen_at: number; ended_at: number | null;
}
export interface PairingRow {
  code: string; kind: DeviceKind; name: string; counter_id: string | null; expires_at: number; used_at: number | null;
}


export const toStaffAccount = (r: StaffRow): StaffAccount => ({
  id: r.id, username: r.username, fullName: r.full_name, role: r.role, active: r.active === 1,
  canCallSpecific: r.can_call_specific === 1, mustChangePassword: r.must_change_password === 1,
});
const toDevice = (r: DeviceRow): Device => ({
  id: r.id, kind: r.kind, name: r.name, counterId: r.counter_id, pairedAt: isoOrNull(r.paired_at)!,
  lastSeenAt: isoOrNull(r.last_seen_at), revokedAt: isoOrNull(r.revoked_at),
});

/** Staff accounts, their login sessions, paired devices and pairing codes. */
export class PeopleStore extends SqlStore {

  staffByUsername(username: string): (StaffAccount & { passwordHash: string }) | null {
    const r = this.sql<[string], StaffRow>('SELECT * FROM staff WHERE username = ?').get(username);
    return r ? { ...toStaffAccount(r), passwordHash: r.password_hash } : null;
  }
  staffById(id: string): (StaffAccount & { passwordHash: string }) | null {
    const r = this.sql<[string], StaffRow>('SELECT * FROM staff WHERE id = ?').get(id);
    return r ? { ...toStaffAccount(r), passwordHash: r.password_hash } : null;
  }
  listStaff(): StaffAccount[] {
    return this.sql<[], StaffRow>('SELECT * FROM staff ORDER BY full_name').all().map(toStaffAccount);
  }
  insertStaff(s: StaffAccount, passwordHash: string, now: number): void {
    this
      .sql(
        `INSERT INTO staff (id, username, full_name, role, password_hash, must_change_password, can_call_specific, active, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.id, s.username, s.fullName, s.role, passwordHash, s.mustChangePassword ? 1 : 0, s.canCallSpecific ? 1 : 0, s.active ? 1 : 0, now);
  }
  updateStaff(s: Omit<StaffAccount, 'mustChangePassword'>): void {
    this
      .sql('UPDATE staff SET username = ?, full_name = ?, role = ?, can_call_specific = ?, active = ? WHERE id = ?')
      .run(s.username, s.fullName, s.role, s.canCallSpecific ? 1 : 0, s.active ? 1 : 0, s.id);
  }
  setPassword(staffId: string, passwordHash: string, mustChange: boolean): void {
    this.sql('UPDATE staff SET password_hash = ?, must_change_password = ? WHERE id = ?').run(passwordHash, mustChange ? 1 : 0, staffId);
  }
  countStaff(): number {
    return this.sql<[], { n: number }>('SELECT count(*) AS n FROM staff').get()!.n;
  }

  insertSession(row: AuthSessionRow & { token_hash: string; client: string }): void {
    this
      .sql(
        `INSERT INTO auth_sessions (id, token_hash, staff_id, created_at, expires_at, last_seen_at, client)
         VALUES (@id, @token_hash, @staff_id, @created_at, @expires_at, @last_seen_at, @client)`,
      )
      .run(row);
  }
  sessionByTokenHash(tokenHash: string): AuthSessionRow | null {
    return (
      this
        .sql<[string], AuthSessionRow>(
          'SELECT id, staff_id, created_at, expires_at, last_seen_at, ended_at FROM auth_sessions WHERE token_hash = ?',
        )
        .get(tokenHash) ?? null
    );
  }
  touchSession(id: string, now: number): void {
    this.sql('UPDATE auth_sessions SET last_seen_at = ? WHERE id = ?').run(now, id);
  }
  endSession(id: string, now: number): void {
    this.sql('UPDATE auth_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(now, id);
  }
  endSessionsOfStaff(staffId: string, now: number, exceptId: string | null): void {
    this
      .sql('UPDATE auth_sessions SET ended_at = ? WHERE staff_id = ? AND ended_at IS NULL AND id IS NOT ?')
      .run(now, staffId, exceptId);
  }

  insertPairingCode(p: PairingRow & { created_by: string; created_at: number }): void {
    this
      .sql(
        `INSERT INTO pairing_codes (code, kind, name, counter_id, created_by, created_at, expires_at)
         VALUES (@code, @kind, @name, @counter_id, @created_by, @created_at, @expires_at)
         ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name = excluded.name, counter_id = excluded.counter_id,
           created_by = excluded.created_by, created_at = excluded.created_at, expires_at = excluded.expires_at, used_at = NULL`,
      )
      .run(p);
  }
  pairingCode(code: string): PairingRow | null {
    return this.sql<[string], PairingRow>('SELECT code, kind, name, counter_id, expires_at, used_at FROM pairing_codes WHERE code = ?').get(code) ?? null;
  }
  usePairingCode(code: string, now: number): void {
    this.sql('UPDATE pairing_codes SET used_at = ? WHERE code = ?').run(now, code);
  }

  insertDevice(d: { id: string; kind: DeviceKind; name: string; token_hash: string; counter_id: string | null; paired_at: number; paired_by: string | null }): void {
    this
      .sql(
        `INSERT INTO devices (id, kind, name, token_hash, counter_id, paired_at, paired_by)
         VALUES (@id, @kind, @name, @token_hash, @counter_id, @paired_at, @paired_by)`,
      )
      .run(d);
  }
  deviceByTokenHash(tokenHash: string): Device | null {
    const r = this.sql<[string], DeviceRow>('SELECT * FROM devices WHERE token_hash = ?').get(tokenHash);
    return r ? toDevice(r) : null;
  }
  device(id: string): Device | null {
    const r = this.sql<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?').get(id);
    return r ? toDevice(r) : null;
  }
  listDevices(): Device[] {
    return this.sql<[], DeviceRow>('SELECT * FROM devices ORDER BY revoked_at IS NOT NULL, paired_at DESC').all().map(toDevice);
  }
  touchDevice(id: string, now: number): void {
    this.sql('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, id);
  }
  revokeDevice(id: string, now: number): void {
    this.sql('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
  }
}
