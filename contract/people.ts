import { z } from 'zod';
import { deviceKinds, staffRoles } from './access';
import { Id, IsoTime } from './queue';

export const StaffRole = z.enum(staffRoles);
export const DeviceKind = z.enum(deviceKinds);

export const StaffAccount = z.object({
  id: Id,
  username: z.string().regex(/^[a-z0-9._-]{3,32}$/, 'Tên đăng nhập: 3–32 ký tự a-z, 0-9, dấu chấm, gạch'),
  fullName: z.string().min(1).max(100),
  role: StaffRole,
  active: z.boolean(),
  /** Officers may call a specific ticket out of order only with this permission; it is audited. */
  canCallSpecific: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

export const Password = z.string().min(1).max(200);

export const LoginResult = z.object({
  token: z.string(),
  expiresAt: IsoTime,
  staff: StaffAccount,
});

export const Device = z.object({
  id: Id,
  kind: DeviceKind,
  name: z.string().min(1).max(80),
  counterId: Id.nullable(),
  pairedAt: IsoTime,
  lastSeenAt: IsoTime.nullable(),
  revokedAt: IsoTime.nullable(),
});
export type Device = z.infer<typeof Device>;

export const PairingCode = z.string().regex(/^\d{6}$/, 'Mã ghép nối gồm 6 chữ số');
