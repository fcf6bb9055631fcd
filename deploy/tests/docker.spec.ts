import { AppName, appLaunch } from '@voucher-bridge/app-launch';
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { composeValidator } from './compose-schema';

/**
 * No container engine runs on our machines, so the container setup is checked as files: the
 * compose file against the Compose Specification schema plus what it must wire up, each
 * Dockerfile for the structure we rely on (multi-stage, non-root, health check, what it copies).
 */
const ROOT = resolve(__dirname, '../..');
const DOCKER_DIR = join(ROOT, 'deploy/docker');
const APPS = [
  { name: 'cashbox-gateway', portVariable: 'GATEWAY_HTTP_PORT', port: '3000' },
  { name: 'eshop-connector', portVariable: 'CONNECTOR_HTTP_PORT', port: '3001' },
];

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number; resources?: unknown };
  volumes?: string[];
  healthcheck?: unknown;
}

function loadCompose(): { services: Record<string, Service>; volumes: Record<string, unknown> } {
  return parse(readFileSync(join(DOCKER_DIR, 'compose.yaml'), 'utf8'), { merge: true });
}

describe('deploy/docker/compose.yaml', () => {
  const compose = loadCompose();
  const { services } = compose;

  it('is valid against the Compose Specification schema', () => {
    const validate = composeValidator();
    expect({ valid: validate(compose), errors: validate.errors ?? [] }).toEqual({ valid: true, errors: [] });
  });

  it('is told apart from an invalid file by that schema', () => {
    const validate = composeValidator();
    const broken = structuredClone(compose);
    (broken.services['cashbox-gateway'].deploy as Record<string, unknown>).replicas = 'two';
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toContain('/services/cashbox-gateway/deploy/replicas');
  });

  it('runs a 3-broker KRaft cluster with RF 3 and min.insync.replicas 2', () => {
    const nodes = ['kafka-1', 'kafka-2', 'kafka-3'].map((name) => services[name]);
    expect(nodes.map((node) => node.environment?.KAFKA_NODE_ID)).toEqual(['1', '2', '3']);
    for (const node of nodes) {
      expect(node.image).toMatch(/^apache\/kafka:/);
      expect(node.environment).toMatchObject({
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093',
        KAFKA_DEFAULT_REPLICATION_FACTOR: '3',
        KAFKA_MIN_INSYNC_REPLICAS: '2',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '3',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '3',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '2',
      });
      expect(node.healthcheck).toBeDefined();
    }
    expect(new Set(nodes.map((node) => node.environment?.CLUSTER_ID)).size).toBe(1);
  });

  it('migrates once before two replicas of each app start against that cluster', () => {
    expect(services.migrate.command).toEqual(['node', 'prisma/scripts/migrate.mjs']);
    expect(services.migrate.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    for (const app of APPS) {
      const service = services[app.name];
      expect(service.deploy?.replicas).toBe(2);
      expect(service.deploy?.resources).toBeDefined();
      expect(service.build?.dockerfile).toBe(`deploy/docker/${app.name}.Dockerfile`);
      expect(existsSync(join(DOCKER_DIR, service.build!.context, service.build!.dockerfile))).toBe(true);
      expect(service.depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        'kafka-1': { condition: 'service_healthy' },
      });
      expect(service.environment).toMatchObject({
        KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9092,kafka-3:9092',
        KAFKA_TOPIC_REPLICATION_FACTOR: '3',
        [app.portVariable]: app.port,
      });
      expect(service.environment?.DATABASE_URL).toContain('@postgres:5432/');
    }
  });

  it('mounts the alert rules into Prometheus and provisions the dashboard in Grafana', () => {
    const mounts = (service: Service) =>
      (service.volumes ?? []).filter((volume) => volume.startsWith('.')).map((volume) => {
        const [source, target] = volume.split(':');
        return { source: join(DOCKER_DIR, source), target };
      });
    const all = [...mounts(services.prometheus), ...mounts(services.grafana)];
    for (const mount of all) expect({ mount: mount.source, exists: existsSync(mount.source) }).toEqual({ mount: mount.source, exists: true });
    const prometheusConfig = readFileSync(join(ROOT, 'deploy/monitoring/prometheus/prometheus.yml'), 'utf8');
    const rulesMount = mounts(services.prometheus).find((mount) => prometheusConfig.includes(`${mount.target}/*.rules.yml`));
    expect(rulesMount?.source).toBe(join(ROOT, 'deploy/monitoring/prometheus'));
    expect(mounts(services.grafana).map((mount) => mount.target)).toEqual(
      expect.arrayContaining(['/etc/grafana/provisioning', '/var/lib/grafana/dashboards']),
    );
    const provider = readFileSync(join(ROOT, 'deploy/monitoring/grafana/provisioning/dashboards/voucher-bridge.yml'), 'utf8');
    expect(provider).toContain('path: /var/lib/grafana/dashboards');
    // No secret in the file: passwords come from the environment, and fail loudly when unset.
    expect(services.postgres.environment?.POSTGRES_PASSWORD).toBe('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}');
    // Nor the key of the signing secrets: the connector gets it from the environment, refusing to start without it.
    expect(services['eshop-connector'].environment?.WEBHOOK_SECRET_ENCRYPTION_KEY).toMatch(/^\$\{WEBHOOK_SECRET_ENCRYPTION_KEY:\?/);
    expect(services['cashbox-gateway'].environment?.WEBHOOK_SECRET_ENCRYPTION_KEY).toBeUndefined();
  });
});

describe.each(APPS)('deploy/docker/$name.Dockerfile', (app) => {
  const text = readFileSync(join(DOCKER_DIR, `${app.name}.Dockerfile`), 'utf8');
  // Instructions with their continuation lines joined, comments dropped.
  const instructions = text.replace(/\\\n\s*/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const stages = instructions.reduce<string[][]>((all, line) => {
    if (/^FROM /i.test(line)) all.push([]);
    all.at(-1)?.push(line);
    return all;
  }, []);
  const finalStage = stages.at(-1) ?? [];

  it('builds in one stage on Node 24 slim and runs from another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]).toMatch(/^FROM node:\$\{NODE_VERSION\}-[a-z]+-slim( AS \w+)?$/);
    const pinned = readFileSync(join(ROOT, 'deploy/node/node.env'), 'utf8').match(/^NODE_VERSION=(\S+)/m)?.[1];
    expect(instructions).toContain(`ARG NODE_VERSION=${pinned}`);
    expect(finalStage.join('\n')).toMatch(/COPY --from=build \/app\/node_modules/);
    expect(finalStage.join('\n')).not.toMatch(/npm (ci|install)/);
  });

  it('compiles librdkafka against system libraries with npm ci, and keeps only production dependencies', () => {
    const build = stages[0].join('\n');
    expect(build).toMatch(/libssl-dev .*libsasl2-dev .*libcurl4-openssl-dev/);
    expect(build).toContain('ENV CKJS_LINKING=dynamic');
    expect(build).toMatch(/RUN npm ci\b/);
    expect(build).toMatch(/npm prune --omit=dev/);
    expect(finalStage.join('\n')).toMatch(/libssl3 .*libsasl2-2 .*libcurl4/);
  });

  it('runs as a non-root user', () => {
    const users = finalStage.filter((line) => /^USER /i.test(line));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER (root|0)(:|$)/);
    expect(finalStage.indexOf(users.at(-1)!)).toBeLessThan(finalStage.findIndex((line) => /^CMD /i.test(line)));
  });

  it('checks its health on the readiness endpoint of its own port', () => {
    const healthcheck = finalStage.find((line) => /^HEALTHCHECK /i.test(line));
    expect(healthcheck).toContain(`process.env.${app.portVariable}`);
    expect(healthcheck).toContain('/health/ready');
    expect(finalStage).toContain(`EXPOSE ${app.port}`);
    expect(finalStage.join('\n')).toMatch(new RegExp(`${app.portVariable}=${app.port}`));
    expect(finalStage.join('\n')).toContain('HTTP_HOST=0.0.0.0');
  });

  it('runs with the environment both apps share (deploy/node/app.env)', () => {
    const env = finalStage.filter((line) => /^ENV /i.test(line)).join(' ');
    const shared = Object.entries(appLaunch(ROOT, app.name as AppName).env);
    expect(shared.length).toBeGreaterThan(0);
    for (const [name, value] of shared) expect(env).toMatch(new RegExp(`(^|\\s)${name}=${value}(\\s|$)`));
  });

  it('starts the entry point the build produces and copies only what exists', () => {
    // With the app's V8 flags, as deploy/voucher-bridge.sh, npm start and the e2e suite run it.
    const flags = readFileSync(join(ROOT, `deploy/node/${app.name}.node-options`), 'utf8')
      .split('\n').filter((line) => !line.startsWith('#')).join(' ').split(/\s+/).filter(Boolean);
    expect(finalStage.at(-1)).toBe(`CMD ${JSON.stringify(['node', ...flags, `dist/apps/${app.name}/src/main.js`]).replace(/","/g, '", "')}`);
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(Object.values(scripts).join('\n')).toContain(`dist/apps/${app.name}/src/main.js`);
    for (const line of instructions.filter((l) => /^COPY (?!--from)/.test(l))) {
      for (const source of line.split(/\s+/).slice(1, -1)) {
        expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
      }
    }
  });
});

/** Bare package names a source tree imports (type-only imports excluded: they vanish in the build). */
function importedPackages(dir: string): Set<string> {
  const packages = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || /\.spec\.ts$/.test(entry.name)) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const match of source.matchAll(/^(?:import|export)(?! type )[^;]*? from '([^'.][^']*)'/gm)) {
      const specifier = match[1];
      if (specifier.startsWith('node:') || specifier.startsWith('@voucher-bridge/') || builtinModules.includes(specifier)) continue;
      packages.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return packages;
}

describe('the production dependencies the images keep (npm prune --omit=dev)', () => {
  it('include every package the apps, the admin tool, the libraries and the migration script import', () => {
    const dependencies = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies);
    const imported = new Set<string>();
    for (const dir of ['apps/cashbox-gateway/src', 'apps/eshop-connector/src', 'apps/bridge-admin/src', 'libs']) {
      for (const name of importedPackages(join(ROOT, dir))) imported.add(name);
    }
    for (const name of ['pg', '@prisma/adapter-pg', '@prisma/driver-adapter-utils', '@prisma/schema-engine-wasm']) imported.add(name);
    expect(imported.size).toBeGreaterThan(10);
    expect([...imported].filter((name) => !dependencies.includes(name)).sort()).toEqual([]);
  });
});

describe('.dockerignore', () => {
  it('keeps local installs, builds, secrets and test output out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.local', '.git', '.env', 'libs/database/src/generated']));
    // What the Dockerfiles copy must not be ignored.
    for (const needed of ['package.json', 'package-lock.json', '.npmrc', 'prisma', 'libs', 'apps', 'tsconfig.base.json', 'nest-cli.json']) {
      expect(ignored).not.toContain(needed);
    }
  });
});
