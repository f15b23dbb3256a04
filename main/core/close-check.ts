/** A service whose waiting citizens no counter would serve once this one closes. */
export interface ServiceLeftAlone {
  readonly serviceId: string;
  readonly name: string;
  readonly waiting: number;
}

/**
 * What closing this counter leaves behind: services it serves, with people waiting, that no other
 * counter open and working (not paused) serves. The officer is warned, not stopped: the end of the
 * day, an emergency or a colleague about to open are the officer's to judge.
 */
export function servicesLeftAlone(input: {
  readonly ownServiceIds: readonly string[];
  readonly otherWorkingServiceIds: readonly (readonly string[])[];
  readonly queue: readonly { readonly serviceId: string; readonly name: string; readonly waiting: number }[];
}): ServiceLeftAlone[] {
  const coveredElsewhere = new Set(input.otherWorkingServiceIds.flat());
  return input.queue
    .filter((q) => q.waiting > 0 && input.ownServiceIds.includes(q.serviceId) && !coveredElsewhere.has(q.serviceId))
    .map((q) => ({ serviceId: q.serviceId, name: q.name, waiting: q.waiting }));
}

/**
 * The warning in words, or null when closing leaves nobody without a counter. `reservedHere`:
 * tickets transferred to this very counter, which only it calls whatever else is open.
 */
export function closeWarningText(left: readonly ServiceLeftAlone[], reservedHere = 0): string | null {
  const parts = left.map((s) => `${s.waiting} người chờ dịch vụ ${s.name}`);
  const alone = parts.length > 0 ? `Còn ${parts.join(', ')} mà không quầy nào khác đang mở phục vụ.` : null;
  const reserved = reservedHere > 0 ? `${alone ? 'Ngoài ra còn' : 'Còn'} ${reservedHere} số được chuyển riêng đến quầy này.` : null;
  if (alone === null && reserved === null) return null;
  return `${[alone, reserved].filter((x) => x !== null).join(' ')} Nếu đóng quầy, những người này sẽ không được gọi.`;
}
