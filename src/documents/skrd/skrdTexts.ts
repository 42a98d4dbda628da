// The fixed wording of a levy assessment (SKRD): Indonesian, the legal language of the document,
// with English under the headings. It names one way to pay (the billing code, official
// channels) and says that nothing else is to be paid, so no one can point to it for another payment.

export const SKRD_TEXTS = {
  title: 'SURAT KETETAPAN RETRIBUSI DAERAH (SKRD)',
  titleEn: 'Regional levy assessment notice',
  intro: (office: string) =>
    `${office} menetapkan retribusi daerah atas permohonan perizinan berikut. Jumlah retribusi dihitung oleh sistem dari tarif yang berlaku; petugas tidak menetapkan atau mengubah jumlah ini.`,
  introEn: (office: string) =>
    `${office} assesses the regional levy below on this permit application. The amount is computed by the system from the tariff in force; no officer sets or changes it.`,
  basis: { id: 'Dasar pengenaan', en: 'Basis of the levy' },
  legalBasis: { id: 'Dasar hukum', en: 'Legal basis' },
  amount: { id: 'Jumlah retribusi', en: 'Amount due' },
  dueAt: { id: 'Jatuh tempo', en: 'Due' },
  howToPay: { id: 'Cara membayar', en: 'How to pay' },
  payOnly: [
    'Bayar hanya dengan kode bayar di atas melalui kanal pembayaran resmi Pemerintah Daerah (bank persepsi, kanal daring resmi, atau loket resmi). Jumlah yang dibayar harus sama persis dengan jumlah retribusi.',
    'Jangan membayar kepada perorangan atau ke rekening lain. Tidak ada biaya lain di luar retribusi ini; laporkan setiap permintaan uang (pungli) melalui kanal pengaduan.',
    'Bila tidak dibayar sampai jatuh tempo, permohonan berakhir (kedaluwarsa) dan harus diajukan kembali.',
  ],
  payOnlyEn:
    'Pay only with the billing code above through the official payment channels of the regional government, the exact amount. Do not pay any person or any other account; nothing else is to be paid. Report any request for money through the complaint channel. Unpaid by the due date, the application lapses.',
  issuedAt: (place: string) => `Ditetapkan di ${place}`,
  onDate: (date: string) => `pada tanggal ${date}`,
  electronicNote: 'Dokumen ini diterbitkan secara elektronik oleh sistem dan sah tanpa tanda tangan basah.',
  footer: (billingCode: string) =>
    `SKRD ini diterbitkan oleh sistem Perizinan Online. Kode bayar ${billingCode}: hanya untuk pembayaran retribusi ini melalui kanal resmi.`,
} as const;
