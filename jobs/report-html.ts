import { REPORT_CATEGORIES, type Change, type MonthlyReport, type MonthStatistics, type Rate, type ReportCategory } from './monthly-statistics.js';

const CATEGORY_NAMES: Readonly<Record<ReportCategory, string>> = {
  complaint: '投诉 Complaint',
  repair: '报修 Repair',
  inquiry: '咨询 Inquiry',
  'reported-problem': '反映问题 Reported problem',
  other: '其他 Other',
};
const SERIES_COLOURS = ['#2f6fb3', '#9bbbe0', '#c9c9c9'] as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface BarSeries {
  name: string;
  values: readonly number[];
}

/** A grouped bar chart as an SVG string: one group per label, one bar per series. */
export function barChartSvg(title: string, labels: readonly string[], series: readonly BarSeries[], width = 720, height = 300): string {
  const margin = { top: 36, right: 16, bottom: 64, left: 44 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupWidth = plotWidth / Math.max(1, labels.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, series.length);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${escapeHtml(title)}</text>`,
    `<line x1="${margin.left}" y1="${margin.top + plotHeight}" x2="${margin.left + plotWidth}" y2="${margin.top + plotHeight}" stroke="#444"/>`,
  ];
  labels.forEach((label, i) => {
    const groupX = margin.left + i * groupWidth + groupWidth * 0.1;
    series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const barHeight = (value / max) * plotHeight;
      const x = groupX + j * barWidth;
      const y = margin.top + plotHeight - barHeight;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${SERIES_COLOURS[j % SERIES_COLOURS.length]}"><title>${escapeHtml(`${s.name} ${label}: ${value}`)}</title></rect>`);
      parts.push(`<text x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle" font-size="11">${value}</text>`);
    });
    parts.push(`<text x="${(margin.left + i * groupWidth + groupWidth / 2).toFixed(1)}" y="${margin.top + plotHeight + 18}" text-anchor="middle" font-size="12">${escapeHtml(label)}</text>`);
  });
  series.forEach((s, j) => {
    const x = margin.left + j * 170;
    const y = height - 16;
    parts.push(`<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${SERIES_COLOURS[j % SERIES_COLOURS.length]}"/>`);
    parts.push(`<text x="${x + 16}" y="${y}" font-size="12">${escapeHtml(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function signedChange(change: Change): string {
  const delta = change.delta > 0 ? `+${change.delta}` : String(change.delta);
  return change.percent === null ? delta : `${delta} (${change.percent > 0 ? '+' : ''}${(change.percent * 100).toFixed(1)}%)`;
}

function rateCell(rate: Rate): string {
  return `${percent(rate.rate)} (${rate.count}/${rate.of})`;
}

function table(headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function countRows(report: MonthlyReport): string[][] {
  const rows = REPORT_CATEGORIES.map((c) => [CATEGORY_NAMES[c], String(report.current.byCategory[c]), signedChange(report.monthOnMonth[c]), signedChange(report.yearOnYear[c])]);
  return [...rows, ['合计 Total', String(report.current.total), signedChange(report.monthOnMonth.total), signedChange(report.yearOnYear.total)]];
}

function serviceRows(stats: readonly MonthStatistics[]): string[][] {
  return [
    ['答复及时率 Reply on time', ...stats.map((s) => rateCell(s.replyOnTime))],
    ['处理及时率 Resolved on time', ...stats.map((s) => rateCell(s.resolveOnTime))],
    ['满意率 Satisfaction', ...stats.map((s) => `${percent(s.satisfaction.rate)} (${s.satisfaction.satisfied}/${s.satisfaction['basically-satisfied']}/${s.satisfaction.dissatisfied})`)],
    ['回访覆盖率 Callback coverage', ...stats.map((s) => rateCell(s.callbackCoverage))],
  ];
}

/** The monthly analysis report as one self-contained HTML page (charts are inline SVG). */
export function renderReportHtml(report: MonthlyReport): string {
  const { current, previousMonth, sameMonthLastYear } = report;
  const labels = REPORT_CATEGORIES.map((c) => CATEGORY_NAMES[c].split(' ')[0]!);
  const chart = barChartSvg(`${report.month} 分类统计 by category`, labels, [
    { name: `${current.month} 本月`, values: REPORT_CATEGORIES.map((c) => current.byCategory[c]) },
    { name: `${previousMonth.month} 上月`, values: REPORT_CATEGORIES.map((c) => previousMonth.byCategory[c]) },
    { name: `${sameMonthLastYear.month} 去年同期`, values: REPORT_CATEGORIES.map((c) => sameMonthLastYear.byCategory[c]) },
  ]);
  const statusChart = barChartSvg(
    '处理状态 Handling status',
    Object.keys(current.byStatus),
    [{ name: current.month, values: Object.values(current.byStatus) }],
  );
  const attention: string[] = [];
  if (report.complaintsRising) attention.push(`投诉数量上升 Complaints rising: ${signedChange(report.monthOnMonth.complaint)}`);
  for (const matter of report.recurringProblems) attention.push(`重复发生的问题 Recurring problem: ${matter}`);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(`${report.propertyName} ${report.month} 客服月度分析报告`)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left}.attention{background:#fff3cd;padding:0.5em 1em;border-left:4px solid #d39e00}</style>
</head><body>
<h1>${escapeHtml(`${report.propertyName} · ${report.month} 客服月度分析报告 Monthly service report`)}</h1>
${attention.length ? `<div class="attention"><h2>需重点关注 Needs attention</h2><ul>${attention.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul></div>` : ''}
<h2>分类统计 Counts by category</h2>
${table(['类别 Category', '本月 This month', '环比 Month on month', '同比 Year on year'], countRows(report))}
${chart}
<h2>性质 Nature</h2>
${table(['一般 General', '重要 Important'], [[String(current.byNature.general), String(current.byNature.important)]])}
<h2>处理状态 Handling status</h2>
${table(Object.keys(current.byStatus), [Object.values(current.byStatus).map(String)])}
${statusChart}
<h2>服务质量 Service quality</h2>
${table(['', current.month, previousMonth.month, sameMonthLastYear.month], serviceRows([current, previousMonth, sameMonthLastYear]))}
<h2>纠正与预防措施 CAPA opened</h2>
${current.capasOpened.length ? `<ul>${current.capasOpened.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>` : '<p>无 None</p>'}
</body></html>
`;
}
