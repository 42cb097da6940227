# One image for the hub and the agent: `docker run flotilla hub …` or `… agent …`.
# (Not built in CI: these machines have no container engine.)
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
RUN npm ci --omit=dev --omit=optional --ignore-scripts && npm install --no-save vite@8.3.8 @vitejs/plugin-react@6.3.0 \
 && npm run build -w @flotilla/web

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node
EXPOSE 8080 8081 8443
ENTRYPOINT ["node", "packages/cli/bin/flotilla.js"]
CMD ["--help"]
