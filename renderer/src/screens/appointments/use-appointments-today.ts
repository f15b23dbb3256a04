import { useHub } from '../../hub/session';
import { useData, type Data } from '../../hub/use-data';
import type { OpOutput } from '../../../../contract/ops';

export type AppointmentsToday = OpOutput<'appointments.today'>;

/** Today's bookings as the hub counts them, read again on every `appointments` hint (and `queue`: a check-in issues a number). */
export function useAppointmentsToday(): Data<AppointmentsToday> {
  const { client, changes } = useHub();
  return useData(() => client['appointments.today']({}), ['appointments', 'queue'], changes);
}

