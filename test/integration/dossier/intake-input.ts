import { randomUUID } from 'node:crypto';
import type { IntakeInput } from '../../../contract/dossier';

const KHAI_SINH = '1.001193.000.00.00.H21';

/** A complete intake of the sample "Đăng ký khai sinh", with any field replaced. */
export function intake(over: Partial<IntakeInput> = {}): IntakeInput {
  return {
    requestId: randomUUID(),
    procedureCode: KHAI_SINH,
    applicant: { kind: 'person', fullName: 'Nguyễn Thị Hường', idNumber: '064190012345', dateOfBirth: '1990-08-15', address: 'Thôn 3, xã Ia Grai, tỉnh Gia Lai', phone: '0912 345 678', email: '' },
    documents: [{ index: 0, count: 1 }, { index: 1, count: 1 }, { index: 2, count: 1 }],
    sets: 1,
    channel: 'direct',
    returnMethod: 'desk',
    deliveryAddress: '',
    ticketId: null,
    note: '',
    dueOverride: null,
    ...over,
  };
}

