import { describe, expect, it } from 'vitest';
import { renderOnTimeChartSvg } from '../../src/web/views/onTimeChart.js';

const points = [
  { month: '2026-09', share: 1 },
  { month: '2026-10', share: 0.5 },
  { month: '2026-11', share: null },
];

describe('the on-time chart', () => {
  const svg = renderOnTimeChartSvg({ points, language: 'id', title: 'Tepat <waktu>', description: 'Grafik' });

  it('is an SVG image with a title and a description for screen readers', () => {
    expect(svg).toMatch(
      /^<svg class="chart" viewBox="0 0 640 260" role="img" aria-labelledby="chart-title chart-desc"/,
    );
    expect(svg).toContain('<title id="chart-title">Tepat &lt;waktu&gt;</title>');
    expect(svg).toContain('<desc id="chart-desc">Grafik</desc>');
  });

  it('draws one bar per month with decisions, its height proportional to the share', () => {
    const heights = [...svg.matchAll(/<rect class="bar"[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([196, 98]);
  });

  it('labels each month and its value, with a dash for a month without decisions', () => {
    const values = [...svg.matchAll(/<text class="value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(values).toEqual(['100%', '50%', '–']);
    const labels = [...svg.matchAll(/<text class="label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['Sep', 'Okt', 'Nov']);
  });

  it('keeps shares outside 0–1 inside the plot', () => {
    const clamped = renderOnTimeChartSvg({
      points: [{ month: '2026-01', share: 1.7 }],
      language: 'en',
      title: 't',
      description: 'd',
    });
    expect(clamped).toMatch(/<rect class="bar"[^>]* y="24\.0"[^>]* height="196\.0"/);
  });

  it('draws an empty plot without months', () => {
    const empty = renderOnTimeChartSvg({ points: [], language: 'en', title: 't', description: 'd' });
    expect(empty).not.toContain('<rect');
    expect(empty).toContain('0%');
  });
});
