import { describe, expect, it } from 'vitest';
import type { Site } from '../../contract/queue';
import { paperIdentity, runsOnSampleData, SAMPLE_SIGNER, SAMPLE_TICKER, sampleFieldsLeft, sampleIdentity, stillSampleData, withoutSampleExtras } from '../../main/core/site-identity';
import { receiptSlipDocument, ticketDocument } from '../../main/node/print/layouts';

const site = (over: Partial<Site>): Site => ({ ...sampleIdentity, sampleData: true, ...over } as Site);

describe('the site identity on paper', () => {
  it('derives the letterhead, the dateline place and the authority of letters from the one identity', () => {
    expect(paperIdentity({ name: 'Bộ phận Một cửa xã Ia Dom', superiorBody: 'UBND xã Ia Dom', commune: 'Ia Dom', province: 'Gia Lai', sampleData: false })).toEqual({
      headerLines: ['UBND XÃ IA DOM', 'BỘ PHẬN MỘT CỬA XÃ IA DOM'], placeName: 'Ia Dom', authorityName: 'Ủy ban nhân dân xã Ia Dom',
    });
    // No superior body: the unit alone heads the paper and signs the letters; no commune: the province's name.
    expect(paperIdentity({ name: 'Trung tâm Phục vụ hành chính công tỉnh Gia Lai', superiorBody: ' ', commune: '', province: 'Gia Lai', sampleData: false })).toEqual({
      headerLines: ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH GIA LAI'], placeName: 'Gia Lai', authorityName: 'Trung tâm Phục vụ hành chính công tỉnh Gia Lai',
    });
    expect(paperIdentity({ ...sampleIdentity, sampleData: true }).headerLines).toEqual(['DỮ LIỆU MẪU', 'UBND XÃ MẪU', 'BỘ PHẬN MỘT CỬA XÃ MẪU']);
  });

  it('keeps sample mode while any of the sample name, superior body, commune or agency code is left', () => {
    const real = { name: 'Bộ phận Một cửa xã Ia Dom', superiorBody: 'UBND xã Ia Dom', commune: 'Ia Dom', agencyCode: '000.00.15.H21' };
    expect(sampleFieldsLeft({ ...real, agencyCode: sampleIdentity.agencyCode })).toEqual(['agencyCode']);
    expect(stillSampleData(site({}), site({ name: 'UBND xã Ia Dom' }))).toBe(true);
    expect(stillSampleData(site({}), site(real))).toBe(false);
    // A real site never goes back to sample mode: a sample value typed back is refused.
    expect(() => stillSampleData(site({ ...real, sampleData: false }), site({ ...real, commune: 'Xã Mẫu', sampleData: false }))).toThrow(/dữ liệu mẫu/);
    // The flag alone is not trusted: a hub from before the rule lost it on a rename.
    expect(runsOnSampleData({ ...real, superiorBody: 'UBND xã Mẫu', sampleData: false })).toBe(true);
    expect(runsOnSampleData({ ...real, sampleData: false })).toBe(false);
  });

  it("leaves sample mode without the sample's ticker and signer, keeping what the admin typed", () => {
    expect(withoutSampleExtras({ ticker: SAMPLE_TICKER }, { signerName: SAMPLE_SIGNER })).toEqual({ site: { ticker: '' }, dossiers: { signerName: '' } });
    expect(withoutSampleExtras({ ticker: 'Nghỉ trưa 11:30' }, { signerName: 'Rơ Châm H’Lan' })).toEqual({ site: { ticker: 'Nghỉ trưa 11:30' }, dossiers: { signerName: 'Rơ Châm H’Lan' } });
  });

  it('heads the ticket and the receipt slip with the mark in sample mode, and only then', () => {
    const ticket = { siteName: 'Bộ phận Một cửa xã Mẫu', displayCode: 'A001', serviceName: 'Hộ tịch', peopleAhead: 0, waitText: '', issuedAt: 0 };
    const lines = (doc: ReturnType<typeof ticketDocument>) => doc.flatMap((b) => (b.kind === 'line' ? [b.text] : []));
    expect(lines(ticketDocument({ ...ticket, sampleData: true })).slice(0, 2)).toEqual(['*** DỮ LIỆU MẪU ***', 'Bộ phận Một cửa xã Mẫu']);
    expect(lines(ticketDocument(ticket))[0]).toBe('Bộ phận Một cửa xã Mẫu');
    const slip = { siteName: 'X', dossierCode: '000.00.15.H21-261203-0001', applicantName: 'A', procedureName: 'P', receivedAt: 0, returnAt: 0, lookupCode: 'K7Q2M9', qrPayload: 'MC1' };
    expect(lines(receiptSlipDocument({ ...slip, sampleData: true }))[0]).toBe('*** DỮ LIỆU MẪU ***');
  });
});
