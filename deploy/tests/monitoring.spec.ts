import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DASHBOARD_FILE, RULES_DIR, loadDashboard, loadRules, ruleFiles } from '../monitoring/monitored-metrics';

/** Runs promtool (Debian package `prometheus`, installed by deploy/voucher-bridge.sh) and returns its output. */
function promtool(...args: string[]): string {
  try {
    return execFileSync('promtool', args, { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failure = error as { code?: string; stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error('promtool not found: install the Debian package "prometheus" (deploy/voucher-bridge.sh test does)');
    }
    throw new Error(`promtool ${args.join(' ')} failed:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
}

const TESTS_DIR = join(RULES_DIR, 'tests');

describe('Prometheus alert rules (deploy/monitoring/prometheus)', () => {
  it('pass promtool check rules', () => {
    const output = promtool('check', 'rules', ...ruleFiles());
    expect(output).not.toMatch(/FAILED/);
    expect(output.match(/SUCCESS: \d+ rules found/g)).toHaveLength(ruleFiles().length);
  });

  it('pass their promtool unit tests', () => {
    const tests = readdirSync(TESTS_DIR).filter((file) => file.endsWith('.test.yml')).map((file) => join(TESTS_DIR, file));
    expect(tests.length).toBeGreaterThan(0);
    const output = promtool('test', 'rules', ...tests);
    expect(output.match(/SUCCESS/g)).toHaveLength(tests.length);
  });

  it('have a severity, a summary and a description on every alert, and a unit test that fires each', () => {
    const testText = readdirSync(TESTS_DIR).map((file) => readFileSync(join(TESTS_DIR, file), 'utf8')).join('\n');
    const alerts = loadRules().filter((rule) => rule.alert) as unknown as {
      alert: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    }[];
    expect(alerts.length).toBeGreaterThanOrEqual(10);
    for (const alert of alerts) {
      expect({ alert: alert.alert, severity: alert.labels?.severity }).toEqual({
        alert: alert.alert,
        severity: expect.stringMatching(/^(warning|critical)$/),
      });
      expect(Object.keys(alert.annotations ?? {}).sort()).toEqual(['description', 'summary']);
      // A test case that expects the alert with labels, i.e. one where it really fires.
      const firing = new RegExp(`alertname: ${alert.alert}\\n\\s+exp_alerts:\\n\\s+- exp_labels`);
      expect({ alert: alert.alert, testedFiring: firing.test(testText) }).toEqual({ alert: alert.alert, testedFiring: true });
    }
  });

  it('load in the Prometheus configuration of the compose setup', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voucher-bridge-prometheus-'));
    try {
      const config = readFileSync(join(RULES_DIR, 'prometheus.yml'), 'utf8').replace('/etc/prometheus/rules/', `${RULES_DIR}/`);
      writeFileSync(join(dir, 'prometheus.yml'), config);
      const output = promtool('check', 'config', join(dir, 'prometheus.yml'));
      expect(output).toContain(`SUCCESS: ${ruleFiles().length} rule files found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Grafana dashboard (deploy/monitoring/grafana)', () => {
  const dashboard = loadDashboard() as unknown as {
    uid: string;
    panels: { id: number; type: string; title: string; targets?: { expr: string; refId: string }[]; datasource?: { uid: string } }[];
  };

  it('is a dashboard with a stable uid, unique panel ids and a query in every panel', () => {
    expect(dashboard.uid).toBe('voucher-bridge');
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
      expect({ title: panel.title, queries: panel.targets?.filter((target) => target.expr.trim()).length ?? 0 }).toEqual({
        title: panel.title,
        queries: panel.targets?.length,
      });
      expect(panel.targets?.length).toBeGreaterThan(0);
      expect(panel.datasource?.uid).toBe('${datasource}');
    }
  });

  it('shows the figures the on-call operator needs', () => {
    const titles = dashboard.panels.map((panel) => panel.title);
    const queries = JSON.stringify(dashboard.panels.flatMap((panel) => panel.targets ?? []));
    expect(titles).toEqual(expect.arrayContaining([
      'Accepted from cashboxes',
      'Registered / parked by the connector',
      'Refused',
      'Oldest unsent age',
      'Lag per partition',
      'Deliveries by outcome per minute',
      'Delivery latency and pending',
      'Rejected requests per minute',
      'Resident memory',
      'CPU',
    ]));
    for (const metric of ['outbox_unsent_messages', 'outbox_oldest_unsent_age_seconds', 'connector_consumer_lag', 'dead_letters_parked',
      'webhook_deliveries_total', 'webhook_delivery_latency_seconds_bucket', 'webhook_deliveries_pending', 'http_requests_rejected_total']) {
      expect(queries).toContain(metric);
    }
    expect(readFileSync(DASHBOARD_FILE, 'utf8')).not.toMatch(/"uid":\s*"(?!\$\{datasource\}|voucher-bridge)/);
  });
});
