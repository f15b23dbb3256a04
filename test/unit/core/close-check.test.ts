import { describe, expect, it } from 'vitest';
import { closeWarningText, servicesLeftAlone } from '../../../main/core/close-check';

const queue = [
  { serviceId: 'ht', name: 'Hộ tịch', waiting: 3 },
  { serviceId: 'dd', name: 'Đất đai', waiting: 2 },
  { serviceId: 'kd', name: 'Kinh doanh', waiting: 0 },
];

describe('closing a counter', () => {
  it('names the services it serves with people waiting that no other working counter serves', () => {
    const left = servicesLeftAlone({ ownServiceIds: ['ht', 'dd', 'kd'], otherWorkingServiceIds: [['ht']], queue });
    expect(left).toEqual([{ serviceId: 'dd', name: 'Đất đai', waiting: 2 }]);
    expect(closeWarningText(left)).toBe('Còn 2 người chờ dịch vụ Đất đai mà không quầy nào khác đang mở phục vụ. Nếu đóng quầy, những người này sẽ không được gọi.');
  });

  it('says nothing when every waiting service is served elsewhere or is not its own', () => {
    expect(servicesLeftAlone({ ownServiceIds: ['ht'], otherWorkingServiceIds: [['ht', 'dd']], queue })).toEqual([]);
    expect(servicesLeftAlone({ ownServiceIds: ['kd'], otherWorkingServiceIds: [], queue })).toEqual([]);
    expect(closeWarningText([])).toBeNull();
  });

  it('counts the tickets transferred to this very counter: only it calls them', () => {
    expect(closeWarningText([], 1)).toBe('Còn 1 số được chuyển riêng đến quầy này. Nếu đóng quầy, những người này sẽ không được gọi.');
    expect(closeWarningText([{ serviceId: 'dd', name: 'Đất đai', waiting: 2 }], 1)).toBe(
      'Còn 2 người chờ dịch vụ Đất đai mà không quầy nào khác đang mở phục vụ. Ngoài ra còn 1 số được chuyển riêng đến quầy này. Nếu đóng quầy, những người này sẽ không được gọi.',
    );
  });
});
