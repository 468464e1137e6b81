import { Group } from '@visx/group';
import { HeatmapRect } from '@visx/heatmap';
import { scaleLinear } from '@visx/scale';
import { shortBucketName } from './reportParams.ts';
import { signedFte } from './shortfall.ts';

export interface HeatmapRow {
  key: string;
  label: string;
  cells: readonly { bucket: string; shortfall: number }[];
}

interface ShortfallHeatmapProps {
  rows: readonly HeatmapRow[];
  buckets: readonly string[];
  /** Says what the picture shows; the table beside it gives the same numbers. */
  description: string;
}

// Labels are cut to fit beside the cells; the table gives every name in full.
const longestLabel = 38;
const labelCharWidth = 7.5;
const headerHeight = 28;
const cellWidth = 76;
const cellHeight = 34;
const surplusColour = '#e8f1f8';
const balancedColour = '#f0f4f5';
const shortfallColours = ['#fde0dd', '#d5281b'] as const;

/**
 * Skills (rows) × months (columns), each cell coloured by shortfall (demand − supply): the deeper the red,
 * the bigger the shortfall; pale blue is spare capacity. Every cell also prints its number.
 */
export function ShortfallHeatmap({ rows, buckets, description }: ShortfallHeatmapProps) {
  const worst = Math.max(0.1, ...rows.flatMap((row) => row.cells.map((cell) => cell.shortfall)));
  const shortfallScale = scaleLinear<string>({ domain: [0, worst], range: [...shortfallColours] });
  const colourOf = (shortfall: number) => (shortfall > 0.005 ? shortfallScale(shortfall) : shortfall < -0.005 ? surplusColour : balancedColour);
  const columns = buckets.map((bucket) => ({
    bucket,
    bins: rows.map((row) => ({ row, shortfall: row.cells.find((cell) => cell.bucket === bucket)?.shortfall ?? 0 })),
  }));
  const labelWidth = Math.max(120, Math.min(longestLabel, Math.max(...rows.map((row) => row.label.length))) * labelCharWidth + 16);
  const width = labelWidth + buckets.length * cellWidth;
  const height = headerHeight + rows.length * cellHeight;

  return (
    <figure className="app-heatmap">
      <svg width={width} height={height} role="img" aria-label={description} viewBox={`0 0 ${width} ${height}`}>
        {buckets.map((bucket, index) => (
          <text key={bucket} x={labelWidth + index * cellWidth + cellWidth / 2} y={18} textAnchor="middle" className="app-heatmap__axis">
            {shortBucketName(bucket)}
          </text>
        ))}
        {rows.map((row, index) => (
          <text key={row.key} x={labelWidth - 8} y={headerHeight + index * cellHeight + cellHeight / 2 + 5} textAnchor="end" className="app-heatmap__axis">
            {row.label.length > longestLabel ? `${row.label.slice(0, longestLabel - 1)}…` : row.label}
          </text>
        ))}
        <Group left={labelWidth} top={headerHeight}>
          <HeatmapRect
            data={columns}
            binWidth={cellWidth}
            binHeight={cellHeight}
            gap={2}
            xScale={(column) => column * cellWidth}
            yScale={(row) => row * cellHeight}
            bins={(column) => column.bins}
            count={(bin) => bin.shortfall}
          >
            {(heatmap) =>
              heatmap.flatMap((cells) =>
                cells.map((cell) => {
                  const shortfall = cell.bin.shortfall;
                  const dark = shortfall > worst / 2;
                  return (
                    <g key={`${cell.row}-${cell.column}`}>
                      <rect x={cell.x} y={cell.y} width={cell.width} height={cell.height} fill={colourOf(shortfall)} />
                      <text
                        x={cell.x + cell.width / 2}
                        y={cell.y + cell.height / 2 + 5}
                        textAnchor="middle"
                        className={dark ? 'app-heatmap__value app-heatmap__value--on-dark' : 'app-heatmap__value'}
                      >
                        {signedFte(shortfall)}
                      </text>
                    </g>
                  );
                }),
              )
            }
          </HeatmapRect>
        </Group>
      </svg>
      <figcaption className="nhsuk-body-s">
        Shortfall in FTE (demand − supply): <span className="app-heatmap__key app-heatmap__key--short">red, + short</span>{' '}
        <span className="app-heatmap__key app-heatmap__key--spare">blue, − spare</span>. The table below gives the same numbers.
      </figcaption>
    </figure>
  );
}
