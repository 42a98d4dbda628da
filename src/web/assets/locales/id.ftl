## Perizinan Online — teks halaman web publik (Bahasa Indonesia, bahasa utama).
## Setiap kunci harus ada juga di en.ftl (diuji).

site-name = Perizinan Online
skip-to-content = Langsung ke isi halaman
nav-label = Menu utama
nav-services = Layanan
nav-tracking = Lacak permohonan
nav-statistics = Statistik
language-switch = English
language-switch-label = Read this page in English
footer-text = Layanan perizinan { $office }. Halaman ini dapat dibuka tanpa JavaScript.

## Beranda: standar pelayanan (Permenpan RB 15/2014)
home-title = Layanan perizinan
home-intro = Standar pelayanan setiap izin yang kami layani: persyaratan, prosedur, waktu, biaya, dasar hukum, cara mengajukan dan cara mengadu.
home-types-label = Jenis izin
standard-requirements = Persyaratan
standard-fields = Data yang diisi
standard-documents = Dokumen yang diunggah
standard-required = wajib
standard-optional = tidak wajib
standard-procedure = Prosedur dan pelaksana
standard-stage = Tahap
standard-actor = Pelaksana
standard-time = Waktu
standard-total = Jangka waktu penyelesaian: { $days } hari kerja
standard-total-note = Dihitung dari berkas lengkap sampai izin terbit, tanpa waktu pemohon memperbaiki berkas atau membayar.
standard-fee = Biaya / tarif
standard-legal-basis = Dasar hukum
standard-validity = Masa berlaku izin
standard-deemed = Bila keputusan tidak ditetapkan dalam jangka waktu tersebut, permohonan dianggap dikabulkan menurut hukum (fiktif positif).
standard-product = Produk layanan
standard-product-text = Surat izin elektronik (PDF) dengan kode QR untuk verifikasi keaslian.
working-days = { $days } hari kerja
calendar-days-payment = paling lama { $days } hari kalender (waktu pemohon membayar)
duration-time = { $duration }
fee-free = Tidak dipungut biaya
fee-fixed = { $amount }
fee-per-m2 = { $rate } per m² { $field }, paling sedikit { $minimum }
fee-per-m2-duration = { $rate } per m² per { $unit }, paling sedikit { $minimum }
fee-unit-month = bulan
fee-unit-year = tahun
actor-applicant = Pemohon
actor-role = { $role } ({ $department })
how-to-apply = Cara mengajukan
apply-bot = Ajukan lewat bot Telegram:
apply-bot-missing = Ajukan lewat bot Telegram resmi kantor kami.
apply-counter = Atau datang ke loket:
how-to-complain = Cara menyampaikan pengaduan

## Lacak permohonan
tracking-title = Lacak permohonan
tracking-intro = Masukkan nomor registrasi dan kode akses yang Anda terima saat mengajukan.
tracking-number = Nomor registrasi
tracking-number-hint = Contoh: REG-2026-000123
tracking-code = Kode akses
tracking-submit = Lihat status
tracking-not-found = Data tidak ditemukan. Periksa kembali nomor registrasi dan kode akses Anda.
tracking-result = Status permohonan
tracking-permit-type = Jenis izin
tracking-status = Status
tracking-submitted-at = Diajukan
tracking-stage = Tahap saat ini
tracking-deadline = Batas waktu tahap ini
tracking-permit-number = Nomor izin
tracking-history = Riwayat
tracking-history-empty = Belum ada riwayat.

## Riwayat berkas
event-submitted = Permohonan diterima
event-stage_approved = Tahap disetujui
event-payment_requested = Tagihan retribusi diterbitkan
event-issued = Izin terbit
event-rejected = Permohonan ditolak
event-revision_requested = Diminta perbaikan berkas
event-resubmitted = Berkas perbaikan dikirim
event-withdrawn = Permohonan dicabut oleh pemohon
event-paid = Retribusi dibayar
event-expired = Permohonan kedaluwarsa
event-deemed_approved = Dianggap dikabulkan (fiktif positif)
event-revoked = Izin dicabut
event-other = Perubahan status

## Statistik
statistics-title = Statistik pelayanan
statistics-intro = Kinerja pelayanan per jenis izin dan per bulan. Tanpa data pribadi. Diperbarui { $at }.
statistics-chart-title = Persentase berkas diputus tepat waktu, 12 bulan terakhir
statistics-chart-desc = Grafik batang: persentase berkas yang diputus dalam batas waktu layanan per bulan.
statistics-month = Bulan
statistics-received = Diterima
statistics-decided = Diputus
statistics-on-time = Tepat waktu
statistics-median = Median hari kerja
statistics-pauses = Jeda per berkas
statistics-deemed = Fiktif positif
statistics-past-deadline = Saat ini melewati batas waktu: { $count } berkas
statistics-empty = Belum ada data.
statistics-table-caption = { $type }: berkas per bulan

## Survei kepuasan
survey-title = Survei Kepuasan Masyarakat (SKM)
survey-intro = Penilaian pemohon setelah berkasnya selesai, per jenis izin dan triwulan (Permenpan RB 14/2017). Setiap unsur dinilai 1 sampai 4; rata-ratanya adalah NRR. IKM adalah 25 × rata-rata NRR seluruh unsur: A Sangat Baik 88,31–100, B Baik 76,61–88,30, C Kurang Baik 65,00–76,60, D Tidak Baik 25,00–64,99. Tidak ada jawaban atau responden yang ditampilkan.
survey-floor = Agar tidak ada angka yang menunjukkan jawaban seseorang, triwulan dengan kurang dari { $minimum } responden hanya ditampilkan jumlah respondennya, dan unsur yang dinilai kurang dari { $minimum } responden tidak ditampilkan rata-ratanya serta tidak dihitung dalam IKM.
survey-withheld = Tidak diumumkan: kurang dari { $minimum } responden
survey-table-caption = Survei kepuasan: { $type } ({ $code })
survey-element = Unsur
survey-respondents = Responden
survey-ikm = Indeks Kepuasan Masyarakat (IKM)
survey-grade = Mutu pelayanan
survey-grade-A = Sangat Baik
survey-grade-B = Baik
survey-grade-C = Kurang Baik
survey-grade-D = Tidak Baik
survey-element-u1 = Persyaratan
survey-element-u2 = Sistem, mekanisme, dan prosedur
survey-element-u3 = Waktu penyelesaian
survey-element-u4 = Biaya/tarif
survey-element-u5 = Produk spesifikasi jenis pelayanan
survey-element-u6 = Kompetensi pelaksana
survey-element-u7 = Perilaku pelaksana
survey-element-u8 = Penanganan pengaduan, saran dan masukan
survey-element-u9 = Sarana dan prasarana

## Pengaduan
complaints-title = Pengaduan
complaints-intro = Pengaduan yang diterima per bulan dan kategori, berapa yang sudah dijawab, bagian yang dijawab dalam batas waktu dari yang sudah dijawab, dan median waktu sampai jawaban pertama. Isi pengaduan dan identitas pelapor tidak ditampilkan.
complaints-table-caption = Pengaduan per bulan dan kategori
complaints-category = Kategori
complaints-received = Diterima
complaints-answered = Dijawab
complaints-on-time = Dijawab tepat waktu
complaints-median-hours = Median jam sampai dijawab
complaint-category-delay = Keterlambatan layanan
complaint-category-pungli = Pungutan liar atau permintaan uang
complaint-category-conduct = Perilaku petugas
complaint-category-decision = Keberatan atas keputusan
complaint-category-other = Lainnya

## Verifikasi
verify-title = Verifikasi izin
verify-status-VALID = SAH
verify-status-REVOKED = DICABUT
verify-status-EXPIRED = KEDALUWARSA
verify-status-text-VALID = Izin ini sah dan berlaku.
verify-status-text-REVOKED = Izin ini telah dicabut dan tidak berlaku lagi.
verify-status-text-EXPIRED = Masa berlaku izin ini telah berakhir.
verify-permit-number = Nomor izin
verify-permit-type = Jenis izin
verify-holder = Pemegang izin
verify-issued-at = Tanggal terbit
verify-validity = Masa berlaku
verify-office = Diterbitkan oleh
verify-revoked-at = Dicabut pada
verify-revoked-reason = Alasan pencabutan
verify-sha256 = Sidik jari SHA-256 dokumen asli
verify-check-title = Periksa salinan dokumen
verify-check-intro = Unggah berkas PDF yang Anda terima untuk memeriksa apakah sama persis dengan dokumen asli.
verify-file = Berkas PDF
verify-check-submit = Periksa dokumen
verify-genuine = ASLI: berkas ini sama persis dengan dokumen izin yang diterbitkan.
verify-not-genuine = TIDAK ASLI: berkas ini berbeda dengan dokumen izin yang diterbitkan. Jangan mengandalkan isinya.
verify-uploaded-sha256 = SHA-256 berkas yang diunggah


## Gangguan
error-rate-limited-title = Terlalu banyak permintaan
error-rate-limited-text = Terlalu banyak permintaan atau percobaan yang gagal dari alamat Anda. Tunggu beberapa menit, lalu coba lagi.
error-unavailable-title = Layanan sedang terganggu
error-unavailable-text = Halaman ini tidak dapat ditampilkan saat ini. Coba lagi beberapa saat lagi, atau hubungi loket kami.

## Tidak ditemukan
not-found-title = Halaman tidak ditemukan
not-found-text = Alamat ini tidak ada atau tidak dapat ditampilkan.
not-found-home = Kembali ke beranda

## Peran petugas
role-verifikator = Verifikator
role-tim_teknis = Tim teknis
role-kepala = Kepala dinas
role-kepala_kantor = Kepala kantor
