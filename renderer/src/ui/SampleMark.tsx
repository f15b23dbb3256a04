/**
 * Beside the unit's name on the screens citizens see (kiosk, TV) while the site runs on sample
 * data, as on every paper: nobody should take the sample unit's queue for a real one.
 */
export function SampleMark() {
  return <span className="sample-mark">DỮ LIỆU MẪU</span>;
}
