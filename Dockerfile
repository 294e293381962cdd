# syntax=docker/dockerfile:1
# One image for every function and the jobs (docs/decisions.md): the entry is the Cloud Run service's /
# job's args, e.g. ["dist/auth/main.cjs"] or ["dist/migrate/index.mjs"]. A function's boot: docs/boot.md.
# Node 22 LTS, pinned to an exact release (Node 20 left maintenance in April 2026). Pin the digest too
# once the registry is reachable: node:22.23.3-bookworm-slim@sha256:<digest>.
ARG NODE_IMAGE=node:22.23.3-bookworm-slim

# --- build: the whole toolchain, only to produce dist/ (bundles + the runtime package manifest) ---
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY shared ./shared
COPY functions ./functions
RUN npm run build

# --- runtime dependencies: only the GCP SDKs the bundles leave external, at the lockfile's versions ---
# Without optional dependencies: the only ones in the runtime tree are firebase-admin's Cloud Storage
# client and what it pulls in (22 packages), which nothing here loads (firebase-admin/app, /messaging).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=build /src/dist/package.json /src/dist/package-lock.json ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && npm cache clean --force

# --- runtime: bundles + production node_modules, read-only for the unprivileged user ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY --from=build /src/dist ./dist
# The code caches a cold start reads, made here once (docs/boot.md): each function is started from its
# main.cjs with a production env that reaches nothing, answers /healthz, and on SIGTERM writes V8's code
# cache of everything start-up and a first request compiled (dist/<fn>/server.cjs.v8cache). The step fails
# if a function does not come up or leaves no cache.
RUN node dist/warm-caches/index.mjs
USER node
EXPOSE 8080
# Plain node, as the warm-up ran (V8 refuses a code cache made under other flags). No --enable-source-maps:
# it cannot map a script compiled from a code cache; logged errors are mapped lazily (shared/stack-sources.ts).
ENTRYPOINT ["node"]
# Each Cloud Run service overrides this with its own entry.
CMD ["dist/auth/main.cjs"]
