# A static binary with the seed corpus embedded, on a base image with no
# shell, run as a non-root user. Extra documents go in /docs, the state in
# /data. CI cannot build images, so it checks what this file describes:
# .ci/run lints it, and cmd/briefbot's image test builds the program with
# the same go build line and starts it as the image does (its user, its
# environment and no other, its CMD), then runs its HEALTHCHECK.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags="-s -w" -o /out/briefbot ./cmd/briefbot \
 && mkdir -p /out/data /out/docs

FROM gcr.io/distroless/static-debian12:nonroot
ARG VERSION=dev
LABEL org.opencontainers.image.title="briefbot" \
      org.opencontainers.image.description="A Discord bot that answers questions about a pile of documents with verbatim, cited passages" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.base.name="gcr.io/distroless/static-debian12:nonroot"
COPY --from=build /out/briefbot /usr/local/bin/briefbot
# 65532 is the base image's "nonroot"; a number lets a cluster check that
# the image does not run as root.
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build --chown=65532:65532 /out/docs /docs
ENV BRIEFBOT_DATA=/data
VOLUME ["/data", "/docs"]
USER 65532:65532
EXPOSE 8080
# A large corpus takes minutes to build on its first start (later starts
# read the snapshot in /data): failures count only after the start period.
HEALTHCHECK --interval=30s --timeout=10s --start-period=5m --retries=3 \
  CMD ["/usr/local/bin/briefbot", "health", "127.0.0.1:8080"]
ENTRYPOINT ["/usr/local/bin/briefbot"]
# HTTP interactions, /healthz and /metrics on the exposed port, and the
# gateway too when DISCORD_TOKEN is set. Any other command replaces this:
# "docker run -i IMAGE console", "docker run IMAGE ask 'question'".
CMD ["serve", "--listen", ":8080"]
