# Multi-stage build: a static binary with the seed corpus embedded, run as a
# non-root user. Extra documents go in /docs, state (subscriptions, the
# knowledge-base snapshot) in /data.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/briefbot ./cmd/briefbot \
 && mkdir -p /out/data /out/docs

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/briefbot /usr/local/bin/briefbot
COPY --from=build --chown=nonroot:nonroot /out/data /data
COPY --from=build --chown=nonroot:nonroot /out/docs /docs
ENV BRIEFBOT_DATA=/data
VOLUME ["/data", "/docs"]
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/briefbot"]
