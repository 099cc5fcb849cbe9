# syntax=docker/dockerfile:1
# Parloir: build stage compiles TypeScript and the SQLite binding; the runtime stage holds only
# production dependencies and the compiled code, runs as a non-root user, keeps data on /data
# and reads the key from a read-only mounted file. With a passphrase-sealed key (the default,
# see SECURITY.md) the container starts SEALED: `docker compose exec parloir node
# dist/src/cli/main.js unlock` gives it the passphrase.

FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bots ./bots
COPY migrations ./migrations
# Supply chain: better-sqlite3 is compiled here from the npm tarball the lockfile pins (and
# checks), against this image's own Node headers, instead of downloading a prebuilt binary
# nothing verifies. Its install script then skips prebuild-install and runs node-gyp.
ENV npm_config_build_from_source=better-sqlite3 \
    npm_config_nodedir=/usr/local
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PARLOIR_DB=/data/parloir.db \
    PARLOIR_KEY_FILE=/run/secrets/parloir.key \
    PARLOIR_CENTRES=/app/config/centres.yaml
WORKDIR /app
RUN groupadd --system --gid 10001 parloir && useradd --system --uid 10001 --gid parloir --home /app parloir \
    && mkdir /data && chown parloir:parloir /data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY migrations ./migrations
COPY config ./config
USER parloir
VOLUME ["/data"]
CMD ["node", "dist/src/main.js"]
