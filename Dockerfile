# syntax=docker/dockerfile:1
#
# motion-in-ocean container images, for linux/amd64 and linux/arm64 (64-bit Raspberry Pi OS).
#
#   docker build -t motion-in-ocean:webcam .                         # default: webcam + ffmpeg
#   docker build --target management -t motion-in-ocean:management .  # hub, no camera tools
#   docker buildx build --platform linux/arm64 --target webcam-pi \
#       -t motion-in-ocean:webcam-pi .                              # Pi CSI camera (rpicam-vid)
#
# Targets: management (jar + JRE), webcam (adds ffmpeg for MIO_CAMERA=usb), webcam-pi (adds
# rpicam-apps from the Raspberry Pi archive, arm64 only). All run as
# uid 10001 (group video), keep state in the /data volume and check themselves with
# `java -jar /app/mio.jar healthcheck`, so no curl is installed. See docs/DEPLOYMENT.md.

ARG JDK_IMAGE=eclipse-temurin:25-jdk
ARG BASE_IMAGE=debian:trixie-slim

# ---- build: the shaded jar. Java bytecode is the same on every platform, so this stage runs
# natively on the build machine even when the image is cross-built for arm64.
FROM --platform=$BUILDPLATFORM ${JDK_IMAGE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B package -DskipTests

# ---- jre: a runtime holding only the modules the jar uses, linked on the target platform.
# The list is `jdeps --print-module-deps --ignore-missing-deps --multi-release 25 mio.jar`
# (java.base,java.desktop,java.naming,java.net.http,java.security.jgss,java.sql,jdk.management)
# plus jdk.unsupported, which Jetty and Jackson look up reflectively where jdeps cannot see it.
# java.desktop is ImageIO/Java2D for the mock camera; jdk.management feeds the JVM metrics.
# The RUN below refuses to link if the jar has grown a dependency that the list lacks.
FROM ${JDK_IMAGE} AS jre
ARG JLINK_MODULES="java.base,java.desktop,java.naming,java.net.http,java.security.jgss,\
java.sql,jdk.management,jdk.unsupported"
COPY --from=build /src/target/mio.jar /tmp/mio.jar
RUN set -eu; \
    needed="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 25 /tmp/mio.jar)"; \
    for m in $(echo "$needed" | tr ',' ' '); do \
      case ",$JLINK_MODULES," in *",$m,"*) ;; \
        *) echo "jlink: the jar needs module $m; add it to JLINK_MODULES" >&2; exit 1 ;; \
      esac; \
    done; \
    jlink --add-modules "$JLINK_MODULES" --strip-debug --no-man-pages --no-header-files \
      --compress=zip-6 --output /jre

# ---- runtime: what every image shares.
FROM ${BASE_IMAGE} AS runtime
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE_URL=
LABEL org.opencontainers.image.title="motion-in-ocean" \
      org.opencontainers.image.description="Self-hosted MJPEG webcam nodes and hub" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="${BASE_IMAGE}"
# No fonts or fontconfig: the mock camera paints its clock with shapes, not text, and runs on a
# bare trixie with this runtime (JlinkRuntimeIT's probe, replayed in a trixie chroot).
# uid/gid 10001 so no host account is shadowed; the video group (gid 44 on Debian and Raspberry
# Pi OS alike) owns /dev/video*, /dev/media* and /dev/dma_heap/* on the host.
RUN groupadd --gid 10001 mio \
 && useradd --uid 10001 --gid 10001 --groups video --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin mio \
 && mkdir -p /data /app \
 && chown 10001:10001 /data
COPY --from=jre /jre /opt/java
COPY --from=build /src/target/mio.jar /app/mio.jar
ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    MIO_DATA_DIR=/data \
    MIO_BIND_HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2
# A named volume copies this directory's owner (10001) on first use, so the app can write it.
VOLUME ["/data"]
WORKDIR /app
USER 10001:10001
EXPOSE 8000 8001
STOPSIGNAL SIGTERM
# The health check starts a second, short-lived JVM; C1 only and the serial GC keep it at about
# half a second of CPU. It asks /health on MIO_PORT, which each target sets to its own default.
# --start-interval (Docker Engine 25+) checks every 2 s until the first success, so compose
# `depends_on: condition: service_healthy` waits seconds rather than a full interval.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --start-interval=2s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", \
       "-jar", "/app/mio.jar", "healthcheck"]
# Serial GC, the C1 compiler only, a 16-128 MB heap, native heap trimming and two malloc
# arenas: measured in docs/PERFORMANCE.md (the same options as the systemd units). Each target
# trains /app/mio.aot, a JDK AOT cache for its mode, with these options: a mock webcam (and a
# hub) run on loopback for a few seconds. The cache halves start-up (0.8 -> 0.45 s to ready) and
# is always in step with the runtime and jar, being made in the image that ships them.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", \
            "-XX:CICompilerCount=1", "-Xms16m", "-Xmx128m", "-XX:MinHeapFreeRatio=10", \
            "-XX:MaxHeapFreeRatio=40", "-XX:TrimNativeHeapInterval=5000", \
            "-XX:AOTCache=/app/mio.aot", "-jar", "/app/mio.jar"]

# ---- management: the hub (port 8001).
FROM runtime AS management
USER root
RUN java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xms16m \
      -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=5000 \
      -XX:AOTCacheOutput=/app/mio.aot -jar /app/mio.jar aot-train --mode management \
 && chmod 0644 /app/mio.aot
USER 10001:10001
ENV MIO_PORT=8001
CMD ["management"]

# ---- rpi-keyring: the Raspberry Pi archive key, checked against its published fingerprint.
FROM --platform=$BUILDPLATFORM ${BASE_IMAGE} AS rpi-keyring
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gnupg \
 && rm -rf /var/lib/apt/lists/*
ARG RPI_KEY_URL=https://archive.raspberrypi.com/debian/raspberrypi.gpg.key
ARG RPI_KEY_FINGERPRINT=CF8A1AF502A2AA2D763BAE7E82B129927FA3303E
ADD ${RPI_KEY_URL} /tmp/raspberrypi.asc
RUN set -eu; \
    fpr="$(gpg --show-keys --with-colons /tmp/raspberrypi.asc \
      | awk -F: '$1=="fpr" {print $10; exit}')"; \
    if [ "$fpr" != "$RPI_KEY_FINGERPRINT" ]; then \
      echo "rpi-keyring: key fingerprint is '$fpr', expected $RPI_KEY_FINGERPRINT" >&2; exit 1; \
    fi; \
    gpg --dearmor < /tmp/raspberrypi.asc > /raspberrypi.gpg

# ---- webcam-pi: the CSI camera through rpicam-vid (MIO_CAMERA=csi). arm64 only: the Raspberry
# Pi archive publishes libcamera with the Pi's pipeline handlers for arm64 (and armhf).
FROM runtime AS webcam-pi
ARG TARGETARCH
ARG RPICAM_PACKAGE=rpicam-apps-lite
USER root
COPY --from=rpi-keyring /raspberrypi.gpg /etc/apt/keyrings/raspberrypi.gpg
RUN set -eu; \
    if [ "$TARGETARCH" != "arm64" ]; then \
      echo "webcam-pi needs linux/arm64; build --target webcam for $TARGETARCH" >&2; \
      exit 1; \
    fi; \
    printf '%s\n' 'Types: deb' 'URIs: http://archive.raspberrypi.com/debian/' \
      'Suites: trixie' 'Components: main' 'Signed-By: /etc/apt/keyrings/raspberrypi.gpg' \
      > /etc/apt/sources.list.d/raspberrypi.sources; \
    printf '%s\n' 'Package: libcamera* libpisp* rpicam-apps*' \
      'Pin: origin "archive.raspberrypi.com"' 'Pin-Priority: 1001' \
      > /etc/apt/preferences.d/raspberrypi-camera; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$RPICAM_PACKAGE"; \
    rm -rf /var/lib/apt/lists/*; \
    rpicam-vid --version; \
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xms16m \
      -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=5000 \
      -XX:AOTCacheOutput=/app/mio.aot -jar /app/mio.jar aot-train --mode webcam; \
    chmod 0644 /app/mio.aot
USER 10001:10001
ENV MIO_PORT=8000 \
    LIBCAMERA_LOG_LEVELS=*:WARN
CMD ["webcam"]

# ---- webcam (the default target): USB/V4L2 cameras through ffmpeg, the mock camera, and any
# MIO_CAMERA_COMMAND that writes MJPEG.
FROM runtime AS webcam
USER root
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/* \
 && ffmpeg -hide_banner -version | head -n 1 \
 && java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xms16m \
      -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=5000 \
      -XX:AOTCacheOutput=/app/mio.aot -jar /app/mio.jar aot-train --mode webcam \
 && chmod 0644 /app/mio.aot
USER 10001:10001
ENV MIO_PORT=8000
CMD ["webcam"]
