// A horizontal grouped bar chart as plain coordinates and texts, drawn as SVG by an escaped Handlebars template.

export interface ChartSeries {
  label: string;
  /** An SVG fill colour (a constant of the page, never user input). */
  colour: string;
}

export interface ChartGroup {
  label: string;
  /** One value per series, in the series' order; null draws no bar. */
  values: (number | null)[];
}

export interface BarChartInput {
  /** Unique on the page; the title and description ids derive from it. */
  id: string;
  title: string;
  description: string;
  /** Written after each value, e.g. "d" or "st". */
  unit: string;
  /** Counts: ticks only on whole numbers. */
  wholeNumbers?: boolean;
  series: ChartSeries[];
  groups: ChartGroup[];
}

export interface SvgBar { x: number; y: number; width: number; height: number; fill: string; valueText: string; textX: number; textY: number }
export interface SvgGroup { label: string; fullLabel: string; labelX: number; labelY: number; bars: SvgBar[] }
export interface SvgTick { x: number; y1: number; y2: number; labelY: number; label: string }
export interface SvgLegendItem { x: number; y: number; fill: string; label: string; textX: number; textY: number }

/** Everything the template draws; all numbers are in the viewBox's units. */
export interface SvgBarChart {
  titleId: string;
  descId: string;
  title: string;
  description: string;
  viewBox: string;
  legend: SvgLegendItem[];
  ticks: SvgTick[];
  groups: SvgGroup[];
}

const width = 480;
const left = 8;
const plotWidth = 400;
const legendHeight = 28;
const labelHeight = 18;
const barHeight = 14;
const barGap = 3;
const groupGap = 12;
const axisHeight = 22;
/** Longer labels are cut in the chart; the table and the group's tooltip carry them whole. */
const maxLabel = 52;

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** Swedish number text: "12,5", "1 200". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A round axis end at or above `max` and the step between its ticks (1, 2 or 5 times a power of ten). */
export function niceScale(max: number, ticks = 4, minStep = 0): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const rough = Math.max(max / ticks, minStep);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return { max: Math.max(step, Math.ceil(max / step) * step), step };
}

/** Lays the chart out: legend on top, per group its label over one bar per series, the value axis below. */
export function barChart(input: BarChartInput): SvgBarChart {
  const values = input.groups.flatMap((g) => g.values).filter((v): v is number => v !== null);
  const scale = niceScale(Math.max(0, ...values), 4, input.wholeNumbers ? 1 : 0);
  const toWidth = (value: number) => Math.round((Math.max(0, value) / scale.max) * plotWidth * 10) / 10;

  const legend = input.series.map((s, i) => ({ x: left + i * 150, y: 6, fill: s.colour, label: s.label, textX: left + i * 150 + 18, textY: 17 }));
  let y = legendHeight;
  const groups = input.groups.map((group) => {
    const labelY = y + 13;
    y += labelHeight;
    const bars = input.series.map((series, i) => {
      const value = group.values[i] ?? null;
      const barWidth = value === null ? 0 : toWidth(value);
      const bar = {
        x: left, y, width: barWidth, height: barHeight, fill: series.colour,
        valueText: value === null ? `${series.label}: –` : `${formatNumber(value)} ${input.unit}`,
        textX: left + barWidth + 4, textY: y + barHeight - 3,
      };
      y += barHeight + barGap;
      return bar;
    });
    y += groupGap;
    const label = group.label.length > maxLabel ? `${group.label.slice(0, maxLabel - 1)}…` : group.label;
    return { label, fullLabel: group.label, labelX: left, labelY, bars };
  });

  const top = legendHeight;
  const bottom = Math.max(y - groupGap, top + 10);
  const ticks: SvgTick[] = [];
  for (let value = 0; value <= scale.max + scale.step / 2; value += scale.step) {
    ticks.push({ x: left + toWidth(value), y1: top, y2: bottom, labelY: bottom + 16, label: formatNumber(value) });
  }
  return {
    titleId: `${input.id}-titel`,
    descId: `${input.id}-beskrivning`,
    title: input.title,
    description: input.description,
    viewBox: `0 0 ${width} ${bottom + axisHeight}`,
    legend,
    ticks,
    groups,
  };
}
