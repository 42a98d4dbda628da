// The fixed wording of a payment receipt: Indonesian, the legal language of the document, with
// English under the headings. It confirms the one payment and that nothing more is due.

export const PAYMENT_RECEIPT_TEXTS = {
  title: 'BUKTI PEMBAYARAN RETRIBUSI DAERAH',
  titleEn: 'Receipt of regional levy payment',
  intro: (office: string) =>
    `${office} menerangkan bahwa retribusi daerah atas permohonan perizinan berikut telah diterima lunas melalui kanal pembayaran resmi. Tidak ada pembayaran lain yang terutang untuk permohonan ini.`,
  introEn: (office: string) =>
    `${office} confirms that the regional levy on the permit application below was received in full through an official payment channel. Nothing else is due on this application.`,
  amount: { id: 'Jumlah dibayar', en: 'Amount paid' },
  reference: { id: 'Referensi pembayaran', en: "Payment gateway's reference" },
  paidAt: { id: 'Waktu pembayaran', en: 'Paid at' },
  status: { id: 'Status', en: 'Status' },
  paid: 'LUNAS',
  issuedAt: (place: string) => `Diterbitkan di ${place}`,
  onDate: (date: string) => `pada tanggal ${date}`,
  electronicNote: 'Dokumen ini diterbitkan secara elektronik oleh sistem dan sah tanpa tanda tangan basah.',
  footer: (registrationNumber: string) =>
    `Bukti pembayaran ini diterbitkan oleh sistem Perizinan Online untuk permohonan ${registrationNumber}.`,
} as const;
