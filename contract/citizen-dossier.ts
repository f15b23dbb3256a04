import type { DossierStatus } from './dossier';

// In the contract: the hub's status page on the LAN and the province's public one (central/public/)
// must say the same thing of the same dossier.

/**
 * What the status page behind a receipt's QR says of a dossier, to the person holding the receipt:
 * what to do next, not the office's status name. The due time is the legal one on the receipt.
 */
export function citizenDossierView(status: DossierStatus): { headline: string; detail: string | null } {
  switch (status) {
    case 'received':
    case 'forwarded':
    case 'processing':
      return { headline: 'Hồ sơ đang được giải quyết', detail: 'Khi có kết quả, trang này báo "Đã có kết quả". Ông/Bà mang giấy tiếp nhận khi đến nhận.' };
    case 'supplement_requested':
      return { headline: 'Hồ sơ cần bổ sung giấy tờ', detail: 'Mời Ông/Bà xem văn bản yêu cầu bổ sung đã nhận, hoặc mang giấy tiếp nhận đến quầy để được hướng dẫn.' };
    case 'result_ready':
      return { headline: 'Đã có kết quả', detail: 'Mời Ông/Bà mang giấy tiếp nhận và giấy tờ tùy thân đến quầy trả kết quả.' };
    case 'returned':
      return { headline: 'Đã trả kết quả', detail: null };
    case 'refused':
      return { headline: 'Hồ sơ không được tiếp nhận', detail: 'Lý do đã ghi trong văn bản từ chối. Mời Ông/Bà liên hệ quầy nếu cần hướng dẫn.' };
    case 'withdrawn':
      return { headline: 'Hồ sơ đã dừng giải quyết', detail: 'Mời Ông/Bà liên hệ quầy nếu cần hướng dẫn.' };
  }
}

/**
 * A name as the status page may show it to whoever holds the receipt: the first letter of each
 * word ("Rơ Châm H'Bia" → "R* C*** H****"), enough for the holder to recognise, too little to learn.
 */
export function maskedName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => {
      const letters = [...w];
      return letters[0]! + '*'.repeat(letters.length - 1);
    })
    .join(' ');
}
