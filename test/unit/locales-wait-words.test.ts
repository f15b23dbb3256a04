import { describe, expect, it } from 'vitest';
import { waitWords as waitText } from '../../contract/locales/wait-words';

describe('the wait in the kiosk’s language', () => {
  it('shows the hub’s Vietnamese as it is', () => {
    expect(waitText('vi', { kind: 'noCounter', opensAt: null, text: 'Chưa có quầy nào đang mở cho dịch vụ này.' })).toBe('Chưa có quầy nào đang mở cho dịch vụ này.');
  });

  it('rebuilds the English from the estimate’s parts: a range, or no counter open and when one is expected', () => {
    expect(waitText('en', { kind: 'range', minMinutes: 15, maxMinutes: 20, text: 'khoảng 15–20 phút' })).toBe('about 15–20 minutes');
    expect(waitText('en', { kind: 'noCounter', opensAt: null, text: '' })).toBe('No counter is open for this service yet.');
    expect(waitText('en', { kind: 'noCounter', opensAt: '13:30', text: '' })).toBe('No counter is open for this service yet. Counters are expected to open at 13:30.');
  });
});
