import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * deploy/k8s checked without a cluster: every object validated against the Kubernetes OpenAPI
 * schemas kubernetes-models ships (unknown fields, wrong types and missing required fields fail),
 * then what an on-call operator relies on: probes on the health endpoints, resources, a
 * disruption budget, configuration from the ConfigMap and the database URL from a Secret.
 */
const K8S_DIR = resolve(__dirname, '../k8s');
const KEY_SECRET = 'voucher-bridge-webhook-secret-keys';
const APPS = [
  { name: 'cashbox-gateway', port: 3000, portVariable: 'GATEWAY_HTTP_PORT', secretEnv: [] },
  {
    name: 'eshop-connector', port: 3001, portVariable: 'CONNECTOR_HTTP_PORT',
    // The key of the signing secrets at rest: required (the pod does not start without the Secret), the retired keys optional.
    secretEnv: [
      { name: 'WEBHOOK_SECRET_ENCRYPTION_KEY', valueFrom: { secretKeyRef: { name: KEY_SECRET, key: 'WEBHOOK_SECRET_ENCRYPTION_KEY' } } },
      { name: 'WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS', valueFrom: { secretKeyRef: { name: KEY_SECRET, key: 'WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS', optional: true } } },
    ],
  },
];

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  // Deep manifests are read field by field below; the schema check covers their types.
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

function manifestFiles(): string[] {
  return readdirSync(K8S_DIR).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
}

function loadObjects(): (K8sObject & { file: string })[] {
  return manifestFiles().flatMap((file) =>
    parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8')).map((document) => {
      expect(document.errors).toEqual([]);
      return { file, ...(document.toJS() as K8sObject) };
    }),
  );
}

/** The kubernetes-models class of an object (`apps/v1` + `Deployment` → kubernetes-models/apps/v1/Deployment). */
async function validateAgainstSchema(object: K8sObject): Promise<void> {
  const module = await import(`kubernetes-models/${object.apiVersion}/${object.kind}`);
  const Model = module[object.kind] as new (data: unknown) => { validate(): void };
  new Model(object).validate();
}

function without<T extends object>(object: T, key: string): T {
  const { [key]: _omitted, ...rest } = object as Record<string, unknown>;
  return rest as T;
}

describe('deploy/k8s', () => {
  const objects = loadObjects();
  const find = (kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name);

  it('holds only objects that are valid against the Kubernetes schemas', async () => {
    expect(objects.length).toBeGreaterThanOrEqual(9);
    for (const object of objects) {
      await expect(validateAgainstSchema(object).then(() => `${object.kind}/${object.metadata.name} valid`)).resolves.toBe(
        `${object.kind}/${object.metadata.name} valid`,
      );
    }
  });

  it('has a schema check that rejects wrong types and missing required fields', async () => {
    // (Unknown fields pass: the Kubernetes schemas allow them; the API server's strict field
    // validation, e.g. kubectl apply --dry-run=server, is where a typo in a field name shows.)
    const deployment = () => structuredClone(find('Deployment', 'cashbox-gateway')!);
    const replicasAsText = deployment();
    replicasAsText.spec.replicas = 'two';
    await expect(validateAgainstSchema(replicasAsText)).rejects.toThrow(/replicas/);
    const portAsText = deployment();
    portAsText.spec.template.spec.containers[0].ports[0].containerPort = 'http-port';
    await expect(validateAgainstSchema(portAsText)).rejects.toThrow(/containerPort/);
    const unnamed = deployment();
    unnamed.spec.template.spec.containers[0] = without(unnamed.spec.template.spec.containers[0], 'name');
    await expect(validateAgainstSchema(unnamed)).rejects.toThrow(/name/);
    await expect(validateAgainstSchema(deployment())).resolves.toBeUndefined();
  });

  it('puts everything in the voucher-bridge namespace and lists every manifest but the Job in the kustomization', () => {
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) expect(object.metadata.namespace).toBe('voucher-bridge');
    const kustomization = parse(readFileSync(join(K8S_DIR, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    expect([...kustomization.resources].sort()).toEqual(manifestFiles().filter((file) => file !== 'migration-job.yaml').sort());
  });

  describe.each(APPS)('$name', (app) => {
    it('runs two replicas probed on /health/live and /health/ready, with resources, as non-root', () => {
      const deployment = find('Deployment', app.name)!;
      expect(deployment.spec.replicas).toBe(2);
      const pod = deployment.spec.template.spec;
      const container = pod.containers[0];
      expect(container.ports).toEqual([{ name: 'http', containerPort: app.port }]);
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources.limits.memory).toEqual(expect.any(String));
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
      expect(deployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': app.name });
      expect(deployment.spec.template.metadata.labels).toMatchObject({ 'app.kubernetes.io/name': app.name });
    });

    it('takes its configuration from the ConfigMap and the database URL from the Secret', () => {
      const container = find('Deployment', app.name)!.spec.template.spec.containers[0];
      expect(container.env).toEqual([{ name: app.portVariable, value: String(app.port) }, ...app.secretEnv]);
      expect(container.envFrom).toEqual([
        { configMapRef: { name: 'voucher-bridge-config' } },
        { secretRef: { name: 'voucher-bridge-database' } },
      ]);
      const config = find('ConfigMap', 'voucher-bridge-config')!.data!;
      expect(Object.keys(config)).toEqual(expect.arrayContaining(['VOUCHER_ENV', 'KAFKA_BROKERS', 'HTTP_HOST']));
      expect(config.KAFKA_TOPIC_REPLICATION_FACTOR).toBe('3');
      expect(JSON.stringify(config)).not.toMatch(/DATABASE_URL|password/i);
      expect(Object.keys(find('Secret', 'voucher-bridge-database')!.stringData!)).toEqual(['DATABASE_URL']);
      expect(JSON.stringify(config)).not.toMatch(/WEBHOOK_SECRET_ENCRYPTION/);
      // No key in the manifests: the Secret holding it is created by hand.
      expect(find('Secret', KEY_SECRET)).toBeUndefined();
    });

    it('has a Service on its port and a PodDisruptionBudget keeping one replica', () => {
      const labels = { 'app.kubernetes.io/name': app.name };
      const service = find('Service', app.name)!;
      expect(service.spec.selector).toEqual(labels);
      expect(service.spec.ports).toEqual([{ name: 'http', port: app.port, targetPort: 'http' }]);
      const budget = find('PodDisruptionBudget', app.name)!;
      expect(budget.apiVersion).toBe('policy/v1');
      expect(budget.spec).toEqual({ minAvailable: 1, selector: { matchLabels: labels } });
    });
  });

  it('migrates with a one-shot Job from the gateway image', () => {
    const job = find('Job', 'voucher-bridge-migrate')!;
    const container = job.spec.template.spec.containers[0];
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(container.command).toEqual(['node', 'prisma/scripts/migrate.mjs']);
    expect(container.image).toBe(find('Deployment', 'cashbox-gateway')!.spec.template.spec.containers[0].image);
    expect(container.envFrom).toEqual([{ secretRef: { name: 'voucher-bridge-database' } }]);
  });
});
