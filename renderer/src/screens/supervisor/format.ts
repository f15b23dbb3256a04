/** How the supervisor screens write the hub's figures: Vietnamese decimals, "—" for nothing to measure. */
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

export const NONE = '—';

export const num = (n: number | null): string => (n === null ? NONE : decimal.format(n));
export const pct = (share: number | null): string => (share === null ? NONE : percent.format(share));
export const minutes = (n: number | null): string => (n === null ? NONE : `${decimal.format(n)} phút`);
