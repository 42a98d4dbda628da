import type { ContractChecker, Expectation } from './contractChecker.js';

/** What the complaint calls need of the contract test: its checker, a file and officer keys. */
export interface ComplaintContractContext {
  contract: ContractChecker;
  file: { registrationNumber: string; accessCode: string };
  keys: { manager: string; verifikator: string };
}

const refused = (status: number): Expectation => ({ status, invalidRequest: true });

/**
 * Every complaint operation through the contract checker: filed about a file and anonymously,
 * read with the ticket code, answered by a manager (and refused to others), reopened once.
 */
export async function exerciseComplaintOperations({ contract, file, keys }: ComplaintContractContext) {
  const GET = contract.checked.bind(contract, 'GET');
  const POST = contract.checked.bind(contract, 'POST');
  const complaints = '/api/v1/complaints';
  const about = {
    category: 'delay',
    text: 'Berkas belum diperiksa',
    registrationNumber: file.registrationNumber,
  };
  const filed = await contract.checked<{ ticket: string; ticketCode: string }>(
    'POST',
    complaints,
    { accessCode: file.accessCode, body: about },
    { status: 201 },
  );
  await POST(complaints, { body: about }, { status: 404 });
  await POST(complaints, { body: { category: 'pungli', text: '   ' } }, { status: 422 });
  await POST(complaints, { body: { category: 'bribe', text: 'x' } }, refused(400));
  await POST(complaints, { body: { category: 'pungli', text: 'Diminta uang di loket' } }, { status: 201 });

  const at = `${complaints}/${filed.body.ticket}`;
  const ticketCode = { accessCode: filed.body.ticketCode };
  await GET(at, ticketCode, { status: 200 });
  await GET(at, { accessCode: 'WRONGCODE1' }, { status: 404 });
  await GET(at, {}, refused(404));
  await POST(`${at}/reopen`, ticketCode, { status: 409 });
  await GET(complaints, { bearer: keys.manager }, { status: 200 });
  await GET(complaints, { bearer: keys.verifikator }, { status: 403 });
  await GET(complaints, {}, refused(401));
  const note = { body: { note: 'Sudah diperiksa hari ini' } };
  await POST(`${at}/response`, { ...note, bearer: keys.verifikator }, { status: 403 });
  await POST(`${complaints}/ADU-2000-000001/response`, { ...note, bearer: keys.manager }, { status: 404 });
  await POST(`${at}/response`, note, refused(401));
  await POST(`${at}/response`, { ...note, bearer: keys.manager }, { status: 200 });
  await POST(`${at}/response`, { ...note, bearer: keys.manager }, { status: 409 });
  await POST(`${at}/reopen`, { ...ticketCode, body: { reason: 'Belum berubah' } }, { status: 200 });
  await POST(`${at}/reopen`, ticketCode, { status: 409 });
}
