import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SURVEY_ELEMENTS } from '../../src/domain/survey/surveyElements.js';
import { renderHomePage } from '../../src/web/views/homePage.js';
import { STYLESHEET_FILE } from '../../src/web/views/layout.js';
import { renderNotFoundPage } from '../../src/web/views/notFoundPage.js';
import { renderStatisticsPage } from '../../src/web/views/statisticsPage.js';
import { renderTrackingPage } from '../../src/web/views/trackingPage.js';
import { renderVerificationPage } from '../../src/web/views/verificationPage.js';
import { type Language, webTexts } from '../../src/web/webLocale.js';
import { tableRows } from './htmlTable.js';
import { HOSTILE, homeView, office, statisticsView, trackedFile, verificationView } from './sampleViews.js';

const page = (path: string, language: Language) => ({ path, language });

/** Every page, in one language. */
function allPages(language: Language): Record<string, string> {
  return {
    home: renderHomePage(homeView(), page('/', language)),
    tracking: renderTrackingPage(
      {
        officeName: office.shortName,
        registrationNumber: 'REG-2026-000123',
        result: { kind: 'found', file: trackedFile() },
      },
      page('/lacak', language),
    ),
    statistics: renderStatisticsPage(statisticsView(), page('/statistik', language)),
    verification: renderVerificationPage(verificationView(), page('/verifikasi/x', language)),
    notFound: renderNotFoundPage(office.shortName, page('/nope', language)),
  };
}

describe('every public page', () => {
  it.each<Language>(['id', 'en'])(
    'is a whole document in %s, with one stylesheet and no script',
    (language) => {
      for (const [name, html] of Object.entries(allPages(language))) {
        expect(html, name).toMatch(new RegExp(`^<!doctype html><html lang="${language}">`));
        expect(html, name).toContain('<link rel="stylesheet" href="/assets/site.css"/>');
        expect(html, name).toContain('<meta name="viewport"');
        // A real tag with an event handler (escaped hostile text may still read "onerror=").
        expect(html, name).not.toMatch(/<script|javascript:|<[^>]+\son\w+=/i);
        expect(html, name).toContain('href="#content"');
        expect(html, name).not.toMatch(/\d{16}/);
      }
    },
  );

  it('share one small stylesheet', () => {
    expect(statSync(STYLESHEET_FILE).size).toBeLessThan(8 * 1024);
  });

  it('links to the other language and keeps the language in the menu', () => {
    const id = renderTrackingPage(
      { officeName: office.shortName, registrationNumber: '', result: { kind: 'none' } },
      page('/lacak', 'id'),
    );
    expect(id).toContain('href="/lacak?lang=en" lang="en" hreflang="en"');
    expect(id).toContain('<a href="/lacak" aria-current="page">Lacak permohonan</a>');
    const en = renderTrackingPage(
      { officeName: office.shortName, registrationNumber: '', result: { kind: 'none' } },
      page('/lacak', 'en'),
    );
    expect(en).toContain('href="/lacak" lang="id" hreflang="id"');
    expect(en).toContain('<a href="/statistik?lang=en">Statistics</a>');
    expect(en).toContain('action="/lacak?lang=en"');
  });

  it('escapes hostile text in content and attributes', () => {
    const pages = [
      renderTrackingPage(
        {
          officeName: office.shortName,
          registrationNumber: HOSTILE,
          result: { kind: 'found', file: trackedFile() },
        },
        page('/lacak', 'id'),
      ),
      renderStatisticsPage(statisticsView(), page('/statistik', 'id')),
      renderVerificationPage(
        verificationView({
          revocation: { at: new Date('2027-03-01T03:00:00Z'), reason: HOSTILE },
          token: HOSTILE,
        }),
        page('/verifikasi/x', 'id'),
      ),
      renderNotFoundPage(HOSTILE, page('/x', 'id')),
    ];
    for (const html of pages) {
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
    expect(pages[0]).toContain('value="&lt;script&gt;');
  });
});

describe('the home page', () => {
  it('publishes each service standard in Indonesian', () => {
    const html = renderHomePage(homeView(), page('/', 'id'));
    expect(html).toContain('Surat Izin Praktik Dokter');
    expect(html).toContain('Tidak dipungut biaya');
    expect(html).toContain('Jangka waktu penyelesaian: 5 hari kerja');
    expect(html).toContain('Jangka waktu penyelesaian: 13 hari kerja');
    expect(html).toContain('Rp 15.000 per m² per bulan, paling sedikit Rp 100.000');
    expect(html).toContain('Rp 12.000 per m² Total luas lantai bangunan (m²), paling sedikit Rp 250.000');
    expect(html).toContain('Tim teknis (DINKES)');
    expect(html).toContain('paling lama 14 hari kalender');
    expect(html).toContain('Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan');
    expect(html).toContain('fiktif positif');
    expect(html).toContain('href="https://t.me/PerizinanSerangBot"');
    expect(html).toContain('SP4N-LAPOR!');
    expect(html).toContain('Pas foto berwarna 4x6 <span class="tag">(wajib)</span>');
    expect(html).toContain('tanpa batas waktu');
  });

  it('publishes the same in English', () => {
    const html = renderHomePage(homeView(), page('/', 'en'));
    expect(html).toContain('Doctor&#39;s Practice Permit');
    expect(html).toContain('Free of charge');
    expect(html).toContain('Completion time: 5 working days');
    expect(html).toContain('IDR 15,000 per m² per month, at least IDR 100,000');
    expect(html).toContain('How to complain');
    expect(html).toContain('5 years');
  });

  it('says how to find the bot when its address is not known', () => {
    const html = renderHomePage({ ...homeView(), botUrl: null }, page('/', 'id'));
    expect(html).toContain('Ajukan lewat bot Telegram resmi kantor kami.');
  });
});

describe('the tracking page', () => {
  it('shows the status and the history, with notes and stage names', () => {
    const html = renderTrackingPage(
      {
        officeName: office.shortName,
        registrationNumber: 'REG-2026-000123',
        result: { kind: 'found', file: trackedFile() },
      },
      page('/lacak', 'id'),
    );
    expect(html).toContain('menunggu perbaikan dari pemohon');
    expect(html).toContain('20 November 2026 13.40 WIB');
    expect(html).toContain('Diminta perbaikan berkas · Pemeriksaan kelengkapan berkas');
    expect(html).toContain('Perubahan status');
    expect(html).toContain('<time datetime="2026-11-20T02:12:00.000Z">');
  });

  it('shows one sentence for a wrong pair and never writes the access code back', () => {
    const html = renderTrackingPage(
      { officeName: office.shortName, registrationNumber: 'REG-2026-000999', result: { kind: 'notFound' } },
      page('/lacak', 'en'),
    );
    expect(html).toContain('Nothing found. Check the registration number and the access code.');
    expect(html).not.toContain('Application status');
    expect(html).toMatch(/<input id="kode" name="kode" type="password" required="" autocomplete="off"\/>/);
    expect(html).toContain('method="post"');
  });
});

describe('the statistics page', () => {
  it('shows the figures per type and month and the chart', () => {
    const html = renderStatisticsPage(statisticsView(), page('/statistik', 'id'));
    expect(html).toContain(
      '<th scope="row">Okt 2026</th><td>41</td><td>38</td><td>92%</td><td>3,5</td><td>0,4</td><td>1</td>',
    );
    expect(html).toContain('Saat ini melewati batas waktu: 2 berkas');
    expect(html).toContain('Belum ada data.');
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('Diperbarui 30 November 2026 08.00 WIB');
    expect(html).toMatch(/<caption>Surat Izin Praktik Dokter [^<]*: berkas per bulan<\/caption>/);
  });

  it('shows the survey figures computed from known answers, in both languages', () => {
    const id = renderStatisticsPage(statisticsView(), page('/statistik', 'id'));
    expect(id).toContain('<th scope="col">Triwulan III 2026</th><th scope="col">Triwulan IV 2026</th>');
    const rows = tableRows(id, 'survei-sip-dokter');
    expect(rows.get('Responden')).toEqual(['2', '5']);
    // The fourth quarter: the means of the five known answers (KNOWN_SURVEY_ANSWERS), its IKM
    // 83.89 and grade B. The third, with two respondents, is under the floor of 5: counts only.
    const means = ['3,600', '3,000', '3,400', '4,000', '3,200', '3,400', '3,800', '2,400', '3,400'];
    expect(
      SURVEY_ELEMENTS.map((e) => rows.get(`${e.toUpperCase()} ${webTexts('id').t(`survey-element-${e}`)}`)),
    ).toEqual(means.map((mean) => ['–', mean]));
    expect(rows.get('Indeks Kepuasan Masyarakat (IKM)')).toEqual([
      'Tidak diumumkan: kurang dari 5 responden',
      '83,89',
    ]);
    expect(rows.get('Mutu pelayanan')).toEqual(['–', 'B (Baik)']);
    expect(id).toContain('triwulan dengan kurang dari 5 responden hanya ditampilkan jumlah respondennya');

    const en = renderStatisticsPage(statisticsView(), page('/statistik', 'en'));
    expect(en).toContain(
      '<caption id="survei-sip-dokter">Satisfaction survey: Doctor&#39;s Practice Permit (SIP-DOKTER)</caption>',
    );
    expect(en).toContain('<th scope="col">Q3 2026</th><th scope="col">Q4 2026</th>');
    const english = tableRows(en, 'survei-sip-dokter');
    expect(english.get('U8 Handling of complaints, suggestions and input')).toEqual(['–', '2.400']);
    expect(english.get('Satisfaction index (IKM)')).toEqual([
      'Not published: fewer than 5 respondents',
      '83.89',
    ]);
    expect(english.get('Service quality')).toEqual(['–', 'B (Good)']);
  });

  it('shows the complaints per month and category without any text of them', () => {
    const id = renderStatisticsPage(statisticsView(), page('/statistik', 'id'));
    expect(id).toContain('<caption>Pengaduan per bulan dan kategori</caption>');
    expect(id).toContain(
      '<th scope="row">Okt 2026</th><th scope="row">Pungutan liar atau permintaan uang</th><td>3</td><td>2</td><td>50%</td><td>26,5</td>',
    );
    expect(id).toContain(
      '<th scope="row">Nov 2026</th><th scope="row">Keterlambatan layanan</th><td>1</td><td>0</td><td>–</td><td>–</td>',
    );
    const en = renderStatisticsPage(statisticsView(), page('/statistik', 'en'));
    expect(en).toContain(
      '<th scope="row">Oct 2026</th><th scope="row">Illegal levy or request for money</th>',
    );
  });

  it('says so when there are no survey answers or complaints yet', () => {
    const html = renderStatisticsPage(
      { ...statisticsView(), survey: null, complaints: [] },
      page('/statistik', 'en'),
    );
    const survey = html.slice(html.indexOf('id="survei"'), html.indexOf('id="pengaduan"'));
    expect(survey).toContain('No data yet.');
    expect(html.slice(html.indexOf('id="pengaduan"'))).toContain('No data yet.');
    expect(html).not.toContain('<caption>Complaints per month');
  });
});

describe('the verification page', () => {
  it.each<[VerificationPageViewStatus, string, string]>([
    ['VALID', 'SAH', 'VALID'],
    ['REVOKED', 'DICABUT', 'REVOKED'],
    ['EXPIRED', 'KEDALUWARSA', 'EXPIRED'],
  ])('states %s in large words in both languages', (status, id, en) => {
    expect(renderVerificationPage(verificationView({ status }), page('/v', 'id'))).toContain(
      `<p id="status" class="verdict-word">${id}</p>`,
    );
    expect(renderVerificationPage(verificationView({ status }), page('/v', 'en'))).toContain(
      `<p id="status" class="verdict-word">${en}</p>`,
    );
  });

  it('shows the public facts, the fingerprint and the upload form', () => {
    const html = renderVerificationPage(verificationView(), page('/verifikasi/x', 'id'));
    expect(html).toContain('503/SIP-DOKTER/00042/DPMPTSP/2026');
    expect(html).toContain('dr. Siti N. A.');
    expect(html).toContain('30 November 2026');
    expect(html).toContain('5 tahun, sampai dengan 29 November 2031');
    expect(html).toContain('a'.repeat(64));
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('action="/verifikasi/q3Jb7xW0pVnE2rT9yK5mLs8dHfA4cZ1uGiO6eB"');
    expect(html).toContain('<label for="file">Berkas PDF</label><input id="file" name="file" type="file"');
  });

  it('shows the revocation and the outcome of an uploaded copy', () => {
    const revoked = renderVerificationPage(
      verificationView({
        status: 'REVOKED',
        revocation: { at: new Date('2027-03-01T03:00:00Z'), reason: 'Tempat praktik tidak sesuai' },
        check: { genuine: false, sha256: 'b'.repeat(64) },
      }),
      page('/verifikasi/x', 'en'),
    );
    expect(revoked).toContain('1 March 2027, 10:00 WIB');
    expect(revoked).toContain('Tempat praktik tidak sesuai');
    expect(revoked).toContain('NOT GENUINE');
    const genuine = renderVerificationPage(
      verificationView({ check: { genuine: true, sha256: 'a'.repeat(64) } }),
      page('/verifikasi/x', 'id'),
    );
    expect(genuine).toContain('ASLI: berkas ini sama persis');
  });
});

describe('the 404 page', () => {
  it('is the same whatever was asked', () => {
    expect(renderNotFoundPage(office.shortName, page('/verifikasi/x', 'id'))).toContain(
      'Halaman tidak ditemukan',
    );
    expect(renderNotFoundPage(office.shortName, page('/x', 'en'))).toContain('Page not found');
  });
});

type VerificationPageViewStatus = 'VALID' | 'REVOKED' | 'EXPIRED';
