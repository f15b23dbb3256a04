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

/** The warning in words, or null when closing leaves nobody without a counter. */
export function closeWarningText(left: readonly ServiceLeftAlone[]): string | null {
  if (left.length === 0) return null;
  const parts = left.map((s) => `${s.waiting} người chờ dịch vụ ${s.name}`);
  return `Còn ${parts.join(', ')} mà không quầy nào khác đang mở phục vụ. Nếu đóng quầy, những người này sẽ không được gọi.`;
}
