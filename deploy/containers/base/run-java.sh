#!/bin/bash
# The subset of the UBI image's run-java.sh that the service images use, with its defaults: the heap is
# JAVA_MAX_MEM_RATIO percent of the container's memory limit (80 there and here), the same GC options,
# JAVA_OPTS_APPEND appended, JAVA_APP_JAR run.
set -euo pipefail
ratio="${JAVA_MAX_MEM_RATIO:-80}"
# shellcheck disable=SC2086
exec java -XX:MaxRAMPercentage="$ratio" -XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 \
  -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-} \
  -jar "${JAVA_APP_JAR:?JAVA_APP_JAR is not set}" "$@"
