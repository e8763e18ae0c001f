# Remissbot as a container (Azure Container Apps, App Service for containers), from the same artefact as the
# zip deploy: run `npm ci && npm run bundle` first, which leaves the compiled bot with its production
# dependencies in build/app/. The image installs and compiles nothing.
#   docker build -t remissbot:$(node -p "require('./package.json').version") .
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
ENV PORT=3978
COPY --chown=node:node build/app/ ./
USER node
EXPOSE 3978
# App Service and Container Apps probe /healthz too; this is for docker and compose.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-semi-space-size=2", "dist/src/index.js"]
