/**
 * Who may call what. Staff roles are ranked (an admin may do what a supervisor may do, a
 * supervisor what an officer may do); devices are paired by an admin and hold a long-lived token
 * scoped to their kind, so a waiting-room TV never goes dark because a staff login expired.
 */
export const staffRoles = ['officer', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const deviceKinds = ['kiosk', 'display', 'rating'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export type Access =
  | { readonly public: true }
  | {
      /** Lowest staff role allowed; absent = no staff access. */
      readonly staff?: StaffRole;
      /** Device kinds allowed. */
      readonly devices?: readonly DeviceKind[];
      /** Allowed while the staff member still has to change a one-time password. */
      readonly duringPasswordChange?: true;
    };

export type Principal =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'staff';
      readonly staffId: string;
      readonly username: string;
      readonly role: StaffRole;
      readonly mustChangePassword: boolean;
      readonly canCallSpecific: boolean;
      readonly sessionId: string;
    }
  | {
      readonly kind: 'device';
      readonly deviceId: string;
      readonly deviceKind: DeviceKind;
      /** A rating tablet belongs to one counter; kiosks and displays to none. */
      readonly counterId: string | null;
    };

export function roleRank(role: StaffRole): number {
  return staffRoles.indexOf(role);
}
