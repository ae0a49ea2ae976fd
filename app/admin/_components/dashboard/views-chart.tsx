// Views over time, drawn on the server as SVG (no client JavaScript). d3-scale and d3-shape only
// compute: the scales, the ticks and the path. The plot stretches to its box
// (preserveAspectRatio="none", strokes that do not scale), while the axis labels are HTML placed
// at the same percentages, so their text keeps its CSS size on a 375 px phone as on a desktop.
// Screen readers get a one-sentence summary (the plot's label) and the numbers in a table.
import type { ReactNode } from "react";
import { scaleBand, scaleLinear } from "d3-scale";
import { area, curveMonotoneX, line } from "d3-shape";
import type { ViewPoint } from "@/lib/data/admin-dashboard";
import { formatDateTime, formatMonthDay, toBeijingIso } from "@/lib/time";

/** The SVG's own coordinates: 100 × 100, so a coordinate is a percentage of the box. */
const SIZE = 100;
const numberFormat = new Intl.NumberFormat("zh-CN");

interface Props {
  /** Caption, also the table's. */
  title: string;
  points: readonly ViewPoint[];
  /** "line": per hour; "bars": per day. */
  kind: "line" | "bars";
}

const hourLabel = (d: Date) => formatDateTime(d).slice(11, 16);
const dayLabel = (d: Date) => formatMonthDay(d);

/** "共 N 次阅读，最多在 …（M 次）". */
function summary(title: string, points: readonly ViewPoint[], label: (d: Date) => string): string {
  const total = points.reduce((s, p) => s + p.views, 0);
  if (total === 0) return `${title}：暂无阅读。`;
  const top = points.reduce((a, b) => (b.views > a.views ? b : a));
  return `${title}：共 ${numberFormat.format(total)} 次阅读，最多在 ${label(top.start)}（${numberFormat.format(top.views)} 次）。`;
}

export function ViewsChart({ title, points, kind }: Props) {
  const label = kind === "line" ? hourLabel : dayLabel;
  const max = Math.max(1, ...points.map((p) => p.views));
  const y = scaleLinear().domain([0, max]).nice(4).range([SIZE, 0]);
  const yTicks = y.ticks(4).filter((t) => t > 0 && Number.isInteger(t));
  // x: a position (percent) per point, and which points get a label below the plot.
  let xOf: (i: number) => number;
  let shapes: ReactNode;
  let labelled: number[];
  if (kind === "line") {
    const x = scaleLinear()
      .domain([0, Math.max(1, points.length - 1)])
      .range([0, SIZE]);
    xOf = (i) => x(i);
    const fill = area<ViewPoint>()
      .x((_, i) => x(i))
      .y0(SIZE)
      .y1((p) => y(p.views))
      .curve(curveMonotoneX);
    const stroke = line<ViewPoint>()
      .x((_, i) => x(i))
      .y((p) => y(p.views))
      .curve(curveMonotoneX);
    shapes = (
      <>
        <path d={fill([...points]) ?? ""} className="adm-chart-area" />
        <path d={stroke([...points]) ?? ""} className="adm-chart-line" vectorEffect="non-scaling-stroke" />
      </>
    );
    // Every sixth hour, and the newest one.
    labelled = points.map((_, i) => i).filter((i) => (points.length - 1 - i) % 6 === 0);
  } else {
    const x = scaleBand<number>()
      .domain(points.map((_, i) => i))
      .range([0, SIZE])
      .paddingInner(0.3)
      .paddingOuter(0.15);
    xOf = (i) => (x(i) ?? 0) + x.bandwidth() / 2;
    shapes = points.map((p, i) => (
      <rect
        key={p.start.getTime()}
        x={x(i)}
        y={y(p.views)}
        width={x.bandwidth()}
        height={SIZE - y(p.views)}
        className="adm-chart-bar"
      />
    ));
    labelled = points.map((_, i) => i);
  }
  return (
    <figure className="adm-chart">
      <figcaption className="adm-chart-title">{title}（北京时间）</figcaption>
      <div className="adm-chart-plot">
        <svg
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={summary(title, points, label)}
        >
          {yTicks.map((t) => (
            <line
              key={t}
              x1={0}
              x2={SIZE}
              y1={y(t)}
              y2={y(t)}
              className="adm-chart-grid"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          <line
            x1={0}
            x2={SIZE}
            y1={SIZE}
            y2={SIZE}
            className="adm-chart-axis"
            vectorEffect="non-scaling-stroke"
          />
          {shapes}
        </svg>
        <div aria-hidden="true">
          {yTicks.map((t) => (
            <span key={t} className="adm-chart-ylabel" style={{ top: `${y(t)}%` }}>
              {numberFormat.format(t)}
            </span>
          ))}
          {labelled.map((i) => {
            const p = points[i];
            return p ? (
              <span
                key={i}
                // Every other day's label gives way on a phone; the newest always stays.
                className={
                  kind === "bars" && (points.length - 1 - i) % 2 === 1
                    ? "adm-chart-xlabel adm-chart-xlabel-minor"
                    : "adm-chart-xlabel"
                }
                style={{ left: `${xOf(i)}%` }}
              >
                {label(p.start)}
              </span>
            ) : null;
          })}
        </div>
      </div>
      <details className="adm-chart-data">
        <summary>数据表</summary>
        <table className="admin-table">
          <caption className="adm-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{kind === "line" ? "时段" : "日期"}</th>
              <th scope="col">阅读</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.start.getTime()}>
                <td>
                  <time dateTime={toBeijingIso(p.start)}>
                    {kind === "line" ? `${hourLabel(p.start)} 起` : dayLabel(p.start)}
                  </time>
                </td>
                <td>{numberFormat.format(p.views)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
