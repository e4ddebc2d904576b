import { describe, expect, it } from 'vitest';
import {
  certificateExpiry,
  isCertificateValid,
  reEvaluationDeadline,
  reEvaluationSubmissionTiming,
  reEvaluationWindow,
} from './certificate';

describe('certificate validity, QĐ 26/2026/QĐ-TTg Điều 4 khoản 3 (36 tháng)', () => {
  it('expires on the corresponding day 36 months later', () => {
    expect(certificateExpiry('2026-06-15')).toBe('2029-06-15');
    expect(certificateExpiry('2024-02-29')).toBe('2027-02-28');
    expect(certificateExpiry('2026-08-31')).toBe('2029-08-31');
  });

  it('is valid from issue through expiry, not after', () => {
    expect(isCertificateValid('2026-06-15', '2026-06-15')).toBe(true);
    expect(isCertificateValid('2026-06-15', '2029-06-15')).toBe(true);
    expect(isCertificateValid('2026-06-15', '2029-06-16')).toBe(false);
    expect(isCertificateValid('2026-06-15', '2026-06-14')).toBe(false);
  });

  it('rejects malformed dates', () => {
    expect(() => certificateExpiry('2026-02-30')).toThrow(expect.objectContaining({ code: 'OCOP_DATE_INVALID' }));
    expect(() => certificateExpiry('15/06/2026')).toThrow(expect.objectContaining({ code: 'OCOP_DATE_INVALID' }));
  });
});

describe('re-evaluation, Điều 7 khoản 6 and Điều 12 khoản 3', () => {
  it('dossier window: from 180 to 120 days before expiry; late extension 180 days after', () => {
    expect(reEvaluationWindow('2029-06-15')).toEqual({
      expiresOn: '2029-06-15',
      opensOn: '2028-12-17',
      closesOn: '2029-02-15',
      lateExtensionUntil: '2029-12-12',
    });
  });

  it('classifies a submission date', () => {
    expect(reEvaluationSubmissionTiming('2029-06-15', '2028-12-16')).toBe('too_early');
    expect(reEvaluationSubmissionTiming('2029-06-15', '2028-12-17')).toBe('on_time');
    expect(reEvaluationSubmissionTiming('2029-06-15', '2029-02-15')).toBe('on_time');
    expect(reEvaluationSubmissionTiming('2029-06-15', '2029-02-16')).toBe('late');
  });

  it('the result is due within 45 days of the complete dossier', () => {
    expect(reEvaluationDeadline('2026-07-01')).toBe('2026-08-15');
  });
});
