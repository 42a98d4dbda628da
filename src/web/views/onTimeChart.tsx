// A bar chart of the share of files decided on time per month, drawn on the server as inline
// SVG: no script, sharp on any screen, readable by screen readers through its title and
// description (the page's table carries the same figures).

import { formatShortMonth } from '../../domain/calendar/longDate.js';
import type { Language } from '../webLocale.js';
import type { OnTimePoint } from './viewModels.js';
import { formatShare } from './webFormat.js';

const WIDTH = 640;
const HEIGHT = 260;
const PLOT = { left: 44, right: 12, top: 24, bottom: 40 };
const PLOT_WIDTH = WIDTH - PLOT.left - PLOT.right;
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;

export interface OnTimeChartProps {
  points: readonly OnTimePoint[];
  language: Language;
  title: string;
  description: string;
}

/** y of a share (0–1) inside the plot, 100% at the top. */
const yOf = (share: number): number => PLOT.top + PLOT_HEIGHT * (1 - share);

export function OnTimeChart({ points, language, title, description }: OnTimeChartProps) {
  const slot = PLOT_WIDTH / Math.max(points.length, 1);
  const barWidth = Math.min(36, slot * 0.6);
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="chart-title chart-desc"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="chart-title">{title}</title>
      <desc id="chart-desc">{description}</desc>
      {[0, 0.5, 1].map((share) => (
        <g class="grid">
          <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={yOf(share)} y2={yOf(share)} />
          <text x={PLOT.left - 6} y={yOf(share) + 4} text-anchor="end">
            {formatShare(share)}
          </text>
        </g>
      ))}
      {points.map((point, index) => {
        const center = PLOT.left + slot * (index + 0.5);
        const share = point.share === null ? null : Math.min(1, Math.max(0, point.share));
        return (
          <g class="month">
            {share === null ? null : (
              <rect
                class="bar"
                x={(center - barWidth / 2).toFixed(1)}
                y={yOf(share).toFixed(1)}
                width={barWidth.toFixed(1)}
                height={(PLOT_HEIGHT * share).toFixed(1)}
              />
            )}
            <text
              class="value"
              x={center.toFixed(1)}
              y={(yOf(share ?? 0) - 6).toFixed(1)}
              text-anchor="middle"
            >
              {formatShare(share)}
            </text>
            <text class="label" x={center.toFixed(1)} y={HEIGHT - PLOT.bottom + 16} text-anchor="middle">
              {formatShortMonth(point.month, language).split(' ')[0]}
            </text>
            <text class="year" x={center.toFixed(1)} y={HEIGHT - PLOT.bottom + 30} text-anchor="middle">
              {point.month.slice(0, 4)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The chart alone, as SVG markup. */
export function renderOnTimeChartSvg(props: OnTimeChartProps): string {
  return (<OnTimeChart {...props} />).toString();
}
