# The application image: one image, three roles chosen by the command (worker, api, bot).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Install scripts are approved per package in package.json (allowScripts).
RUN npm ci --omit=dev && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY scripts ./scripts
COPY migrations ./migrations
COPY data ./data
USER node
EXPOSE 3000
CMD ["npm", "run", "start:api"]
