# syntax=docker/dockerfile:1
# eshop-connector: consumes the voucher topic, keeps the registry and answers the web shop.
#
#   docker build -f deploy/docker/eshop-connector.Dockerfile -t voucher-bridge/eshop-connector .   (from the repository root)
#
# Stage 1 installs every dependency (librdkafka is compiled against Debian's libraries, as on our
# machines: its default build downloads sources) and builds; stage 2 keeps only the production
# dependencies, the build output and the shared libraries librdkafka links to, and runs as the
# unprivileged "node" user.
ARG NODE_VERSION=24.21.0

FROM node:${NODE_VERSION}-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
     libssl-dev zlib1g-dev libzstd-dev liblz4-dev libsasl2-dev libcurl4-openssl-dev \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The postinstall script generates the Prisma client from prisma/, so it comes in before npm ci.
COPY package.json package-lock.json .npmrc ./
COPY prisma ./prisma
ENV CKJS_LINKING=dynamic
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
RUN npx nest build eshop-connector \
  && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates \
     libssl3 zlib1g libzstd1 liblz4-1 libsasl2-2 libcurl4 \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# MALLOC_ARENA_MAX: deploy/node/app.env (deploy/tests/docker.spec.ts keeps them equal).
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    HTTP_HOST=0.0.0.0 \
    CONNECTOR_HTTP_PORT=3001
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3001
# "Healthy" means ready: database and Kafka reachable (the same endpoint a load balancer uses).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.CONNECTOR_HTTP_PORT + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The V8 flags of deploy/node/eshop-connector.node-options (deploy/tests/docker.spec.ts keeps them equal).
CMD ["node", "--max-old-space-size=128", "--max-semi-space-size=4", "dist/apps/eshop-connector/src/main.js"]
