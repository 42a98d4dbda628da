## Perizinan Online — teks bot Telegram (Bahasa Indonesia, bahasa utama).
## Teks biasa tanpa format Markdown. Setiap kunci harus ada juga di en.ftl (diuji).

## Sambutan, privasi, bahasa

welcome =
    Selamat datang, { $name }! Ini layanan perizinan online DPMPTSP Kabupaten Serang.
    Di sini Anda dapat mengajukan izin (/ajukan), memantau berkas (/cek, /permohonan) dan menerima kabar setiap ada perubahan.
    Pilih bahasa / Choose your language:
privacy-notice =
    🔒 Pemberitahuan pelindungan data pribadi (UU No. 27 Tahun 2022)
    Pengendali data: DPMPTSP Kabupaten Serang.
    Tujuan: memproses permohonan izin Anda dan memberi tahu perkembangannya.
    Data yang dikumpulkan: NIK, nama, nomor HP, isian formulir, dokumen yang Anda unggah, dan ID Telegram Anda.
    Dasar pemrosesan: persetujuan Anda dan pelaksanaan tugas pelayanan publik.
    Penyimpanan: selama berkas diproses dan selama masa retensi arsip menurut ketentuan. NIK selalu ditampilkan tersamar.
    Hak Anda: mengakses, memperbaiki, menarik persetujuan dan meminta penghapusan data sesuai ketentuan, melalui kantor DPMPTSP.
    Dengan menekan "Saya setuju", Anda menyetujui pemrosesan data tersebut untuk tujuan di atas.
privacy-already-given = Anda sudah menyetujui pemberitahuan ini pada { $at }.
button-consent-accept = ✅ Saya setuju
button-consent-decline = Tidak setuju
privacy-thanks = Terima kasih, persetujuan Anda tercatat. Ketik /ajukan untuk mulai mengajukan izin.
privacy-declined = Persetujuan tidak diberikan. Tanpa persetujuan kami tidak dapat memproses permohonan lewat bot ini; Anda tetap dapat datang ke loket DPMPTSP. Anda dapat berubah pikiran kapan saja dengan /start.
language-name-id = 🇮🇩 Bahasa Indonesia
language-name-en = 🇬🇧 English
language-choose = Pilih bahasa / Choose your language:
language-set = Bahasa diatur ke Bahasa Indonesia. Pemberitahuan juga akan dikirim dalam bahasa ini.

## Bantuan dan menu perintah

help-citizen =
    Perintah yang tersedia:
    /ajukan — ajukan permohonan izin (dipandu langkah demi langkah)
    /cek <nomor registrasi> [kode akses] — status berkas
    /permohonan — daftar permohonan Anda
    /batal <nomor registrasi> — cabut permohonan Anda
    /survei <nomor registrasi> — isi survei kepuasan setelah berkas selesai
    /pengaduan — sampaikan pengaduan (juga pungli, boleh tanpa identitas)
    /cekaduan <nomor tiket> <kode tiket> — ikuti pengaduan Anda: status, tenggat, jawaban
    /bahasa — ganti bahasa
    /keluar atau /cancel — hentikan percakapan yang sedang berjalan
    /start — sambutan dan pemberitahuan privasi
help-officer =
    Untuk petugas:
    /tugas — berkas yang menunggu keputusan Anda
    /setujui <nomor> [catatan] — setujui tahap ini
    /tolak <nomor> <alasan> — tolak berkas
    /perbaiki <nomor> <catatan> — minta perbaikan kepada pemohon
help-manager =
    Untuk atasan:
    /sla — berkas yang melewati atau mendekati tenggat di departemen Anda
command-start = Mulai dan pemberitahuan privasi
command-apply = Ajukan permohonan izin
command-status = Cek status berkas
command-mine = Daftar permohonan saya
command-withdraw = Cabut permohonan
command-survey = Isi survei kepuasan
command-complaint = Sampaikan pengaduan
command-complaintStatus = Ikuti pengaduan dengan nomor dan kode tiket
command-language = Ganti bahasa
command-help = Bantuan
command-cancel = Hentikan percakapan
command-inbox = Berkas yang menunggu keputusan saya
command-approve = Setujui berkas
command-reject = Tolak berkas
command-revise = Minta perbaikan
command-sla = Berkas terlambat dan berisiko
command-complaints = Pengaduan yang menunggu jawaban

## Umum

cancelled = Dibatalkan. Tidak ada yang dikirim. Ketik /bantuan untuk melihat perintah.
nothing-to-cancel = Tidak ada percakapan yang sedang berjalan.
conversation-busy = Masih ada percakapan yang belum selesai. Selesaikan dulu, atau ketik /keluar untuk menghentikannya.
error-generic = Maaf, terjadi gangguan. Silakan coba lagi sebentar lagi.
unknown-command = Perintah /{ $command } tidak dikenal. Ketik /bantuan untuk melihat perintah yang tersedia.
not-understood = Maaf, saya tidak mengerti pesan itu. Ketik /bantuan untuk melihat perintah yang tersedia.
button-stale = Tombol ini sudah tidak berlaku atau bukan untuk Anda. Silakan ulangi perintahnya.
button-inactive = Tombol ini sudah tidak aktif. Silakan ulangi perintahnya.
answer-too-long = Jawaban terlalu panjang: paling banyak { $max } karakter.
registration-number-invalid = Nomor registrasi tidak dikenali. Bentuknya seperti PBG-2026-000042.
file-not-found = Berkas dengan nomor itu tidak ditemukan untuk akun Anda. Periksa nomornya, atau tambahkan kode akses: /cek <nomor> <kode akses>.
deadline-none = belum ditentukan
label-optional = (tidak wajib)
list-more = … dan { $count } lainnya.
button-skip = Lewati

## Pengajuan

apply-consent-first = Sebelum mengajukan, mohon baca dan setujui pemberitahuan privasi berikut.
apply-choose-type = Pilih jenis izin yang ingin Anda ajukan:
apply-use-buttons = Silakan pilih dengan tombol di atas, atau ketik /keluar untuk berhenti.
apply-type-gone = Jenis izin itu tidak tersedia lagi. Ketik /ajukan untuk memilih lagi.
apply-type-chosen =
    Anda memilih: { $permitType }.
    Saya akan menanyakan { $fields } isian, lalu dokumen berikut:
    { $documents }
form-field-prompt = ({ $index }/{ $total }) { $label }:
form-field-choose = Pilih salah satu tombol, atau ketik pilihannya.
form-field-optional = Isian ini tidak wajib; tekan "Lewati" bila tidak ada.
form-cancel-hint = (Ketik /keluar untuk berhenti.)
form-field-text-expected = Mohon jawab dengan teks.
form-try-again = Silakan kirim lagi.
form-document-prompt = Dokumen { $index }/{ $total }: { $label }. Kirim sebagai foto atau berkas ({ $types }, paling besar { $maxSize }).
form-document-optional = Dokumen ini tidak wajib; tekan "Lewati" bila tidak ada.
form-document-expected = Mohon kirim { $label } sebagai foto atau berkas ({ $types }).
form-document-download-failed = Berkas tidak dapat diambil dari Telegram saat ini.
form-document-received = ✅ { $label } diterima.
apply-summary-title = Periksa kembali permohonan { $permitType }:
apply-summary-documents = Dokumen ({ $count }):
apply-summary-fee = Biaya: { $fee }
apply-summary-fee-later = Biaya dihitung saat permohonan diterima.
apply-summary-confirm = Jika sudah benar, tekan "Kirim permohonan".
button-submit = 📨 Kirim permohonan
button-cancel-application = Batalkan
apply-submitted =
    ✅ Permohonan terkirim.
    Nomor registrasi: { $registrationNumber }
    Kode akses: { $accessCode }
    Simpan kode akses ini: hanya ditampilkan sekali, dan diperlukan untuk melihat status tanpa akun Telegram ini. Jangan berikan kepada siapa pun.
    Anda akan diberi tahu setiap ada perubahan. Cek status: /cek { $registrationNumber }
apply-submitted-again = Permohonan ini sudah terkirim sebelumnya dengan nomor { $registrationNumber }. Kode akses hanya ditampilkan pada saat pertama.
apply-start-again = Ketik /ajukan untuk mengulang.
apply-submit-failed-retry = Permohonan belum dapat dikirim karena gangguan. Tekan "Kirim permohonan" lagi sebentar lagi; permohonan tidak akan terkirim dua kali.

## Status dan daftar

status-usage = Ketik /cek <nomor registrasi>, misalnya /cek PBG-2026-000042. Tanpa akun Telegram yang mengajukan, tambahkan kode akses: /cek <nomor> <kode akses>.
status-card =
    📄 { $registrationNumber } — { $permitType }
    Status: { $status }
    Tahap: { $stage }
    Tenggat: { $deadline }
status-paused = ⏸ Waktu layanan dihentikan sementara menunggu tanggapan pemohon.
status-permit-number = Nomor SK izin: { $permitNumber }
status-fee = Retribusi: { $amount }
status-history-title = Riwayat terakhir:
status-opened-by-title = Dibuka petugas:
status-opened-by = • { $role } { $department }: { $times }× (terakhir { $lastAt })
status-submitted = diterima
status-in-review = sedang diproses
status-awaiting-revision = menunggu perbaikan dari pemohon
status-awaiting-payment = menunggu pembayaran retribusi
status-issued = izin terbit
status-rejected = ditolak
status-withdrawn = dicabut oleh pemohon
status-expired = ditutup karena tidak ditanggapi
status-deemed-approved = dianggap dikabulkan (fiktif positif)
action-submitted = permohonan diterima
action-stage-approved = tahap disetujui
action-payment-requested = tagihan retribusi diterbitkan
action-paid = retribusi dibayar
action-issued = izin terbit
action-rejected = permohonan ditolak
action-revision-requested = perbaikan diminta
action-resubmitted = perbaikan dikirim
action-withdrawn = permohonan dicabut
action-expired = berkas kedaluwarsa
action-deemed-approved = dianggap dikabulkan
action-revoked = izin dicabut
action-sla-reminder = pengingat tenggat kepada petugas
action-sla-breached = tenggat terlewati, diteruskan ke atasan
action-sla-second-level = eskalasi tingkat kedua
mine-none = Anda belum punya permohonan lewat akun ini. Ketik /ajukan untuk mengajukan.
mine-title = Permohonan Anda:
mine-item =
    📄 { $registrationNumber } — { $permitType }
    Status: { $status }; tenggat: { $deadline }
mine-hint = Rincian berkas: /cek <nomor registrasi>

## Pencabutan

withdraw-usage = Ketik /batal <nomor registrasi> untuk mencabut permohonan Anda.
withdraw-already-closed = Berkas { $registrationNumber } sudah selesai; tidak dapat dicabut lagi.
withdraw-confirm = Cabut permohonan { $registrationNumber }? Berkas akan ditutup dan tidak diproses lagi.
button-withdraw-confirm = Ya, cabut permohonan
button-withdraw-keep = Tidak, lanjutkan proses
withdraw-done = Permohonan { $registrationNumber } telah dicabut.
withdraw-kept = Baik, permohonan { $registrationNumber } tetap diproses.

## Perbaikan oleh pemohon

button-send-corrections = ✏️ Kirim perbaikan
revision-not-awaited = Berkas { $registrationNumber } tidak sedang menunggu perbaikan.
revision-intro =
    Perbaikan untuk berkas { $registrationNumber }.
    Catatan petugas: { $note }
revision-menu = Pilih yang ingin diperbaiki, lalu tekan "Kirim perbaikan". Perubahan disiapkan: { $changes }.
revision-button-field = ✏️ { $label }
revision-button-document = 📎 { $label }
revision-button-send = 📨 Kirim perbaikan
revision-use-buttons = Silakan pilih dengan tombol, atau ketik /keluar untuk berhenti.
revision-nothing-yet = Belum ada yang diperbaiki. Pilih isian atau dokumen terlebih dahulu.
revision-sent = ✅ Perbaikan untuk { $registrationNumber } terkirim. Waktu layanan dilanjutkan dari sisa waktunya.

## Petugas

officer-only = Maaf, perintah ini hanya untuk petugas yang terdaftar. Jika Anda petugas, minta admin mendaftarkan akun Telegram Anda.
inbox-empty = Tidak ada berkas yang menunggu keputusan Anda. 👍
inbox-title = Berkas yang menunggu keputusan Anda: { $count } (tenggat terdekat lebih dulu).
inbox-item =
    📄 { $registrationNumber } — { $permitType }
    Tahap: { $stage }
    Tenggat: { $deadline } ({ $timeLeft })
button-approve = ✅ Setujui
button-revise = ✏️ Minta perbaikan
button-reject = ❌ Tolak
button-documents = 📎 Dokumen
approve-usage = Ketik /setujui <nomor registrasi> [catatan].
reject-usage = Ketik /tolak <nomor registrasi> <alasan>. Alasan wajib diisi agar pemohon tahu sebabnya.
revise-usage = Ketik /perbaiki <nomor registrasi> <catatan>. Catatan wajib diisi: sebutkan apa yang harus diperbaiki.
officer-ask-revise-note = Tulis catatan perbaikan untuk { $registrationNumber }: apa yang harus diperbaiki atau dilengkapi pemohon? (/keluar untuk batal)
officer-ask-reject-reason = Tulis alasan penolakan untuk { $registrationNumber }. Alasan ini dikirim kepada pemohon. (/keluar untuk batal)
officer-note-text-expected = Mohon tulis catatannya sebagai teks.
officer-note-empty = Catatan tidak boleh kosong.
decision-recorded = ✅ Keputusan tercatat. Berkas { $registrationNumber } kini { $status } (tahap: { $stage }).
documents-none = Berkas { $registrationNumber } tidak memiliki dokumen.
document-unavailable = { $caption }: salinan dokumen tidak tersedia di server ini.
time-none = tanpa tenggat
time-under-minute = kurang dari 1 menit
time-hours-minutes = { $hours } jam { $minutes } menit
time-left = sisa { $span }
time-late = terlambat { $span }

## Atasan

sla-breached-title = 🚨 Melewati tenggat ({ $count }):
sla-at-risk-title = ⚠️ Mendekati tenggat ({ $count }):
sla-item = • { $registrationNumber } — { $permitType }, tahap { $stage } ({ $role }): { $timeLeft }
sla-none = (tidak ada)

## Pemberitahuan

notify-submitted =
    📥 Permohonan { $permitType } Anda diterima dengan nomor { $registrationNumber }.
    Petugas sedang memeriksa kelengkapan berkas; tenggat pemeriksaan: { $deadline }.
    Anda akan diberi tahu setiap ada perubahan. Cek status: /cek { $registrationNumber }
notify-stage-assigned =
    📋 Berkas untuk Anda: { $registrationNumber } ({ $permitType }), tahap { $stage }.
    Tenggat: { $deadline }.
    Putuskan dengan tombol di bawah, atau lihat /tugas.
notify-stage-approved =
    ✅ Berkas { $registrationNumber } lolos tahap sebelumnya dan kini pada tahap { $stage }.
    Tenggat tahap ini: { $deadline }. Tidak ada yang perlu Anda lakukan sekarang.
notify-payment-requested =
    💳 Berkas { $registrationNumber } memenuhi syarat teknis. Terlampir Surat Ketetapan Retribusi Daerah (SKRD).
    Retribusi: { $amount }. Kode bayar: { $billingCode }. Jatuh tempo: { $deadline }.
    Bayar hanya dengan kode bayar ini melalui kanal pembayaran resmi, sejumlah tepat seperti di SKRD. Setelah pembayaran terkonfirmasi, berkas lanjut ke penandatanganan.
    Tidak ada biaya lain di luar retribusi ini: jangan membayar kepada perorangan atau ke rekening lain, dan laporkan setiap permintaan uang.
notify-payment-reminder =
    ⏰ Pengingat: retribusi berkas { $registrationNumber } sebesar { $amount } belum dibayar.
    Kode bayar: { $billingCode }. Jatuh tempo: { $deadline }; setelah itu permohonan berakhir.
    Bayar hanya dengan kode bayar ini melalui kanal pembayaran resmi. Tidak ada biaya lain di luar retribusi ini.
notify-paid =
    💰 Pembayaran retribusi untuk { $registrationNumber } sudah diterima.
    Tanda terima: { $amount }, kode bayar { $billingCode }, referensi pembayaran { $reference } (bukti pembayaran terlampir sebagai PDF).
    Berkas kini pada tahap { $stage }; tenggat: { $deadline }.
notify-issued =
    🎉 Izin Anda terbit. Nomor SK: { $permitNumber } (berkas { $registrationNumber }).
    Sesudah pesan ini Anda menerima undangan Survei Kepuasan Masyarakat: mohon luangkan dua menit untuk mengisinya.
notify-rejected =
    ❌ Permohonan { $registrationNumber } ditolak.
    Alasan: { $reason }
    Anda dapat mengajukan permohonan baru setelah persyaratan terpenuhi (/ajukan), atau menyampaikan keberatan ke DPMPTSP.
notify-revision-requested =
    ✏️ Petugas meminta perbaikan untuk berkas { $registrationNumber }.
    Catatan: { $note }
    Kirim perbaikan sebelum { $deadline } dengan tombol di bawah. Selama menunggu, waktu layanan dihentikan sementara dan dilanjutkan dari sisanya setelah perbaikan terkirim.
notify-resubmitted =
    📨 Perbaikan untuk { $registrationNumber } sudah diterima; waktu layanan dilanjutkan.
    Tenggat tahap ini: { $deadline }.
notify-resubmitted-to-officer =
    📨 Pemohon mengirim perbaikan untuk { $registrationNumber } ({ $permitType }).
    Tenggat: { $deadline }.
notify-withdrawn = ↩️ Permohonan { $registrationNumber } telah dicabut atas permintaan Anda. Berkas ditutup.
notify-access-code-reissued =
    🔑 Kode akses baru untuk permohonan { $registrationNumber } telah diterbitkan di loket pelayanan; kode yang lama tidak berlaku lagi. Jika Anda tidak memintanya, segera hubungi kantor DPMPTSP.
notify-expired =
    ⌛ Berkas { $registrationNumber } ditutup karena batas waktu tanggapan Anda terlewati.
    Anda dapat mengajukan permohonan baru dengan /ajukan.
notify-deemed-approved =
    ⚖️ Permohonan { $registrationNumber } dianggap dikabulkan (fiktif positif) karena keputusan tidak diberikan dalam batas waktu layanan.
    Nomor SK: { $permitNumber }.
notify-permit-document-attached =
    📄 Dokumen SK terlampir. Siapa pun dapat memeriksa keaslian dan status berlakunya dengan memindai kode QR pada dokumen.
notify-permit-revoked =
    ⛔ Izin Anda dengan nomor SK { $permitNumber } (berkas { $registrationNumber }) telah dicabut.
    Alasan: { $reason }
    Halaman verifikasi izin ini kini menyatakan DICABUT. Untuk keberatan, hubungi kantor DPMPTSP.
notify-sla-reminder =
    ⏰ Pengingat: berkas { $registrationNumber } ({ $permitType }), tahap { $stage }, jatuh tempo { $deadline }.
notify-sla-breach =
    🚨 Tenggat layanan terlewati: berkas { $registrationNumber } ({ $permitType }), tahap { $stage }, tenggat { $deadline }.
    Mohon ditindaklanjuti; lihat /sla.
notify-sla-second-level =
    🚨 Eskalasi tingkat kedua: berkas { $registrationNumber } ({ $permitType }), tahap { $stage }, belum diputus sejak tenggat { $deadline }.
notify-digest-header = 📋 { $count } pemberitahuan berkas untuk Anda:
notify-digest-stage-assigned = • { $registrationNumber }: berkas baru pada tahap { $stage }, tenggat { $deadline }
notify-digest-resubmitted-to-officer = • { $registrationNumber }: pemohon mengirim perbaikan, tenggat { $deadline }
notify-digest-sla-reminder = • { $registrationNumber }: ⏰ tahap { $stage } jatuh tempo { $deadline }
notify-digest-sla-breach = • { $registrationNumber }: 🚨 tenggat tahap { $stage } terlewati ({ $deadline })
notify-digest-sla-second-level = • { $registrationNumber }: 🚨 eskalasi tingkat kedua, tahap { $stage } belum diputus sejak { $deadline }
notify-digest-footer-officer = Putuskan lewat /tugas.
notify-digest-footer-manager = Mohon ditindaklanjuti; lihat /sla.
notify-generic = ℹ️ Ada kabar tentang berkas { $registrationNumber }. Cek status: /cek { $registrationNumber }
notify-survey-invitation =
    📝 Berkas { $registrationNumber } sudah selesai. Bantu kami memperbaiki layanan dengan mengisi Survei Kepuasan Masyarakat: 9 pertanyaan singkat, masing-masing dapat dilewati.
    Tekan tombol di bawah atau ketik /survei { $registrationNumber }. Nilai Anda hanya diumumkan sebagai angka gabungan tanpa nama; komentar hanya dibaca pimpinan kantor.
button-survey-start = 📝 Isi survei

## Survei Kepuasan Masyarakat (Permenpan RB No. 14 Tahun 2017)

survey-usage = Tulis nomor registrasi berkas yang sudah selesai, misalnya: /survei PBG-2026-000042
survey-already-answered = Survei untuk berkas { $registrationNumber } sudah diisi. Terima kasih atas penilaian Anda.
survey-file-open = Survei untuk berkas { $registrationNumber } dapat diisi setelah berkas selesai (terbit, ditolak, dicabut atau kedaluwarsa).
survey-intro =
    📝 Survei Kepuasan Masyarakat — berkas { $registrationNumber }
    { $total } pertanyaan; pilih nilai 1 (terendah) sampai 4 (tertinggi), atau Lewati. Jawaban tersimpan di percakapan ini sampai terkirim, jadi Anda dapat melanjutkannya nanti. Ketik /keluar untuk berhenti tanpa mengirim.
survey-step =
    ({ $index }/{ $total }) { $element }
    { $question }
survey-use-buttons = Pilih salah satu tombol nilai 1–4 pada pertanyaan di atas, atau Lewati.
survey-skipped = dilewati
survey-all-skipped = Semua pertanyaan dilewati, jadi survei tidak dikirim. Anda dapat mengisinya lagi dengan /survei { $registrationNumber }.
survey-ask-comment = Ada saran atau komentar untuk kami? Tulis dalam satu pesan (paling banyak { $max } karakter), atau tekan tombol di bawah untuk mengirim tanpa komentar. Komentar hanya dibaca pimpinan kantor, tidak diumumkan.
button-survey-no-comment = Kirim tanpa komentar
survey-comment-expected = Tulis komentar Anda sebagai pesan teks, atau tekan "Kirim tanpa komentar".
survey-thanks = 🙏 Terima kasih! Penilaian Anda untuk berkas { $registrationNumber } tercatat ({ $answered } dari { $total } unsur dinilai).
survey-element-u1 = Persyaratan
survey-question-u1 = Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?
survey-score-u1 = { $score ->
    [1] Tidak sesuai
    [2] Kurang sesuai
    [3] Sesuai
   *[4] Sangat sesuai
 }
survey-element-u2 = Sistem, mekanisme, dan prosedur
survey-question-u2 = Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?
survey-score-u2 = { $score ->
    [1] Tidak mudah
    [2] Kurang mudah
    [3] Mudah
   *[4] Sangat mudah
 }
survey-element-u3 = Waktu penyelesaian
survey-question-u3 = Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?
survey-score-u3 = { $score ->
    [1] Tidak cepat
    [2] Kurang cepat
    [3] Cepat
   *[4] Sangat cepat
 }
survey-element-u4 = Biaya/tarif
survey-question-u4 = Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?
survey-score-u4 = { $score ->
    [1] Sangat mahal
    [2] Cukup mahal
    [3] Murah
   *[4] Gratis
 }
survey-element-u5 = Produk spesifikasi jenis pelayanan
survey-question-u5 = Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?
survey-score-u5 = { $score ->
    [1] Tidak sesuai
    [2] Kurang sesuai
    [3] Sesuai
   *[4] Sangat sesuai
 }
survey-element-u6 = Kompetensi pelaksana
survey-question-u6 = Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?
survey-score-u6 = { $score ->
    [1] Tidak kompeten
    [2] Kurang kompeten
    [3] Kompeten
   *[4] Sangat kompeten
 }
survey-element-u7 = Perilaku pelaksana
survey-question-u7 = Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?
survey-score-u7 = { $score ->
    [1] Tidak sopan dan ramah
    [2] Kurang sopan dan ramah
    [3] Sopan dan ramah
   *[4] Sangat sopan dan ramah
 }
survey-element-u8 = Penanganan pengaduan, saran dan masukan
survey-question-u8 = Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?
survey-score-u8 = { $score ->
    [1] Tidak ada
    [2] Ada tetapi tidak berfungsi
    [3] Berfungsi kurang maksimal
   *[4] Dikelola dengan baik
 }
survey-element-u9 = Sarana dan prasarana
survey-question-u9 = Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?
survey-score-u9 = { $score ->
    [1] Buruk
    [2] Cukup
    [3] Baik
   *[4] Sangat baik
 }

## Pengaduan

complaint-category-delay = ⏳ Keterlambatan layanan
complaint-category-pungli = 💰 Pungutan liar / permintaan uang
complaint-category-conduct = 🙍 Perilaku petugas
complaint-category-decision = ⚖️ Keberatan atas keputusan
complaint-category-other = 📝 Lainnya
complaint-ask-category = Apa yang ingin Anda adukan? Pilih kategorinya. (Ketik /keluar untuk membatalkan.)
complaint-use-buttons = Pilih salah satu tombol pada pesan di atas.
complaint-ask-file = Apakah pengaduan ini tentang salah satu berkas Anda? Pilih berkasnya, atau adukan tanpa berkas dan tanpa identitas.
button-complaint-anonymous = Tanpa berkas (anonim)
complaint-ask-text = Tulis pengaduan Anda dalam satu pesan (paling banyak { $max } karakter). Pengaduan hanya dibaca pimpinan yang menanganinya.
complaint-text-expected = Tulis pengaduan Anda sebagai pesan teks.
complaint-filed =
    ✅ Pengaduan Anda tercatat dengan nomor tiket { $ticket }.
    Kode tiket: { $ticketCode } (simpan; hanya ditampilkan sekali). Jawaban pimpinan akan dikirim ke sini.
complaint-filed-anonymous =
    ✅ Pengaduan Anda tercatat dengan nomor tiket { $ticket }, tanpa identitas Anda.
    Kode tiket: { $ticketCode } (simpan; hanya ditampilkan sekali). Jawaban tidak dapat dikirim kepada pelapor tanpa identitas: ikuti dengan /cekaduan { $ticket } dan kode tiket ini.
complaint-anonymous = tanpa berkas (anonim)
complaint-ask-ticket = Ketik nomor tiket pengaduan Anda, misalnya ADU-2026-000001. (Ketik /keluar untuk membatalkan.)
complaint-ticket-invalid = Nomor tiket ditulis ADU-TAHUN-NOMOR, misalnya ADU-2026-000001. Periksa dan ketik lagi.
complaint-ask-ticket-code = Ketik kode tiket { $ticket } yang Anda terima saat mengadu. Pesan berisi kode akan langsung dihapus dari percakapan ini.
complaint-ticket-code-expected = Ketik kode tiket sebagai pesan teks.
complaint-card =
    🗣️ Pengaduan { $ticket } · { $category }
    Berkas: { $file }
    Status: { $status }
    Diajukan: { $filedAt }
    Tenggat jawaban: { $deadline }
complaint-card-no-answer = Belum ada jawaban dari pimpinan.
complaint-card-answer = 💬 Jawaban { $at }: { $note }
complaint-state-open = menunggu jawaban
complaint-state-answered = sudah dijawab
complaint-state-reopened = dibuka kembali, menunggu jawaban
complaint-state-closed = selesai
complaints-none = Tidak ada pengaduan yang menunggu jawaban di bidang Anda.
complaints-title = Pengaduan yang menunggu jawaban: { $count }
complaints-item =
    🗣️ { $ticket } · { $category }
    Berkas: { $file } · tenggat jawaban { $deadline }{ $escalated ->
        [yes] {" "}· ⚠️ sudah dieskalasi
       *[no] {""}
    }
button-complaint-answer = ✍️ Jawab pengaduan
complaint-text-for-manager =
    🗣️ Pengaduan { $ticket } · { $category } · berkas: { $file }
    { $text }
complaint-ask-answer = Tulis jawaban untuk pengaduan { $ticket } dalam satu pesan (paling banyak { $max } karakter). Jawaban dikirim ke pelapor.
complaint-answer-sent = ✅ Jawaban untuk pengaduan { $ticket } tercatat dan dikirim ke pelapor.
button-complaint-reopen = 🔁 Belum puas: buka kembali
complaint-reopened = 🔁 Pengaduan { $ticket } dibuka kembali; pimpinan akan menjawab lagi dalam batas waktu layanan.
complaint-reopen-ask-code = Untuk membuka kembali pengaduan { $ticket }, ketik kode tiketnya. Pesan berisi kode akan langsung dihapus dari percakapan ini.
notify-complaint-filed =
    🗣️ Pengaduan baru { $ticket } ({ $category }) untuk bidang Anda. Lihat dan jawab dengan tombol di bawah atau /aduan.
notify-complaint-pungli =
    🚨 Laporan pungutan liar { $ticket } masuk. Laporan ini diteruskan langsung kepada Anda sebagai pimpinan tingkat kedua.
notify-complaint-reminder =
    ⏰ Pengingat: pengaduan { $ticket } ({ $category }) belum dijawab; tenggat { $dueAt }.
notify-complaint-overdue =
    🚨 Eskalasi: pengaduan { $ticket } ({ $category }) tidak dijawab sampai tenggat { $dueAt }.
notify-complaint-reopened =
    🔁 Pelapor membuka kembali pengaduan { $ticket } ({ $category }). Mohon dijawab lagi.
notify-complaint-answered =
    💬 Jawaban atas pengaduan { $ticket }:
    { $note }
