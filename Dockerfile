# syntax=docker/dockerfile:1
# One image for every function and the migrations job (docs/decisions.md): the entry is the Cloud Run
# service's / job's args, e.g. ["dist/auth/index.mjs"] or ["dist/migrate/index.mjs"].
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
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=build /src/dist/package.json /src/dist/package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# --- runtime: bundles + production node_modules, read-only for the unprivileged user ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY --from=build /src/dist ./dist
# V8's compile cache for every function bundle, made here once so that no instance compiles its bundle
# on a cold start (docs/decisions.md 34). Run without its env, an entry loads and evaluates all of its
# modules and then refuses to start: that is the warm-up. The build fails with fewer cache entries than bundles.
ENV NODE_COMPILE_CACHE=/app/.node-compile-cache
RUN for f in dist/*/index.mjs; do timeout 60 node "$f" >/dev/null 2>&1 || true; done \
    && test -n "$(ls -A "$NODE_COMPILE_CACHE")" \
    && [ "$(find "$NODE_COMPILE_CACHE" -type f | wc -l)" -ge "$(ls dist/*/index.mjs | wc -l)" ]
USER node
EXPOSE 8080
# No --enable-source-maps: parsing the map costs a fifth of a cold start; logged errors are mapped
# lazily instead (shared/stack-sources.ts).
ENTRYPOINT ["node"]
# Each Cloud Run service overrides this with its own entry.
CMD ["dist/auth/index.mjs"]
