import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Which metric names the alert rules and the Grafana dashboard query. A rule or a panel that
 * names a metric no app exports is silent forever, and nobody notices until the night it should
 * have fired: the e2e spec monitoring-metrics compares this list with the apps' /metrics.
 */
export const MONITORING_DIR = __dirname;
export const RULES_DIR = join(MONITORING_DIR, 'prometheus');
export const DASHBOARD_FILE = join(MONITORING_DIR, 'grafana', 'voucher-bridge.dashboard.json');

/** Series Prometheus makes itself (scrape health, alert state), never exported by an app. */
export const PROMETHEUS_OWN_SERIES = new Set(['up', 'ALERTS', 'ALERTS_FOR_STATE', 'scrape_duration_seconds', 'scrape_samples_scraped']);

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan', 'atan2']);

/** Metric names (not functions, keywords, labels or durations) in one PromQL expression. */
export function metricNamesInPromQL(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of bare.matchAll(/(?<![\w.:$])([A-Za-z_:][\w:]*)(\s*\()?/g)) {
    const [, name, call] = match;
    if (call || KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names];
}

/** A histogram's series (`x_bucket`, `x_sum`, `x_count`) all belong to the metric `x`. */
export function baseMetricName(name: string): string {
  return name.replace(/_(bucket|sum|count)$/, '');
}

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}

export interface MetricUse {
  metric: string;
  usedBy: string[];
}

export function ruleFiles(): string[] {
  return readdirSync(RULES_DIR).filter((file) => file.endsWith('.rules.yml')).map((file) => join(RULES_DIR, file));
}

export function loadRules(): { file: string; alert?: string; record?: string; expr: string }[] {
  return ruleFiles().flatMap((file) =>
    (parse(readFileSync(file, 'utf8')) as RuleFile).groups.flatMap((group) => group.rules.map((rule) => ({ file, ...rule }))),
  );
}

interface DashboardPanel {
  title: string;
  targets?: { expr: string }[];
}

export function loadDashboard(): { panels: DashboardPanel[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8'));
}

/**
 * Every metric the rules and the dashboard use, with who uses it; recording rules' own names
 * and Prometheus' own series are left out (they are not scraped from an app).
 */
export function monitoredMetrics(): MetricUse[] {
  const rules = loadRules();
  const recorded = new Set(rules.flatMap((rule) => (rule.record ? [rule.record] : [])));
  const uses = new Map<string, Set<string>>();
  const note = (expr: string, user: string) => {
    for (const name of metricNamesInPromQL(expr)) {
      if (recorded.has(name) || PROMETHEUS_OWN_SERIES.has(name)) continue;
      const metric = baseMetricName(name);
      uses.set(metric, (uses.get(metric) ?? new Set()).add(user));
    }
  };
  for (const rule of rules) note(rule.expr, `rule ${rule.alert ?? rule.record}`);
  for (const panel of loadDashboard().panels) {
    for (const target of panel.targets ?? []) note(target.expr, `panel "${panel.title}"`);
  }
  return [...uses].map(([metric, users]) => ({ metric, usedBy: [...users].sort() })).sort((a, b) => a.metric.localeCompare(b.metric));
}
