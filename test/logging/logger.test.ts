import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';

function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

test('form data and NIK fields are redacted wherever they appear in a log line', () => {
  const out = captured();
  const logger = createLogger('info', {}, out.stream);
  const formData = { applicantNik: '3604015708900001', fullName: 'Siti Rahmawati' };
  logger.info({ formData }, 'top level');
  logger.info({ request: { formData, applicantNik: '3604015708900001' } }, 'nested');
  logger.info({ body: { changes: { changedFields: { applicantNik: '3604015708900001' } } } }, 'deeper');
  logger.info({ applicantNik: '3604015708900001', nik: '3604015708900001' }, 'by name');
  expect(out.text()).not.toContain('3604015708900001');
  expect(out.text()).not.toContain('Siti Rahmawati');
  expect(out.text().match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(6);
});
